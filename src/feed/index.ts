/**
 * The feed module: fetch -> decode -> parse -> clean -> dedupe/sort -> cache -> headline store.
 * The app needs HeadlineStore (or FeedPoller + FeedCache), crawlHeadlines and the types; parseFeed
 * is exported for the parse benchmark.
 */
export type { Article, FeedFormat, ParsedFeed } from './article'
export { TITLE_MAX, SUMMARY_MAX, BODY_MAX } from './article'
export { FeedError, isFeedError, type FeedErrorCode } from './feed-error'
export { decodeFeedBytes } from './decode-feed-bytes'
export { parseFeed, parseFeedBytes, DEFAULT_MAX_BYTES, type FeedParseOptions } from './parse-feed'
export { DEFAULT_MAX_ITEMS, DEFAULT_BREAKING_PREFIX, type ArticleRules } from './normalize-articles'
export {
  FeedPoller,
  DEFAULT_FEED_BACKOFF,
  FEED_ACCEPT,
  type FeedRevalidation,
  type FeedPollerOptions,
  type FeedPollerEvents,
  type FeedStatus,
  type FeedPollState,
  type FeedSnapshot,
  type FeedValidators,
  type FeedFetch,
  type FeedResponse,
  type FeedRequestInit,
} from './feed-poller'
export { FeedCache, DEFAULT_CACHE_KEY, DEFAULT_CACHE_MAX_CHARS, type CachedFeed, type FeedCacheOptions } from './feed-cache'
export { HeadlineStore, type HeadlineStoreOptions, type HeadlineStoreEvents, type HeadlineSource } from './headline-store'
export { crawlHeadlines, crawlNotice, type HeadlineItem, type CrawlOptions } from './crawl-headlines'
