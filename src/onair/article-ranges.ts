/**
 * Stories the stream says are on air: `EXT-X-DATERANGE` tags carrying `X-ARTICLE-ID` and/or
 * `X-ARTICLE-URL` (any CLASS; the demo and the README use `STORY_CLASS`), and ID3 marks
 * (id3-article-marks.ts). Pure: which range is active at a program date-time, which feed article
 * it names, and the QR URL that carries the live moment (`t=`).
 *
 * A range ends at `END-DATE`, else `START-DATE` + `DURATION` (or `PLANNED-DURATION`); one without
 * an end lasts until the next story starts, and at most `OPEN_RANGE_CAP_MS`.
 */
import { dateRangeAttr, dateRangeTimes, type DateRangeLike } from '../schedule/date-range-fields'
import type { Article } from '../feed/article'

/** The CLASS the demo streams and the README use for stories. */
export const STORY_CLASS = 'com.livenews.story'
/** How long a story with no end of its own stays on air when no next story starts: 10 minutes. */
export const OPEN_RANGE_CAP_MS = 10 * 60_000

/** A story mark before its end is settled: from a date range or an ID3 frame. */
export interface ArticleMark {
  id: string
  start: number
  /** Null: open, until the next mark (or the cap). */
  end: number | null
  articleId: string | null
  articleUrl: string | null
}

export interface ArticleRange {
  id: string
  /** Program date-time, ms since the epoch. */
  start: number
  end: number
  articleId: string | null
  articleUrl: string | null
}

/** The story marks among hls.js's date ranges (those naming an article). */
export function articleMarksFromDateRanges(ranges: Iterable<DateRangeLike>): ArticleMark[] {
  const marks: ArticleMark[] = []
  for (const range of ranges) {
    const articleId = dateRangeAttr(range.attr, 'X-ARTICLE-ID')
    const articleUrl = dateRangeAttr(range.attr, 'X-ARTICLE-URL')
    if (!articleId && !articleUrl) continue
    const times = dateRangeTimes(range)
    if (!times) continue
    marks.push({ id: range.id, start: times.start, end: times.end, articleId, articleUrl })
  }
  return marks
}

/** Settles each mark's end (an open one: the next later start, at most `capMs` on); sorted by start. */
export function articleRanges(marks: readonly ArticleMark[], capMs = OPEN_RANGE_CAP_MS): ArticleRange[] {
  const sorted = marks.slice().sort((a, b) => a.start - b.start)
  const ranges: ArticleRange[] = []
  sorted.forEach((m, i) => {
    const next = sorted.slice(i + 1).find((n) => n.start > m.start)
    const end = m.end ?? Math.min(next ? next.start : Infinity, m.start + capMs)
    if (end <= m.start) return
    ranges.push({ id: m.id, start: m.start, end, articleId: m.articleId, articleUrl: m.articleUrl })
  })
  return ranges
}

/** The range on air at `atMs` (the latest started, when two overlap), or null. */
export function activeRange(ranges: readonly ArticleRange[], atMs: number | null): ArticleRange | null {
  if (atMs === null || !Number.isFinite(atMs)) return null
  let found: ArticleRange | null = null
  for (const r of ranges) if (r.start <= atMs && atMs < r.end && (!found || r.start >= found.start)) found = r
  return found
}

/**
 * An article URL in a form two spellings of the same page share: http and https alike, host in
 * lower case without `www.` or a default port, no fragment, no trailing slash, no `utm_*`
 * parameters, the others sorted. Null for anything that is not an absolute http(s) URL.
 */
export function normaliseArticleUrl(value: string | null | undefined): string | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value.trim())
  } catch (error) {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : ''
  const path = url.pathname.replace(/\/+$/, '')
  const params: string[] = []
  url.searchParams.forEach((v, k) => {
    if (!/^utm_/i.test(k)) params.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  })
  params.sort()
  return `${host}${port}${path}${params.length ? `?${params.join('&')}` : ''}`
}

/** The feed article `range` names: by id first (the feed's guid), else by URL (normalised; also against a permalink guid). */
export function matchArticle(range: Pick<ArticleRange, 'articleId' | 'articleUrl'>, articles: readonly Article[]): Article | null {
  if (range.articleId) {
    const byId = articles.find((a) => a.id === range.articleId)
    if (byId) return byId
  }
  const wanted = normaliseArticleUrl(range.articleUrl) ?? normaliseArticleUrl(range.articleId)
  if (!wanted) return null
  return articles.find((a) => normaliseArticleUrl(a.url) === wanted || normaliseArticleUrl(a.id) === wanted) ?? null
}

/** ISO 8601 UTC, whole seconds without `.000`: `2025-12-01T18:00:00Z`. */
export function liveMomentText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/**
 * `url` (already a handoff URL: http(s), tracking parameters set) with `t=` the live moment, so the
 * phone opens the story at the moment the viewer saw it; `url` itself when there is no moment.
 * Set as a query parameter (replacing a `t` already there), before any fragment.
 */
export function withLiveMoment(url: string, momentMs: number | null): string {
  if (momentMs === null || !Number.isFinite(momentMs)) return url
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch (error) {
    return url
  }
  parsed.searchParams.set('t', liveMomentText(momentMs))
  return parsed.toString()
}

/**
 * Whether the On-air chip shows: a matched story on air, and no ad break. The one place a
 * condition on showing it goes (the ad-break watch sets `adBreak`).
 */
export function onAirShown(range: ArticleRange | null, article: Article | null, adBreak: boolean): boolean {
  return !!range && !!article && !adBreak
}
