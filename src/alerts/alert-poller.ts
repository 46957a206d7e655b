/**
 * AlertPoller: keeps the CAP source (appSettings.alerts.url) current. The HTTP care is the feed's,
 * reused, not copied (src/feed/feed-http.ts): only CORS-safelisted headers (no preflight),
 * revalidation through the browser's HTTP cache, the body read no further than the size cap, and
 * the bytes decoded by their declared charset (src/feed/decode-feed-bytes.ts). FeedPoller itself
 * is not reused: its results are article lists (signature, cache validators of a story list).
 * Every timer is on the injected Clock; a failed poll is an `error` event, backed off, and the
 * last good alerts stay. It never throws to its caller.
 */
import { systemClock, type Clock, type TimerId } from '../lib/clock'
import { backoffDelay, type BackoffPolicy } from '../lib/backoff'
import { Emitter } from '../lib/emitter'
import { decodeFeedBytes } from '../feed/decode-feed-bytes'
import { FeedError } from '../feed/feed-error'
import { readCappedBody, requestWithTimeout, type FeedFetch } from '../feed/feed-http'
import { DEFAULT_FEED_BACKOFF } from '../feed/feed-poller'
import type { CapAlert } from './cap-alert'
import { parseCapText } from './parse-cap'

/** CAP, Atom, XML, then anything; short and plain, so it stays a CORS-safelisted Accept. */
export const CAP_ACCEPT = 'application/cap+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8'
/** CAP messages are small; an index of a whole country's alerts stays well under this. */
export const ALERTS_MAX_BYTES = 2_000_000

export interface AlertPollerEvents extends Record<string, unknown> {
  /** Every successful poll's messages (the caller filters them for the viewer: alerts-in-force.ts). */
  alerts: CapAlert[]
  error: FeedError
}

export interface AlertPollerOptions {
  url: string
  intervalSeconds: number
  fetch?: FeedFetch
  clock?: Clock
  timeoutSeconds?: number
  maxBytes?: number
  backoff?: BackoffPolicy
  random?: () => number
  /** 'browser': `cache: 'no-cache'` (the HTTP cache revalidates); 'node': `no-store`. */
  cacheMode?: RequestCache
  parse?: (text: string) => CapAlert[]
}

function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error
  return new FeedError('network', `the alert source could not be read (${error instanceof Error ? error.message : String(error)})`)
}

export class AlertPoller {
  readonly events = new Emitter<AlertPollerEvents>()
  private readonly clock: Clock
  private readonly fetch: FeedFetch
  private timer: TimerId | null = null
  private failures = 0
  private running = false
  private generation = 0

  constructor(private readonly options: AlertPollerOptions) {
    this.clock = options.clock ?? systemClock
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init))
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.poll()
  }

  stop(): void {
    this.running = false
    this.generation++
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private poll(): void {
    const generation = this.generation
    const controller = typeof AbortController === 'function' ? new AbortController() : null
    const seconds = this.options.timeoutSeconds ?? 10
    requestWithTimeout(this.clock, seconds, controller, 'the alert source', (signal) => this.load(signal)).then(
      (alerts) => this.settle(generation, alerts, null),
      (error: unknown) => this.settle(generation, null, asFeedError(error)),
    )
  }

  private async load(controller: AbortController | null): Promise<CapAlert[]> {
    const response = await this.fetch(this.options.url, {
      headers: { Accept: CAP_ACCEPT },
      signal: controller?.signal,
      cache: this.options.cacheMode ?? 'no-cache',
    })
    if (response.status < 200 || response.status > 299) {
      throw new FeedError('http', `the alert source answered HTTP ${response.status}`, response.status)
    }
    const bytes = await readCappedBody(response, this.options.maxBytes ?? ALERTS_MAX_BYTES, controller)
    const text = decodeFeedBytes(bytes, response.headers.get('Content-Type'))
    return (this.options.parse ?? parseCapText)(text)
  }

  private settle(generation: number, alerts: CapAlert[] | null, error: FeedError | null): void {
    if (generation !== this.generation || !this.running) return
    try {
      if (alerts) this.events.emit('alerts', alerts)
      else if (error) this.events.emit('error', error)
    } catch (thrown) {
      console.error('AlertPoller: a listener threw', thrown)
    }
    if (!this.running) return
    this.failures = alerts ? 0 : this.failures + 1
    const intervalMs = this.options.intervalSeconds * 1000
    const delay = this.failures > 0
      ? Math.min(intervalMs, backoffDelay(this.options.backoff ?? DEFAULT_FEED_BACKOFF, this.failures - 1, this.options.random))
      : intervalMs
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      this.poll()
    }, delay)
  }
}
