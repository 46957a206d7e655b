/**
 * Raw feed entries -> the Article list the app shows: newest first, one per story, text cleaned
 * and capped, breaking news flagged. Dates and identities are read for every entry (cheap), but
 * text is only cleaned for the entries that make the cut, so a 10 000-item feed costs little more
 * than a 200-item one.
 */
import { BODY_MAX, SUMMARY_MAX, TITLE_MAX, type Article, type FeedEntry } from './article'
import { capText, cleanPlainText, foldWhitespace, htmlToText } from './html-to-text'
import { parseFeedDate } from './parse-feed-date'
import { DEFAULT_CONFIG } from '../config/defaults'

export interface ArticleRules {
  /** Most articles kept (default 200). */
  maxItems?: number
  /** A title starting with this (case-insensitive) is breaking news; the prefix is removed. '' = off. */
  breakingPrefix?: string
  /** Category (any case) -> section name; the first category with a mapping wins. */
  sectionMap?: Record<string, string>
}

export const DEFAULT_MAX_ITEMS = DEFAULT_CONFIG.feed.maxItems
export const DEFAULT_BREAKING_PREFIX = DEFAULT_CONFIG.feed.breakingPrefix
const MAX_TAGS = 20
const ID_MAX = 512
/** Longest author, tag and section names. */
const NAME_MAX = 100

const BREAKING_CATEGORY = /^breaking(\s+news)?$/i

interface DatedEntry {
  entry: FeedEntry
  index: number
  published: number | null
  updated: number | null
}

/** A short stable id for entries that have neither id nor link (FNV-1a). */
function hashId(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return 'h:' + (hash >>> 0).toString(36)
}

/** Newest first; undated entries after dated ones, in feed order (Array#sort is not stable on old engines). */
function newestFirst(a: DatedEntry, b: DatedEntry): number {
  const ta = a.published ?? a.updated
  const tb = b.published ?? b.updated
  if (ta !== tb) {
    if (ta === null) return 1
    if (tb === null) return -1
    return tb - ta
  }
  return a.index - b.index
}

function cleanCategories(raw: string[]): { tags: string[]; breaking: boolean } {
  const tags: string[] = []
  const seen = new Set<string>()
  let breaking = false
  for (const category of raw) {
    const tag = capText(htmlToText(category, { maxLength: NAME_MAX }), NAME_MAX)
    const key = tag.toLowerCase()
    if (BREAKING_CATEGORY.test(tag)) breaking = true
    else if (tag && !seen.has(key) && tags.length < MAX_TAGS) {
      seen.add(key)
      tags.push(tag)
    }
  }
  return { tags, breaking }
}

function sectionOf(tags: string[], sectionMap: Record<string, string> | undefined): string {
  if (sectionMap) {
    const lowerMap: Record<string, string> = {}
    for (const key of Object.keys(sectionMap)) lowerMap[key.toLowerCase()] = sectionMap[key]!
    for (const tag of tags) {
      const section = lowerMap[tag.toLowerCase()]
      if (section) return section
    }
  }
  return tags[0] ?? ''
}

function cleanEntry(dated: DatedEntry, id: string, rules: ArticleRules): Article {
  const { entry } = dated
  const { tags, breaking: breakingCategory } = cleanCategories(entry.categories)
  let title = htmlToText(entry.title, { maxLength: TITLE_MAX + 100 })
  const prefix = rules.breakingPrefix ?? DEFAULT_BREAKING_PREFIX
  const prefixed = prefix !== '' && title.toLowerCase().startsWith(prefix.toLowerCase())
  if (prefixed) title = title.slice(prefix.length).replace(/^[\s:\-–—|]+/, '')
  const summaryText = htmlToText(entry.summaryHtml, { maxLength: SUMMARY_MAX })
  const body = htmlToText(entry.bodyHtml || entry.summaryHtml, { multiline: true, maxLength: BODY_MAX })
  return {
    id,
    title: capText(title, TITLE_MAX),
    summary: capText(summaryText || foldWhitespace(body), SUMMARY_MAX),
    body: capText(body, BODY_MAX),
    url: entry.link,
    author: capText(htmlToText(entry.author, { maxLength: NAME_MAX }), NAME_MAX),
    published: dated.published,
    updated: dated.updated,
    // A mapped section is settings text: held to the same rules as a tag.
    section: capText(cleanPlainText(sectionOf(tags, rules.sectionMap)), NAME_MAX),
    tags,
    image: entry.image,
    breaking: breakingCategory || prefixed,
  }
}

export function normalizeEntries(entries: FeedEntry[], rules: ArticleRules = {}): Article[] {
  const steps = normalizeEntrySteps(entries, rules)
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value
}

/**
 * normalizeEntries one article at a time: it yields after each entry it cleans (the costly part),
 * so a caller can spread the work over several tasks (parse-feed.ts).
 */
export function* normalizeEntrySteps(entries: FeedEntry[], rules: ArticleRules = {}): Generator<void, Article[], void> {
  const maxItems = rules.maxItems ?? DEFAULT_MAX_ITEMS
  const dated = entries.map((entry, index): DatedEntry => ({
    entry,
    index,
    published: parseFeedDate(entry.published),
    updated: parseFeedDate(entry.updated),
  }))
  dated.sort(newestFirst)
  const articles: Article[] = []
  const seenIds = new Set<string>()
  const seenLinks = new Set<string>()
  for (const item of dated) {
    if (articles.length >= maxItems) break
    const { entry } = item
    const id = entry.id.trim().slice(0, ID_MAX) || entry.link || hashId(entry.title + '|' + entry.published)
    if (seenIds.has(id) || (entry.link !== null && seenLinks.has(entry.link))) continue
    seenIds.add(id)
    if (entry.link !== null) seenLinks.add(entry.link)
    const article = cleanEntry(item, id, rules)
    // An entry with nothing to read (only an id, say) has no place in a crawl or a list.
    if (article.title || article.summary) articles.push(article)
    yield
  }
  return articles
}

/**
 * An article from somewhere other than the parser (the storage cache), held to the parser's caps
 * and cleaning: text fields folded and capped as cleanEntry leaves them, at most MAX_TAGS tags.
 * Returns the same object when it already complies (as everything the parser made does), so a
 * caller can tell an intact list from a repaired one.
 */
export function capArticle(article: Article): Article {
  const line = (text: string, max: number) => capText(cleanPlainText(text), max)
  const capped: Article = {
    ...article,
    title: line(article.title, TITLE_MAX),
    summary: line(article.summary, SUMMARY_MAX),
    body: capText(cleanPlainText(article.body, { multiline: true }), BODY_MAX),
    author: line(article.author, NAME_MAX),
    section: line(article.section, NAME_MAX),
    tags: article.tags
      .slice(0, MAX_TAGS)
      .map((tag) => line(tag, NAME_MAX))
      .filter((tag) => tag !== ''),
  }
  const same =
    capped.title === article.title &&
    capped.summary === article.summary &&
    capped.body === article.body &&
    capped.author === article.author &&
    capped.section === article.section &&
    capped.tags.length === article.tags.length &&
    capped.tags.every((tag, i) => tag === article.tags[i])
  return same ? article : capped
}
