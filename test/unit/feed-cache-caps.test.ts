// @vitest-environment jsdom
/**
 * A cached feed is held to the same caps and cleaning as a fetched one when it is loaded, and a
 * crawl with nothing to show says why (crawlNotice) once the feed has failed.
 */
import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { MemoryStore } from '../../src/lib/key-value-store'
import { BODY_MAX, SUMMARY_MAX, TITLE_MAX, type Article } from '../../src/feed/article'
import { FeedCache, DEFAULT_CACHE_KEY } from '../../src/feed/feed-cache'
import { HeadlineStore } from '../../src/feed/headline-store'
import { capArticle } from '../../src/feed/normalize-articles'
import { parseFeed } from '../../src/feed/parse-feed'
import { crawlNotice } from '../../src/crawl/crawl-headlines'
import { FeedError } from '../../src/feed/feed-error'
import type { FeedStatus } from '../../src/feed/feed-poller'
import { readFixture } from '../fixtures/feeds/read-fixture'
import { fakeFeedServer, flushPromises } from '../fixtures/feeds/fake-feed-server'

const URL = 'https://news.example.com/feed.rss'
const T0 = Date.UTC(2025, 10, 19, 20, 0)

function article(i: number, extra: Partial<Article> = {}): Article {
  return {
    id: `a${i}`, title: `Headline ${i}`, summary: `Summary ${i}`, body: 'Body.', url: `https://news.example.com/${i}/`,
    author: 'Eric Mack', published: T0 - i * 60_000, updated: null, section: 'Newsfront', tags: ['russia'], image: null,
    breaking: false, ...extra,
  }
}

/** Writes raw JSON into the store, as a tampered or foreign cache would hold it. */
function storeHolding(articles: unknown[], validators = { etag: '"e1"', lastModified: 'Wed, 19 Nov 2025 19:38:00 GMT' }) {
  const store = new MemoryStore()
  store.set(DEFAULT_CACHE_KEY, JSON.stringify({ v: 1, url: URL, articles, ...validators, fetchedAt: T0 }))
  return store
}

/** The caps and cleaning every article the parser makes keeps. */
function expectCapped(a: Article): void {
  expect(a.title.length).toBeLessThanOrEqual(TITLE_MAX)
  expect(a.summary.length).toBeLessThanOrEqual(SUMMARY_MAX)
  expect(a.body.length).toBeLessThanOrEqual(BODY_MAX)
  for (const text of [a.author, a.section, ...a.tags]) expect(text.length).toBeLessThanOrEqual(100)
  for (const text of [a.title, a.summary, a.author, a.section, ...a.tags]) {
    expect(text).not.toMatch(/[^\S ]|  |[\x00-\x08\x0b\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]/)
    expect(text).toBe(text.trim())
  }
  expect(a.body).not.toMatch(/\n\n\n| \n|\n |[\u202a-\u202e]/)
  expect(a.tags.length).toBeLessThanOrEqual(20)
}

describe('a cached feed on load', () => {
  it('caps a 1 MB title (and summary, body, author, section, tags) as a fetched feed would be', () => {
    const huge = 'Huge headline '.repeat(75_000)
    const store = storeHolding([
      article(0, {
        title: huge,
        summary: 'x'.repeat(1_000_000),
        body: 'Paragraph.\n\n\n\n'.repeat(100_000),
        author: 'A'.repeat(5000),
        section: 'Money\n\t  Desk',
        tags: Array.from({ length: 500 }, (_, i) => `tag ${i}`),
      }),
      article(1, { title: 'Quiet\u202e headline\u0007 with\nbreaks' }),
    ])
    const loaded = new FeedCache(store).load(URL)!
    const [first, second] = loaded.articles
    expect(first!.title.length).toBeLessThanOrEqual(TITLE_MAX)
    expect(first!.title.startsWith('Huge headline Huge headline')).toBe(true)
    expect(first!.title.endsWith('…')).toBe(true)
    expect(first!.summary.length).toBe(SUMMARY_MAX)
    expect(first!.body.length).toBeLessThanOrEqual(BODY_MAX)
    expect(first!.body.startsWith('Paragraph.\n\nParagraph.\n\n')).toBe(true)
    expect(first!.author.length).toBeLessThanOrEqual(100)
    expect(first!.section).toBe('Money Desk')
    expect(first!.tags).toHaveLength(20)
    expect(second!.title).toBe('Quiet headline with breaks')
    loaded.articles.forEach(expectCapped)
    // A repaired list is not what the server's validators describe: the next poll fetches it whole.
    expect(loaded).toMatchObject({ etag: null, lastModified: null })
  })

  it('keeps no more articles than the feed would (maxItems, default 200)', () => {
    const store = storeHolding(Array.from({ length: 300 }, (_, i) => article(i)))
    expect(new FeedCache(store).load(URL)!.articles).toHaveLength(200)
    expect(new FeedCache(store, { maxItems: 25 }).load(URL)!.articles.map((a) => a.id)).toEqual(
      Array.from({ length: 25 }, (_, i) => `a${i}`),
    )
  })

  it('shows the capped title through the HeadlineStore on a cold start', () => {
    const store = storeHolding([article(0, { title: 'Long '.repeat(200_000) })])
    const server = fakeFeedServer(() => 'hang')
    const headlines = new HeadlineStore({ url: URL, store, clock: new ManualClock(T0), fetch: server.fetch, rules: { maxItems: 10 } })
    expect(headlines.source).toBe('cache')
    expect(headlines.articles[0]!.title.length).toBeLessThanOrEqual(TITLE_MAX)
    headlines.destroy()
  })

  it('leaves what the parser made untouched: a stored feed comes back the same, validators and all', () => {
    const feeds = ['craigslist.rss', 'reddit.rss', 'feedburner.atom', 'narro.rss', 'content-encoded.rss', 'newsroom.json', 'rss-1.rss']
    for (const name of feeds) {
      const parsed = parseFeed(readFixture(name), { url: `https://feeds.example.org/${name}`, sectionMap: { news: '  Top\n  News  ' } })
      for (const a of parsed.articles) {
        expect(capArticle(a)).toBe(a)
        expectCapped(a)
      }
      const store = new MemoryStore()
      const cache = new FeedCache(store, { maxChars: 10_000_000 })
      const feed = { url: URL, articles: parsed.articles, etag: '"e"', lastModified: null, fetchedAt: T0 }
      expect(cache.save(feed)).toBe(true)
      expect(cache.load(URL)).toEqual(feed)
    }
  })
})

describe('crawlNotice', () => {
  const status = (failures: number, lastError: FeedError | null): Pick<FeedStatus, 'failures' | 'lastError'> => ({ failures, lastError })

  it('says nothing while headlines show, while the first answer is on its way, or after a success', () => {
    expect(crawlNotice(3, status(2, new FeedError('http', 'x', 500)))).toBeNull()
    expect(crawlNotice(0, status(0, null))).toBeNull()
  })

  it('says briefly why there are none once the feed has failed, retries included', () => {
    expect(crawlNotice(0, status(1, new FeedError('http', 'the feed answered HTTP 404', 404)))).toBe('Headlines unavailable (HTTP 404)')
    expect(crawlNotice(0, status(4, new FeedError('timeout', '')))).toBe('Headlines unavailable (no answer)')
    expect(crawlNotice(0, status(1, new FeedError('network', '')))).toBe('Headlines unavailable (cannot reach the feed)')
    expect(crawlNotice(0, status(1, new FeedError('too-large', '')))).toBe('Headlines unavailable (feed too large)')
    expect(crawlNotice(0, status(1, new FeedError('malformed', '')))).toBe('Headlines unavailable (not a readable feed)')
  })

  it('follows a HeadlineStore with nothing cached: failing, retrying, then recovered', async () => {
    let n = 0
    const server = fakeFeedServer(() => (n++ < 2 ? { status: 503 } : { status: 200, body: readFixture('craigslist.rss') }))
    const clock = new ManualClock(T0)
    const headlines = new HeadlineStore({ url: URL, store: new MemoryStore(), clock, fetch: server.fetch, random: () => 0.5 })
    const said: Array<string | null> = []
    headlines.events.on('status', (s) => said.push(crawlNotice(headlines.articles.length, s)))
    headlines.start()
    await flushPromises()
    clock.advance(5_000)
    await flushPromises()
    clock.advance(10_000)
    await flushPromises()
    // loading, failed, retrying, failed, retrying, ok: the notice holds through the retries.
    const unavailable = 'Headlines unavailable (HTTP 503)'
    expect(said).toEqual([null, unavailable, unavailable, unavailable, unavailable, null])
    expect(headlines.articles.length).toBeGreaterThan(0)
    headlines.destroy()
  })
})
