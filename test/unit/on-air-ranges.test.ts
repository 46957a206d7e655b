import { describe, expect, it } from 'vitest'
import {
  activeRange,
  articleMarksFromDateRanges,
  articleRanges,
  matchArticle,
  normaliseArticleUrl,
  onAirShown,
  OPEN_RANGE_CAP_MS,
  withLiveMoment,
} from '../../src/onair/article-ranges'
import { handoffUrl } from '../../src/qr/qr-code'
import { story } from './browse-fixtures'

const T0 = Date.parse('2025-12-01T18:00:00Z')
const range = (id: string, startOffsetS: number, fields: { end?: number; duration?: number; planned?: number; attr?: Record<string, unknown>; cls?: string } = {}) => ({
  id,
  class: fields.cls ?? 'com.livenews.story',
  startDate: new Date(T0 + startOffsetS * 1000),
  endDate: fields.end !== undefined ? new Date(T0 + fields.end * 1000) : null,
  duration: fields.duration ?? null,
  plannedDuration: fields.planned ?? null,
  attr: fields.attr ?? { 'X-ARTICLE-ID': id },
})

describe('story ranges from the playlist\'s date ranges', () => {
  it('reads X-ARTICLE-ID / X-ARTICLE-URL with END-DATE, DURATION or PLANNED-DURATION; ignores ranges naming no article', () => {
    const marks = articleMarksFromDateRanges([
      range('a', 0, { end: 60 }),
      range('b', 60, { duration: 30, attr: { 'X-ARTICLE-URL': ' https://news.example.com/b/ ' } }),
      range('c', 90, { planned: 45 }),
      range('prog', 0, { duration: 1800, attr: { 'X-TITLE': 'Evening Bulletin' }, cls: 'com.livenews.programme' }),
    ])
    expect(articleRanges(marks)).toEqual([
      { id: 'a', start: T0, end: T0 + 60_000, articleId: 'a', articleUrl: null },
      { id: 'b', start: T0 + 60_000, end: T0 + 90_000, articleId: null, articleUrl: 'https://news.example.com/b/' },
      { id: 'c', start: T0 + 90_000, end: T0 + 135_000, articleId: 'c', articleUrl: null },
    ])
  })

  it('ends a range without an end where the next story starts, else after the cap', () => {
    const ranges = articleRanges(articleMarksFromDateRanges([range('late', 100), range('early', 0)]))
    expect(ranges.map((r) => [r.id, r.end - T0])).toEqual([
      ['early', 100_000],
      ['late', 100_000 + OPEN_RANGE_CAP_MS],
    ])
  })

  it('finds the story on air at a program date-time: none before, between or after; the later one where two overlap', () => {
    const ranges = articleRanges(articleMarksFromDateRanges([range('a', 0, { duration: 30 }), range('b', 60, { duration: 60 }), range('c', 90, { duration: 10 })]))
    expect(activeRange(ranges, T0 - 1)).toBeNull()
    expect(activeRange(ranges, T0)?.id).toBe('a')
    expect(activeRange(ranges, T0 + 30_000)).toBeNull()
    expect(activeRange(ranges, T0 + 95_000)?.id).toBe('c')
    expect(activeRange(ranges, T0 + 100_000)?.id).toBe('b')
    expect(activeRange(ranges, null)).toBeNull()
  })
})

describe('matching a story to a feed article', () => {
  const feed = [
    story('https://news.example.com/newsfront/senate/2025/11/19/id/1301/', { url: 'https://news.example.com/newsfront/senate/2025/11/19/id/1301/' }),
    story('guid-42', { url: 'https://www.news.example.com/money/rates?b=2&a=1' }),
  ]

  it('by id (the feed\'s guid) first', () => {
    expect(matchArticle({ articleId: 'guid-42', articleUrl: 'https://elsewhere.example/' }, feed)?.id).toBe('guid-42')
  })

  it('else by URL, spelled differently (scheme, www, trailing slash, fragment, utm_*, parameter order)', () => {
    expect(matchArticle({ articleId: 'cms-9', articleUrl: 'http://news.example.com/money/rates/?a=1&utm_source=tv&b=2#top' }, feed)?.id).toBe('guid-42')
    expect(matchArticle({ articleId: null, articleUrl: 'https://NEWS.example.com/newsfront/senate/2025/11/19/id/1301' }, feed)?.id).toBe(feed[0]!.id)
  })

  it('an id that is a permalink matches the article with that URL', () => {
    expect(matchArticle({ articleId: 'https://news.example.com/money/rates?a=1&b=2', articleUrl: null }, feed)?.id).toBe('guid-42')
  })

  it('nothing when the feed has no such article, or the URL is no http(s) URL', () => {
    expect(matchArticle({ articleId: 'nope', articleUrl: 'https://news.example.com/other/' }, feed)).toBeNull()
    expect(matchArticle({ articleId: null, articleUrl: 'javascript:alert(1)' }, feed)).toBeNull()
    expect(normaliseArticleUrl('ftp://x/')).toBeNull()
  })
})

describe('the live moment in a QR URL', () => {
  const at = Date.parse('2025-12-01T18:00:04Z')

  it('adds t= (ISO 8601 UTC) after the tracking parameters, before a fragment', () => {
    const handoff = handoffUrl('https://news.example.com/story/?id=7#comments', { utm_source: 'tv' })!
    const url = new URL(withLiveMoment(handoff, at))
    expect(url.searchParams.get('id')).toBe('7')
    expect(url.searchParams.get('utm_source')).toBe('tv')
    expect(url.searchParams.get('t')).toBe('2025-12-01T18:00:04Z')
    expect(url.hash).toBe('#comments')
  })

  it('replaces a t= already there; leaves the URL alone without a moment', () => {
    expect(new URL(withLiveMoment('https://news.example.com/s?t=old', at)).searchParams.getAll('t')).toEqual(['2025-12-01T18:00:04Z'])
    expect(withLiveMoment('https://news.example.com/s', null)).toBe('https://news.example.com/s')
  })
})

describe('whether the chip shows', () => {
  const r = { id: 'a', start: T0, end: T0 + 1, articleId: 'a', articleUrl: null }
  it('only for a matched story, and never during an ad break', () => {
    expect(onAirShown(r, story('a'), false)).toBe(true)
    expect(onAirShown(r, story('a'), true)).toBe(false)
    expect(onAirShown(r, null, false)).toBe(false)
    expect(onAirShown(null, null, false)).toBe(false)
  })
})
