/**
 * FeedPoller: keeps one feed URL current. It fetches with a timeout, revalidates so an unchanged
 * feed costs a 304 (see FeedRevalidation), polls every interval with jitter (so a fleet of TVs
 * does not hit the newsroom in lockstep), and backs off exponentially while the feed fails. The
 * body is read as a stream where the engine has one, and the download is stopped the moment it
 * passes the size cap. Every timer is on the injected Clock. It never throws to its caller: a
 * failure is an `error` event and the last good articles stay where they are.
 */
import { systemClock, type Clock, type TimerId } from '../lib/clock'
import { backoffDelay, type BackoffPolicy } from '../lib/backoff'
import { Emitter } from '../lib/emitter'
import type { Article, ParsedFeed } from './article'
import { FeedError } from './feed-error'
import type { ArticleRules } from './normalize-articles'
import { DEFAULT_MAX_BYTES, asParseFailure, parseFeedBytes } from './parse-feed'
import { FEED_ACCEPT, discardBody, readCappedBody, requestWithTimeout, type FeedFetch, type FeedRevalidation } from './feed-http'
import type { FeedBytesParser } from './off-thread-feed-parser'
import { DEFAULT_CONFIG } from '../config/defaults'

export interface FeedValidators {
  etag: string | null
  lastModified: string | null
}

export interface FeedSnapshot extends FeedValidators {
  url: string
  title: string
  articles: Article[]
  fetchedAt: number
}

export type FeedPollState = 'idle' | 'loading' | 'ok' | 'failed' | 'stopped'

export interface FeedStatus {
  state: FeedPollState
  /** Failed polls in a row; 0 after a success or a 304. */
  failures: number
  /** The last answer was 304 Not Modified. */
  notModified: boolean
  lastSuccessAt: number | null
  nextPollAt: number | null
  lastError: FeedError | null
}

export interface FeedPollerEvents extends Record<string, unknown> {
  /** A new article list from the network (not sent when a 200 brings the same list again). */
  articles: FeedSnapshot
  error: FeedError
  status: FeedStatus
}

export interface FeedPollerOptions {
  url: string
  fetch?: FeedFetch
  clock?: Clock
  /** Seconds between polls (default: DEFAULT_CONFIG.feed.pollSeconds, src/config/defaults.ts). */
  intervalSeconds?: number
  /** Spread of each interval, 0..1 (default 0.1 = ±10 %). */
  intervalJitter?: number
  /** Seconds before a poll is abandoned (default 10), body included. */
  timeoutSeconds?: number
  /** Retry delays after failures (default 5 s doubling to 5 min, ±20 %). */
  backoff?: BackoffPolicy
  random?: () => number
  /** How articles are cleaned and capped; maxBytes caps the download. */
  rules?: ArticleRules & { maxBytes?: number }
  /** Validators of what is already on screen (from the cache), so a 304 keeps it. */
  validators?: FeedValidators | null
  /** Default 'explicit'; the app sets 'http-cache' (see FeedRevalidation). */
  revalidation?: FeedRevalidation
  /**
   * Where the body is parsed. Default: in the task that read it (node, tests); the app hands in
   * offThreadFeedParser(), which parses in the feed worker or in slices (docs/feed.md).
   */
  parse?: FeedBytesParser
}

export const DEFAULT_FEED_BACKOFF: BackoffPolicy = { initialMs: 5_000, maxMs: 300_000, factor: 2, jitter: 0.2 }
type PollOutcome = { kind: 'ok'; snapshot: FeedSnapshot } | { kind: 'not-modified' } | { kind: 'failed'; error: FeedError }

function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error
  return new FeedError('network', `the feed could not be reached (${error instanceof Error ? error.message : String(error)})`)
}

/** What a viewer would notice: which stories, in which order, with which words. */
function listSignature(articles: Article[]): string {
  return articles.map((a) => `${a.id}\u0001${a.title}\u0001${a.updated ?? a.published}\u0001${a.breaking}`).join('\u0002')
}

export class FeedPoller {
  readonly events = new Emitter<FeedPollerEvents>()
  private readonly clock: Clock
  private readonly fetch: FeedFetch
  private readonly random: () => number
  private readonly backoff: BackoffPolicy
  private validators: FeedValidators
  private lastSignature: string | null = null
  private running = false
  private destroyed = false
  private inFlight = false
  /** Bumped by stop(): an answer to an older poll is ignored. */
  private generation = 0
  private timer: TimerId | null = null
  private controller: AbortController | null = null
  private current: FeedStatus = {
    state: 'idle', failures: 0, notModified: false, lastSuccessAt: null, nextPollAt: null, lastError: null,
  }

  constructor(private readonly options: FeedPollerOptions) {
    this.clock = options.clock ?? systemClock
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init))
    this.random = options.random ?? Math.random
    this.backoff = options.backoff ?? DEFAULT_FEED_BACKOFF
    this.validators = { etag: options.validators?.etag ?? null, lastModified: options.validators?.lastModified ?? null }
  }

  get status(): FeedStatus {
    return this.current
  }

  /** Polls at once, then on schedule. */
  start(): void {
    if (this.running || this.destroyed) return
    this.running = true
    this.poll()
  }

  /** Polls now unless a poll is already on its way (while started). */
  refresh(): void {
    if (!this.running || this.inFlight) return
    this.cancelTimer()
    this.poll()
  }

  stop(): void {
    if (!this.running) return
    this.running = false
    this.generation++
    this.inFlight = false
    this.cancelTimer()
    this.controller?.abort()
    this.controller = null
    this.setStatus({ state: 'stopped', nextPollAt: null })
  }

  destroy(): void {
    this.stop()
    this.events.removeAll()
    this.destroyed = true
  }

  private poll(): void {
    const generation = this.generation
    this.inFlight = true
    this.setStatus({ state: 'loading', nextPollAt: null })
    this.fetchWithTimeout().then(
      (outcome) => this.settle(generation, outcome),
      (error: unknown) => this.settle(generation, { kind: 'failed', error: asFeedError(error) }),
    )
  }

  private fetchWithTimeout(): Promise<PollOutcome> {
    const controller = typeof AbortController === 'function' ? new AbortController() : null
    this.controller = controller
    const seconds = this.options.timeoutSeconds ?? DEFAULT_CONFIG.feed.timeoutSeconds
    return requestWithTimeout(this.clock, seconds, controller, 'the feed', (signal) => this.request(signal))
  }

  private async request(controller: AbortController | null): Promise<PollOutcome> {
    const { url } = this.options
    const explicit = this.options.revalidation !== 'http-cache'
    const headers: Record<string, string> = { Accept: FEED_ACCEPT }
    if (explicit && this.validators.etag) headers['If-None-Match'] = this.validators.etag
    if (explicit && this.validators.lastModified) headers['If-Modified-Since'] = this.validators.lastModified
    const response = await this.fetch(url, { headers, signal: controller?.signal, cache: explicit ? 'no-store' : 'no-cache' })
    if (response.status === 304) return { kind: 'not-modified' }
    if (response.status < 200 || response.status > 299) {
      throw new FeedError('http', `the feed answered HTTP ${response.status}`, response.status)
    }
    const etag = response.headers.get('ETag')
    const lastModified = response.headers.get('Last-Modified')
    if (this.isOnScreen(etag, lastModified)) {
      // The HTTP cache's answer to a revalidation (or a host that ignores validators): same list.
      discardBody(response)
      return { kind: 'not-modified' }
    }
    const bytes = await readCappedBody(response, this.options.rules?.maxBytes ?? DEFAULT_MAX_BYTES, controller)
    const contentType = response.headers.get('Content-Type')
    const parseOptions = { ...this.options.rules, url, contentType }
    const parse = this.options.parse
    let feed: ParsedFeed
    try {
      feed = parse ? await parse(bytes, parseOptions, controller?.signal) : parseFeedBytes(bytes, parseOptions)
    } catch (error) {
      // Anything the parser throws that is not a FeedError is still about this document.
      throw asParseFailure(error)
    }
    return {
      kind: 'ok',
      snapshot: { url, title: feed.title, articles: feed.articles, etag, lastModified, fetchedAt: this.clock.now() },
    }
  }

  /** The response carries the validators of the list on screen (ETag first, as HTTP compares them). */
  private isOnScreen(etag: string | null, lastModified: string | null): boolean {
    const current = this.validators
    if (etag !== null && current.etag !== null) return etag === current.etag
    return etag === null && current.etag === null && lastModified !== null && lastModified === current.lastModified
  }

  private settle(generation: number, outcome: PollOutcome): void {
    if (generation !== this.generation || !this.running) return
    this.inFlight = false
    this.controller = null
    if (outcome.kind === 'failed') {
      const failures = this.current.failures + 1
      this.emit('error', outcome.error)
      if (!this.running) return // a listener stopped us
      this.setStatus({ state: 'failed', failures, notModified: false, lastError: outcome.error, nextPollAt: this.scheduleNext(failures) })
      return
    }
    if (outcome.kind === 'ok') {
      this.validators = { etag: outcome.snapshot.etag, lastModified: outcome.snapshot.lastModified }
      const signature = listSignature(outcome.snapshot.articles)
      if (signature !== this.lastSignature) {
        this.lastSignature = signature
        this.emit('articles', outcome.snapshot)
      }
    }
    if (!this.running) return
    this.setStatus({
      state: 'ok',
      failures: 0,
      notModified: outcome.kind === 'not-modified',
      lastSuccessAt: this.clock.now(),
      lastError: null,
      nextPollAt: this.scheduleNext(0),
    })
  }

  /** Sets the timer for the next poll; returns when it will fire. */
  private scheduleNext(failures: number): number {
    const intervalMs = (this.options.intervalSeconds ?? DEFAULT_CONFIG.feed.pollSeconds) * 1000
    const jitter = this.options.intervalJitter ?? 0.1
    // The regular interval is a backoff that never grows (factor 1): the same jittered delay.
    const delay =
      failures > 0
        ? backoffDelay(this.backoff, failures - 1, this.random)
        : backoffDelay({ initialMs: intervalMs, maxMs: intervalMs * (1 + jitter), factor: 1, jitter }, 0, this.random)
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      this.poll()
    }, delay)
    return this.clock.now() + delay
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private setStatus(change: Partial<FeedStatus>): void {
    this.current = { ...this.current, ...change }
    this.emit('status', this.current)
  }

  /** A throwing listener must not break the polling loop or reach the caller. */
  private emit<K extends keyof FeedPollerEvents>(name: K, payload: FeedPollerEvents[K]): void {
    try {
      this.events.emit(name, payload)
    } catch (error) {
      console.error(`FeedPoller: a "${String(name)}" listener threw`, error)
    }
  }
}
