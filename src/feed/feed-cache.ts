/**
 * The last good feed, kept in a KeyValueStore (the SDK Storage in the app) so a cold start shows
 * headlines before the network answers, or when it never does. One key, versioned, size-capped.
 * Whatever is stored is untrusted on the way back in: old versions, other feeds, corrupt JSON
 * and malformed articles are ignored, never thrown, and what is kept is capped and cleaned as a
 * fetched feed is (capArticle, maxItems), so a 1 MB title in storage shows as 200 characters.
 */
import type { KeyValueStore } from '../lib/key-value-store'
import type { Article } from './article'
import { isRecord } from '../lib/values'
import { capArticle, DEFAULT_MAX_ITEMS } from './normalize-articles'

export interface CachedFeed {
  url: string
  articles: Article[]
  etag: string | null
  lastModified: string | null
  fetchedAt: number
}

export interface FeedCacheOptions {
  key?: string
  /** Largest serialized size, in characters (default 200 000): TV storage quotas are small. */
  maxChars?: number
  /** Most articles loaded, as the feed's own maxItems (default 200). */
  maxItems?: number
}

const VERSION = 1
export const DEFAULT_CACHE_KEY = 'feed.lastGood'
export const DEFAULT_CACHE_MAX_CHARS = 200_000

const isString = (v: unknown): v is string => typeof v === 'string'
const isTime = (v: unknown) => v === null || (typeof v === 'number' && isFinite(v))
const isHttpOrNull = (v: unknown) => v === null || (isString(v) && /^https?:\/\//i.test(v))

function isArticle(v: unknown): v is Article {
  return (
    isRecord(v) &&
    [v.id, v.title, v.summary, v.body, v.author, v.section].every(isString) &&
    v.id !== '' &&
    isHttpOrNull(v.url) &&
    isHttpOrNull(v.image) &&
    isTime(v.published) &&
    isTime(v.updated) &&
    Array.isArray(v.tags) &&
    v.tags.every(isString) &&
    typeof v.breaking === 'boolean'
  )
}

function serialize(feed: CachedFeed): string {
  return JSON.stringify({ v: VERSION, ...feed })
}

/**
 * The feed as stored, within maxChars: bodies go first (the bulk, and the network brings them
 * back), then the oldest articles. A trimmed list drops its validators, or a 304 on the next
 * cold start would keep the trimmed list on screen.
 */
export function serializeWithinLimit(feed: CachedFeed, maxChars: number): string | null {
  const whole = serialize(feed)
  if (whole.length <= maxChars) return whole
  const articles = feed.articles.map((a) => (a.body ? { ...a, body: '' } : a))
  const trimmed: CachedFeed = { ...feed, articles: [], etag: null, lastModified: null }
  const sizes = articles.map((a) => JSON.stringify(a).length + 1) // +1: the comma
  let total = serialize(trimmed).length + sizes.reduce((sum, size) => sum + size, 0)
  while (articles.length > 0 && total > maxChars) {
    articles.pop()
    total -= sizes.pop()!
  }
  trimmed.articles = articles
  const text = serialize(trimmed)
  return text.length <= maxChars ? text : null
}

export class FeedCache {
  private readonly key: string
  private readonly maxChars: number
  private readonly maxItems: number

  constructor(private readonly store: KeyValueStore, options: FeedCacheOptions = {}) {
    this.key = options.key ?? DEFAULT_CACHE_KEY
    this.maxChars = options.maxChars ?? DEFAULT_CACHE_MAX_CHARS
    this.maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS
  }

  /** The cached feed for `url`, or null when there is none usable. */
  load(url: string): CachedFeed | null {
    let data: unknown
    try {
      data = JSON.parse(this.store.get(this.key) ?? 'null')
    } catch {
      return null
    }
    if (!isRecord(data) || data.v !== VERSION || data.url !== url || !Array.isArray(data.articles)) return null
    const valid = data.articles.filter(isArticle)
    const articles = valid.slice(0, this.maxItems).map(capArticle)
    if (articles.length === 0) return null
    // Validators only describe the list as it was stored whole, and as this app stores it.
    const intact = articles.length === data.articles.length && articles.every((a, i) => a === valid[i])
    return {
      url,
      articles,
      etag: intact && isString(data.etag) ? data.etag : null,
      lastModified: intact && isString(data.lastModified) ? data.lastModified : null,
      fetchedAt: typeof data.fetchedAt === 'number' && isFinite(data.fetchedAt) ? data.fetchedAt : 0,
    }
  }

  /** Stores the feed; false when it cannot (quota, storage off). Never throws. */
  save(feed: CachedFeed): boolean {
    const text = serializeWithinLimit(feed, this.maxChars)
    if (text === null) return false
    try {
      this.store.set(this.key, text)
      return true
    } catch {
      return false
    }
  }

  clear(): void {
    try {
      this.store.remove(this.key)
    } catch {
      // Storage that cannot remove cannot hold a stale feed either.
    }
  }
}
