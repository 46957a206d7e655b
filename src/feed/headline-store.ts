/**
 * HeadlineStore: what the app shows from the feed, and where it came from. It wires a FeedPoller
 * to a FeedCache: the cached list is shown at once on start (before the network answers, or if
 * it never does), each new list from the network replaces it and is cached, and a failing feed
 * changes nothing on screen.
 */
import type { KeyValueStore } from '../lib/key-value-store'
import { Emitter } from '../lib/emitter'
import type { Article } from './article'
import { FeedCache, type FeedCacheOptions } from './feed-cache'
import type { FeedError } from './feed-error'
import { FeedPoller, type FeedPollerOptions, type FeedSnapshot, type FeedStatus } from './feed-poller'

export type HeadlineSource = 'none' | 'cache' | 'network'

export interface HeadlineStoreEvents extends Record<string, unknown> {
  articles: { articles: Article[]; source: HeadlineSource; fetchedAt: number }
  error: FeedError
  status: FeedStatus
}

export interface HeadlineStoreOptions extends FeedPollerOptions {
  store: KeyValueStore
  cache?: FeedCacheOptions
}

export class HeadlineStore {
  readonly events = new Emitter<HeadlineStoreEvents>()
  readonly poller: FeedPoller
  private readonly cache: FeedCache
  private current: Article[] = []
  private from: HeadlineSource = 'none'
  private fetchedAt = 0
  private readonly unsubscribe: Array<() => void>

  constructor(options: HeadlineStoreOptions) {
    this.cache = new FeedCache(options.store, { maxItems: options.rules?.maxItems, ...options.cache })
    const cached = this.cache.load(options.url)
    if (cached) {
      this.current = cached.articles
      this.from = 'cache'
      this.fetchedAt = cached.fetchedAt
    }
    this.poller = new FeedPoller({ ...options, validators: cached })
    this.unsubscribe = [
      this.poller.events.on('articles', (snapshot) => {
        this.current = snapshot.articles
        this.from = 'network'
        this.fetchedAt = snapshot.fetchedAt
        this.announce()
        // Stored in a task of its own: serialising a long list is not for the task that brings
        // it to the screen (docs/feed.md).
        this.saveLater(snapshot)
      }),
      this.poller.events.on('error', (error) => this.safeEmit('error', error)),
      this.poller.events.on('status', (status) => this.safeEmit('status', status)),
    ]
  }

  get articles(): Article[] {
    return this.current
  }

  get source(): HeadlineSource {
    return this.from
  }

  /** Announces the cached list (if any) at once, then starts polling. */
  start(): void {
    if (this.from === 'cache') this.announce()
    this.poller.start()
  }

  refresh(): void {
    this.poller.refresh()
  }

  stop(): void {
    this.poller.stop()
  }

  destroy(): void {
    this.saveNow() // a list not yet stored is stored now, not lost
    this.unsubscribe.forEach((off) => off())
    this.poller.destroy()
    this.events.removeAll()
  }

  private pendingSave: { timer: ReturnType<typeof setTimeout>; snapshot: FeedSnapshot } | null = null

  private saveLater(snapshot: FeedSnapshot): void {
    if (this.pendingSave) clearTimeout(this.pendingSave.timer)
    this.pendingSave = { timer: setTimeout(() => this.saveNow(), 0), snapshot }
  }

  private saveNow(): void {
    const pending = this.pendingSave
    if (!pending) return
    clearTimeout(pending.timer)
    this.pendingSave = null
    this.cache.save(pending.snapshot)
  }

  private announce(): void {
    this.safeEmit('articles', { articles: this.current, source: this.from, fetchedAt: this.fetchedAt })
  }

  private safeEmit<K extends keyof HeadlineStoreEvents>(name: K, payload: HeadlineStoreEvents[K]): void {
    try {
      this.events.emit(name, payload)
    } catch (error) {
      console.error(`HeadlineStore: a "${String(name)}" listener threw`, error)
    }
  }
}
