// @vitest-environment jsdom
/** FeedCache (versioned, size-capped, corruption-proof) and HeadlineStore (cache + poller). */
import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { MemoryStore, type KeyValueStore } from '../../src/lib/key-value-store'
import type { Article } from '../../src/feed/article'
import { FeedCache, DEFAULT_CACHE_KEY, type CachedFeed } from '../../src/feed/feed-cache'
import { HeadlineStore, type HeadlineStoreEvents } from '../../src/feed/headline-store'
import { fakeFeedServer, flushPromises, rssWithTitles, type FakeReply } from '../fixtures/feeds/fake-feed-server'

const URL = 'https://news.example.com/feed.rss'
const T0 = Date.UTC(2025, 10, 19, 20, 0)

function article(i: number, body = 'Body text.'): Article {
  return {
    id: `a${i}`, title: `Headline ${i}`, summary: `Summary ${i}`, body, url: `https://news.example.com/${i}/`,
    author: 'Eric Mack', published: T0 - i * 60_000, updated: null, section: 'Newsfront', tags: ['russia'], image: null,
    breaking: i === 0,
  }
}
const feed = (articles: Article[]): CachedFeed => ({ url: URL, articles, etag: '"e1"', lastModified: 'Wed, 19 Nov 2025 19:38:00 GMT', fetchedAt: T0 })

describe('FeedCache', () => {
  it('round-trips the last good feed for the same URL only', () => {
    const cache = new FeedCache(new MemoryStore())
    expect(cache.save(feed([article(0), article(1)]))).toBe(true)
    expect(cache.load(URL)).toEqual(feed([article(0), article(1)]))
    expect(cache.load('https://other.example.com/feed.rss')).toBeNull()
    cache.clear()
    expect(cache.load(URL)).toBeNull()
  })

  it.each([
    ['not JSON', '{"v":1,'],
    ['JSON null', 'null'],
    ['an old version', JSON.stringify({ v: 0, ...feed([article(0)]) })],
    ['articles that are not a list', JSON.stringify({ v: 1, url: URL, articles: 'x' })],
    ['only broken articles', JSON.stringify({ v: 1, url: URL, articles: [{ id: 'x' }, { ...article(1), url: 'javascript:alert(1)' }] })],
  ])('ignores a cache holding %s', (_, raw) => {
    const store = new MemoryStore()
    store.set(DEFAULT_CACHE_KEY, raw)
    expect(new FeedCache(store).load(URL)).toBeNull()
  })

  it('keeps the good articles of a partly broken cache, without its validators', () => {
    const store = new MemoryStore()
    const broken = { ...article(2), published: 'yesterday' }
    store.set(DEFAULT_CACHE_KEY, JSON.stringify({ v: 1, ...feed([article(0), broken as unknown as Article, article(1)]) }))
    const loaded = new FeedCache(store).load(URL)!
    expect(loaded.articles.map((a) => a.id)).toEqual(['a0', 'a1'])
    expect(loaded.etag).toBeNull()
  })

  it('survives storage that throws on read, write and remove', () => {
    const hostile: KeyValueStore = {
      get: () => { throw new Error('SecurityError') },
      set: () => { throw new DOMException('full', 'QuotaExceededError') },
      remove: () => { throw new Error('nope') },
    }
    const cache = new FeedCache(hostile)
    expect(cache.load(URL)).toBeNull()
    expect(cache.save(feed([article(0)]))).toBe(false)
    expect(() => cache.clear()).not.toThrow()
  })

  it('stays under its size cap: bodies go first, then the oldest articles, and the validators', () => {
    const store = new MemoryStore()
    const articles = Array.from({ length: 200 }, (_, i) => article(i, 'Paragraph of body text. '.repeat(200)))
    const roomy = new FeedCache(store, { maxChars: 200_000 })
    expect(roomy.save(feed(articles))).toBe(true)
    expect(store.get(DEFAULT_CACHE_KEY)!.length).toBeLessThanOrEqual(200_000)
    const bodiless = roomy.load(URL)!
    expect(bodiless.articles).toHaveLength(200)
    expect(bodiless.articles.every((a) => a.body === '')).toBe(true)
    expect(bodiless.etag).toBeNull()

    const tight = new FeedCache(store, { maxChars: 20_000 })
    expect(tight.save(feed(articles))).toBe(true)
    const raw = store.get(DEFAULT_CACHE_KEY)!
    expect(raw.length).toBeLessThanOrEqual(20_000)
    const newest = tight.load(URL)!.articles
    expect(newest.length).toBeGreaterThan(40)
    expect(newest.map((a) => a.id)).toEqual(articles.slice(0, newest.length).map((a) => a.id))
    expect(new FeedCache(store, { maxChars: 50 }).save(feed(articles))).toBe(false)
  })
})

describe('HeadlineStore', () => {
  function setup(store: KeyValueStore, reply: (n: number) => FakeReply) {
    const clock = new ManualClock(T0)
    let n = 0
    const server = fakeFeedServer(() => reply(n++))
    const headlines = new HeadlineStore({ url: URL, store, clock, fetch: server.fetch, random: () => 0.5 })
    const seen: Array<HeadlineStoreEvents['articles']> = []
    const errors: string[] = []
    headlines.events.on('articles', (e) => seen.push(e))
    headlines.events.on('error', (e) => errors.push(e.code))
    return { clock, server, headlines, seen, errors }
  }
  const cachedStore = () => {
    const store = new MemoryStore()
    new FeedCache(store).save(feed([article(0), article(1)]))
    return store
  }

  it('shows the cached headlines at once on a cold start, and keeps them while the feed is down', async () => {
    const t = setup(cachedStore(), () => new TypeError('Failed to fetch'))
    expect(t.headlines.source).toBe('cache')
    t.headlines.start()
    expect(t.seen).toEqual([{ articles: [article(0), article(1)], source: 'cache', fetchedAt: T0 }])
    expect(t.server.requests[0]!.headers['If-None-Match']).toBe('"e1"')
    await flushPromises()
    t.clock.advance(5_000)
    await flushPromises()
    expect(t.errors).toEqual(['network', 'network'])
    expect(t.seen).toHaveLength(1)
    expect(t.headlines.articles.map((a) => a.id)).toEqual(['a0', 'a1'])
  })

  it('a 304 on a cold start keeps the cached list', async () => {
    const t = setup(cachedStore(), () => ({ status: 304 }))
    t.headlines.start()
    await flushPromises()
    expect(t.headlines.source).toBe('cache')
    expect(t.headlines.poller.status).toMatchObject({ state: 'ok', notModified: true })
  })

  it('replaces the list from the network and caches it for the next cold start', async () => {
    const store = cachedStore()
    const t = setup(store, () => ({ status: 200, body: rssWithTitles(['Fresh one', 'Fresh two']), headers: { ETag: '"e2"' } }))
    t.headlines.start()
    await flushPromises()
    expect(t.seen.map((e) => [e.source, e.articles.map((a) => a.title)])).toEqual([
      ['cache', ['Headline 0', 'Headline 1']],
      ['network', ['Fresh one', 'Fresh two']],
    ])
    t.headlines.destroy()
    const next = setup(store, () => 'hang')
    expect(next.headlines.articles.map((a) => a.title)).toEqual(['Fresh one', 'Fresh two'])
    next.headlines.start()
    expect(next.server.requests[0]!.headers['If-None-Match']).toBe('"e2"')
    next.headlines.destroy()
  })

  it('a new list reaches the screen first and is stored in a later task (docs/feed.md), or at once on destroy', async () => {
    const store = new MemoryStore()
    const t = setup(store, () => ({ status: 200, body: rssWithTitles(['Fresh one']) }))
    const storedWhenShown: Array<string | null> = []
    t.headlines.events.on('articles', () => storedWhenShown.push(store.get(DEFAULT_CACHE_KEY)))
    t.headlines.start()
    await flushPromises()
    expect(t.seen.map((e) => e.articles.map((a) => a.title))).toEqual([['Fresh one']])
    expect(storedWhenShown).toEqual([null])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(store.get(DEFAULT_CACHE_KEY)).toContain('Fresh one')

    const other = new MemoryStore()
    const u = setup(other, () => ({ status: 200, body: rssWithTitles(['Second']) }))
    u.headlines.start()
    await flushPromises()
    u.headlines.destroy()
    expect(other.get(DEFAULT_CACHE_KEY)).toContain('Second')
    t.headlines.destroy()
  })

  it('with no cache (or a corrupt one) starts empty and says nothing until the network answers', async () => {
    const store = new MemoryStore()
    store.set(DEFAULT_CACHE_KEY, '\u0000garbage')
    const t = setup(store, () => ({ status: 200, body: rssWithTitles(['First']) }))
    expect(t.headlines.source).toBe('none')
    t.headlines.start()
    expect(t.seen).toEqual([])
    await flushPromises()
    expect(t.seen.map((e) => e.source)).toEqual(['network'])
  })
})
