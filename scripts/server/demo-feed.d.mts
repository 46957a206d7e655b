// Types for demo-feed.mjs (JSDoc-typed plain ESM), so TypeScript tests can import it.
import type { IncomingMessage, ServerResponse } from 'node:http'

export type FeedFaultKind = '500' | 'hang' | 'malformed' | 'huge' | 'latin1' | 'hostile'
export interface FeedFaultRequest {
  fault: FeedFaultKind
  seconds?: number
}
export interface FeedFault {
  fault: FeedFaultKind
  /** ms by the feed's clock; null = until cleared */
  until: number | null
}
export interface DemoArticle {
  id: number
  slug: string
  section: 'Newsfront' | 'Health' | 'Money' | 'World'
  headline: string
  byline: string
  published: string
  tags: string[]
  summary: string
  body: string[]
  breaking?: boolean
  image?: string
  link?: string
}
export interface DemoFeed {
  /** Answers /feed.rss, /feed.json and /admin/feed/*; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url?: URL | string): boolean | Promise<boolean>
  /** Adds a story at once; throws FeedRequestError on a malformed item. */
  addItem(item: unknown): DemoArticle
  /** Switches a fault on (or off with null); throws FeedRequestError on an unknown one. */
  setFault(request: FeedFaultRequest | FeedFaultKind | null): FeedFault | null
  /** Back to the original list: added stories gone, rotation restarted. */
  restoreItems(): void
  visibleArticles(withHostile?: boolean): DemoArticle[]
}
export declare const FEED_FAULTS: readonly FeedFaultKind[]
/** Stories POSTed and kept at once; past it the oldest added story is dropped. */
export declare const MAX_ADDED_STORIES: number
export declare class FeedRequestError extends Error {}
export declare function parseFeedFault(request: unknown, now: number): FeedFault
export declare function createDemoFeed(options?: {
  now?: () => number
  baseUrl?: string
  newItemEverySeconds?: number
}): DemoFeed
