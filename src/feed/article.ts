/**
 * The app's one article model, whatever the feed format, and the raw entry each format parser
 * produces before cleaning (see normalize-articles.ts).
 */
export interface Article {
  /** Stable identity: the feed's guid/id, else the link, else a hash of title and date. */
  id: string
  /** Plain text, at most TITLE_MAX characters; '' when the feed gave none. */
  title: string
  /** Plain text on one line, at most SUMMARY_MAX characters. */
  summary: string
  /** Plain text; paragraphs separated by a blank line; at most BODY_MAX characters. */
  body: string
  /** The article page: an absolute http(s) URL, or null. */
  url: string | null
  /** '' when unknown. */
  author: string
  /** Milliseconds since the epoch, or null when missing or unreadable (never NaN). */
  published: number | null
  updated: number | null
  /** The first category (or its mapping in settings); '' when none. */
  section: string
  /** The categories, without the "breaking" marker. */
  tags: string[]
  /** An absolute http(s) image URL, or null. */
  image: string | null
  breaking: boolean
}

export const TITLE_MAX = 200
export const SUMMARY_MAX = 500
export const BODY_MAX = 20_000

/**
 * What a format parser reads out of one item, before cleaning: text fields still hold markup and
 * entities, dates are still strings. Links and images are already resolved against their base.
 */
export interface FeedEntry {
  id: string
  title: string
  /** Markup (HTML) as found in the feed; plain-text sources are escaped into HTML first. */
  summaryHtml: string
  bodyHtml: string
  link: string | null
  author: string
  published: string
  updated: string
  categories: string[]
  image: string | null
}

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'json'

export interface ParsedFeed {
  format: FeedFormat
  title: string
  /** The site the feed belongs to, when it says. */
  link: string | null
  articles: Article[]
}
