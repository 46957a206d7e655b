/**
 * The merge policy for the headline crawl, as a pure function: which headlines it shows and in
 * what order, and what it says when there are none. The crawl widget only applies it (and its
 * CrawlBelt decides how a changed list joins the tail).
 */
import type { Article } from '../feed/article'
import type { FeedError } from '../feed/feed-error'
import type { FeedStatus } from '../feed/feed-poller'
import { capText } from '../feed/html-to-text'

/** One line of the crawl: what crawlHeadlines makes of an article, and all the belt and widget use. */
export interface Headline {
  /** The article id: the crawl keys its text elements on it, and OK on it opens that article. */
  id: string
  text: string
  breaking: boolean
  /** The label before the text where it is not BREAKING (an emergency alert's: src/alerts/alert-board.ts). */
  label?: string
}

/** The label a headline carries in the crawl, or null: its own, else BREAKING for breaking news. */
export function crawlLabel(headline: Headline, breakingLabel: string): string | null {
  return headline.label ?? (headline.breaking ? breakingLabel : null)
}

export interface CrawlOptions {
  /** Most headlines in one pass of the crawl. */
  max: number
  /** Put breaking news ahead of the rest (default true); it is flagged either way. */
  breakingFirst?: boolean
}

/** A headline-less article still has a summary worth a line in the crawl. */
const FALLBACK_TEXT_MAX = 120

export function crawlHeadlines(articles: readonly Article[], options: CrawlOptions): Headline[] {
  const breakingFirst = options.breakingFirst ?? true
  const candidates = articles
    .map((article, index) => ({ article, index, text: article.title || capText(article.summary, FALLBACK_TEXT_MAX) }))
    .filter((c) => c.text !== '')
  candidates.sort((a, b) => {
    if (breakingFirst && a.article.breaking !== b.article.breaking) return a.article.breaking ? -1 : 1
    const ta = a.article.published ?? a.article.updated
    const tb = b.article.published ?? b.article.updated
    if (ta !== tb) return ta === null ? 1 : tb === null ? -1 : tb - ta
    return a.index - b.index // stable on engines whose sort is not
  })
  const items: Headline[] = []
  // The same story from two desks would scroll by twice.
  const seenText = new Set<string>()
  for (const { article, text } of candidates) {
    if (items.length >= options.max) break
    const key = text.toLowerCase()
    if (seenText.has(key)) continue
    seenText.add(key)
    items.push({ id: article.id, text, breaking: article.breaking })
  }
  return items
}

/** The words a viewer (or an installer) can act on, per kind of failure. */
function failureWords(error: FeedError): string {
  switch (error.code) {
    case 'http':
      return `HTTP ${error.status}`
    case 'timeout':
      return 'no answer'
    case 'network':
      return 'cannot reach the feed'
    case 'too-large':
      return 'feed too large'
    default:
      return 'not a readable feed'
  }
}

/**
 * What the crawl says instead of headlines: only when it has none to show (nothing cached, nothing
 * fetched) and the feed has failed, e.g. "Headlines unavailable (HTTP 404)". It stays through the
 * retries (a retry is no news) and goes with the first headlines. null: show the headlines, or
 * nothing while the first answer is on its way.
 */
export function crawlNotice(headlinesShown: number, status: Pick<FeedStatus, 'failures' | 'lastError'>): string | null {
  if (headlinesShown > 0 || status.failures === 0 || !status.lastError) return null
  return `Headlines unavailable (${failureWords(status.lastError)})`
}
