// @vitest-environment jsdom
/**
 * What the FeedPoller asks of the network and how it reads the answer: CORS-safelisted requests
 * with the HTTP cache revalidating ('http-cache'), explicit validators without one ('explicit'),
 * and a body read as a stream that stops at the size cap.
 */
import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { MemoryStore } from '../../src/lib/key-value-store'
import { FeedPoller, type FeedPollerOptions, type FeedSnapshot } from '../../src/feed/feed-poller'
import { FEED_ACCEPT, type FeedFetch, type FeedResponse } from '../../src/feed/feed-http'
import { FeedCache } from '../../src/feed/feed-cache'
import { HeadlineStore } from '../../src/feed/headline-store'
import type { FeedError } from '../../src/feed/feed-error'
import { fakeFeedServer, flushPromises, rssWithTitles, type FakeReply } from '../fixtures/feeds/fake-feed-server'

const URL = 'https://news.example.com/feed.rss'
const T0 = Date.UTC(2025, 10, 19, 20, 0)
const LAST_MODIFIED = 'Wed, 19 Nov 2025 19:38:00 GMT'

function setup(options: Partial<FeedPollerOptions> & { fetch: FeedFetch }) {
  const clock = new ManualClock(T0)
  const poller = new FeedPoller({ url: URL, clock, random: () => 0.5, ...options })
  const lists: FeedSnapshot[] = []
  const errors: FeedError[] = []
  poller.events.on('articles', (s) => lists.push(s))
  poller.events.on('error', (e) => errors.push(e))
  const poll = async () => {
    if (poller.status.state === 'idle') poller.start()
    else poller.refresh()
    for (let i = 0; i < 5; i++) await flushPromises()
  }
  return { clock, poller, lists, errors, poll }
}

/**
 * The Fetch spec's CORS-safelisted request headers, as far as the poller could send them: a
 * request with only these (and a simple method) is sent without a preflight.
 */
function isSafelisted(name: string, value: string): boolean {
  if (!['accept', 'accept-language', 'content-language'].includes(name.toLowerCase())) return false
  // No CORS-unsafe request-header byte, and at most 128 bytes.
  return value.length <= 128 && !/[\x00-\x08\x0a-\x1f"():<>?@[\\\]{}\x7f]/.test(value)
}

describe("the poller's requests", () => {
  it('the Accept header itself is safelisted (the old one was 130 bytes)', () => {
    expect(isSafelisted('Accept', FEED_ACCEPT)).toBe(true)
    expect(FEED_ACCEPT).toMatch(/^application\/rss\+xml,application\/atom\+xml,application\/feed\+json,/)
  })

  it("'http-cache': only safelisted headers, every poll, and the HTTP cache revalidates (no-cache)", async () => {
    const server = fakeFeedServer(() => ({ status: 200, body: rssWithTitles(['One']), headers: { ETag: '"v1"', 'Last-Modified': LAST_MODIFIED } }))
    const t = setup({ fetch: server.fetch, revalidation: 'http-cache', validators: { etag: '"cached"', lastModified: LAST_MODIFIED } })
    await t.poll()
    await t.poll()
    expect(server.requests).toHaveLength(2)
    for (const request of server.requests) {
      expect(Object.entries(request.headers).every(([name, value]) => isSafelisted(name, value))).toBe(true)
      expect(request.cache).toBe('no-cache')
    }
  })

  it("'explicit' (the default, for a fetch with no HTTP cache) sends the validators itself, no-store", async () => {
    const server = fakeFeedServer(() => ({ status: 304 }))
    const t = setup({ fetch: server.fetch, validators: { etag: '"cached"', lastModified: LAST_MODIFIED } })
    await t.poll()
    expect(server.requests[0]).toMatchObject({
      cache: 'no-store',
      headers: { Accept: FEED_ACCEPT, 'If-None-Match': '"cached"', 'If-Modified-Since': LAST_MODIFIED },
    })
    expect(t.poller.status).toMatchObject({ state: 'ok', notModified: true })
  })

  it('a 200 carrying the validators of the list on screen is "not modified": its body is not read', async () => {
    // What the HTTP cache hands back after a 304; cross-origin, ETag is not exposed, Last-Modified is.
    const replies: FakeReply[] = [
      { status: 200, body: rssWithTitles(['One']), headers: { 'Last-Modified': LAST_MODIFIED } },
      { status: 200, body: rssWithTitles(['One']), headers: { 'Last-Modified': LAST_MODIFIED } },
      { status: 200, body: rssWithTitles(['One', 'Two']), headers: { 'Last-Modified': 'Wed, 19 Nov 2025 19:40:00 GMT' } },
      { status: 200, body: rssWithTitles(['Three']), headers: { ETag: '"e3"', 'Last-Modified': 'Wed, 19 Nov 2025 19:40:00 GMT' } },
      { status: 200, body: rssWithTitles(['Three']), headers: { ETag: '"e3"', 'Last-Modified': 'Wed, 19 Nov 2025 19:40:00 GMT' } },
    ]
    let n = 0
    const server = fakeFeedServer(() => replies[n++]!)
    const t = setup({ fetch: server.fetch, revalidation: 'http-cache' })
    await t.poll()
    expect(server.bodyReads()).toBe(1)
    await t.poll()
    expect(server.bodyReads()).toBe(1)
    expect(t.poller.status).toMatchObject({ state: 'ok', notModified: true })
    await t.poll() // a new Last-Modified: read
    await t.poll() // a new ETag: read
    expect(server.bodyReads()).toBe(3)
    await t.poll()
    expect(server.bodyReads()).toBe(3)
    expect(t.lists.map((l) => l.articles.map((a) => a.title))).toEqual([['One'], ['One', 'Two'], ['Three']])
  })

  it("'http-cache' on a cold start: the HTTP cache's copy of what the storage cache holds keeps the cached list", async () => {
    const store = new MemoryStore()
    const cached = new FeedCache(store)
    const feed = { url: URL, articles: [], etag: null, lastModified: LAST_MODIFIED, fetchedAt: T0 - 60_000 }
    const server0 = fakeFeedServer(() => ({ status: 200, body: rssWithTitles(['Kept']) }))
    const first = setup({ fetch: server0.fetch })
    await first.poll()
    cached.save({ ...feed, articles: first.lists[0]!.articles })
    const server = fakeFeedServer(() => ({ status: 200, body: rssWithTitles(['Kept']), headers: { 'Last-Modified': LAST_MODIFIED } }))
    const headlines = new HeadlineStore({ url: URL, store, clock: new ManualClock(T0), fetch: server.fetch, random: () => 0.5, revalidation: 'http-cache' })
    headlines.start()
    for (let i = 0; i < 5; i++) await flushPromises()
    expect(headlines.source).toBe('cache')
    expect(headlines.poller.status).toMatchObject({ state: 'ok', notModified: true })
    expect(server.bodyReads()).toBe(0)
    headlines.destroy()
  })
})

/**
 * A response whose body is a pull stream of `total` bytes (RSS, then filler) that counts what is
 * pulled from it. Its arrayBuffer() reads the whole stream, as a real Response's does.
 */
function streamedResponse(total: number, options: { chunk?: number; headers?: Record<string, string>; text?: string } = {}) {
  const chunk = options.chunk ?? 64 * 1024
  const head = new TextEncoder().encode(options.text ?? '<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>')
  let pulled = 0
  let cancelled = false
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close()
        const size = Math.min(chunk, total - pulled)
        const bytes = new Uint8Array(size).fill(0x20)
        if (pulled < head.length) bytes.set(head.subarray(pulled, pulled + size))
        pulled += size
        controller.enqueue(bytes)
      },
      cancel() {
        cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  const headers = new Map(Object.entries({ 'Content-Type': 'application/rss+xml', ...options.headers }).map(([k, v]) => [k.toLowerCase(), v]))
  const response: FeedResponse = {
    status: 200,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    body,
    arrayBuffer: () => new Response(body).arrayBuffer(),
  }
  return { response, pulled: () => pulled, cancelled: () => cancelled }
}

describe('the size cap while reading', () => {
  it('stops a 60 MB body with no Content-Length (chunked, or gzip inflated) just past the cap', async () => {
    const big = streamedResponse(60_000_000)
    let signal: AbortSignal | undefined
    const t = setup({ fetch: (_, init) => ((signal = init.signal), Promise.resolve(big.response)) })
    await t.poll()
    expect(t.errors.map((e) => [e.code, e.message])).toEqual([
      ['too-large', 'the feed is larger than 5000 kB (download stopped); the limit is 5000 kB'],
    ])
    // The download stopped within a chunk of the 5 MB cap; the old code read all 60 MB first.
    expect(big.pulled()).toBeLessThanOrEqual(5_000_000 + 64 * 1024)
    expect(big.cancelled()).toBe(true)
    expect(signal!.aborted).toBe(true)
    expect(t.lists).toEqual([])
  })

  it('honours a smaller maxBytes the same way', async () => {
    const big = streamedResponse(10_000_000, { chunk: 1000 })
    const t = setup({ fetch: () => Promise.resolve(big.response), rules: { maxBytes: 50_000 } })
    await t.poll()
    expect(t.errors[0]!.message).toMatch(/the limit is 50 kB$/)
    expect(big.pulled()).toBeLessThanOrEqual(51_000)
  })

  it('reads a feed under the cap whole, in any chunking (a character split across chunks included)', async () => {
    const text = rssWithTitles(['Café society', 'Zürich wins', '東京 news'])
    const bytes = new TextEncoder().encode(text)
    const small = streamedResponse(bytes.length, { chunk: 7, text })
    const t = setup({ fetch: () => Promise.resolve(small.response) })
    await t.poll()
    expect(t.errors).toEqual([])
    expect(t.lists[0]!.articles.map((a) => a.title)).toEqual(['Café society', 'Zürich wins', '東京 news'])
  })

  it('refuses a too-large Content-Length before reading, and cancels the body', async () => {
    const big = streamedResponse(60_000_000, { headers: { 'Content-Length': '60000000' } })
    const t = setup({ fetch: () => Promise.resolve(big.response) })
    await t.poll()
    expect(t.errors[0]!.message).toBe('the feed is 60000 kB; the limit is 5000 kB')
    expect(big.pulled()).toBe(0)
    expect(big.cancelled()).toBe(true)
  })

  it('without a stream (an old engine), checks Content-Length first, then the size read', async () => {
    let reads = 0
    const plain = (length: string | null, size: number): FeedResponse => ({
      status: 200,
      headers: { get: (name) => (name.toLowerCase() === 'content-length' ? length : null) },
      body: null,
      arrayBuffer: async () => {
        reads++
        return new Uint8Array(size).buffer
      },
    })
    const declared = setup({ fetch: () => Promise.resolve(plain('6000000', 6_000_000)) })
    await declared.poll()
    expect(declared.errors[0]!.code).toBe('too-large')
    expect(reads).toBe(0)
    const undeclared = setup({ fetch: () => Promise.resolve(plain(null, 6_000_000)) })
    await undeclared.poll()
    expect(undeclared.errors[0]!.message).toBe('the feed is 6000 kB; the limit is 5000 kB')
    expect(reads).toBe(1)
  })
})
