/**
 * JSON Feed 1.0/1.1 -> raw feed entries. Titles and summaries go through the same cleaner as
 * RSS text (feeds converted from RSS carry entities and markup in them); content_text is escaped
 * first so its angle brackets survive as text.
 */
import type { FeedEntry } from './article'
import { FeedError } from './feed-error'
import { firstImageSrc, plainTextToHtml } from './html-to-text'
import type { RawFeed } from './parse-rss'
import { httpLink } from './xml-document'
import { isRecord } from '../lib/values'

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  return typeof value === 'number' && isFinite(value) ? String(value) : ''
}

function authorOf(item: Record<string, unknown>): string {
  // 1.1 has `authors`; 1.0 had a single `author`.
  const authors = Array.isArray(item.authors) ? item.authors : [item.author]
  for (const author of authors) {
    if (isRecord(author) && text(author.name)) return text(author.name)
  }
  return ''
}

function readItem(item: Record<string, unknown>, feedUrl: string): FeedEntry {
  const link = httpLink(text(item.url), feedUrl) ?? httpLink(text(item.external_url), feedUrl)
  const contentHtml = text(item.content_html)
  const bodyHtml = contentHtml || plainTextToHtml(text(item.content_text))
  return {
    id: text(item.id) || link || '',
    title: text(item.title),
    summaryHtml: text(item.summary),
    bodyHtml,
    link,
    author: authorOf(item),
    published: text(item.date_published),
    updated: text(item.date_modified),
    categories: Array.isArray(item.tags) ? item.tags.map(text).filter(Boolean) : [],
    image:
      httpLink(text(item.image), feedUrl) ??
      httpLink(text(item.banner_image), feedUrl) ??
      httpLink(firstImageSrc(contentHtml), feedUrl),
  }
}

export function parseJsonFeed(json: string, feedUrl: string): RawFeed {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (error) {
    throw new FeedError('malformed', `the feed is not valid JSON (${(error as Error).message})`)
  }
  if (!isRecord(data)) throw new FeedError('malformed', 'the JSON feed is not an object')
  const version = text(data.version)
  if (!/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/.test(version)) {
    throw new FeedError('unsupported', `not a JSON Feed: version is ${JSON.stringify(version.slice(0, 80))}`)
  }
  if (!Array.isArray(data.items)) throw new FeedError('malformed', 'the JSON Feed has no "items" list')
  const items = data.items.filter(isRecord)
  return {
    title: text(data.title),
    link: httpLink(text(data.home_page_url), feedUrl),
    count: items.length,
    entry: (index) => readItem(items[index]!, feedUrl),
  }
}
