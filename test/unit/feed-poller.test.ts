// @vitest-environment jsdom
/** FeedPoller on a ManualClock with a scripted fetch: conditional GET, intervals, backoff, timeouts. */
import { describe, it, expect, vi, afterEach } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { FeedPoller, type FeedPollerOptions, type FeedSnapshot } from '../../src/feed/feed-poller'
import type { FeedError } from '../../src/feed/feed-error'
import { fakeFeedServer, flushPromises, rssWithTitles, type FakeReply } from '../fixtures/feeds/fake-feed-server'

const URL = 'https://news.example.com/feed.rss'
const T0 = Date.UTC(2025, 10, 19, 20, 0)
const ok = (titles: string[], headers: Record<string, string> = {}): FakeReply => ({
  status: 200,
  body: rssWithTitles(titles),
  headers: { 'Content-Type': 'application/rss+xml', ...headers },
})

function setup(reply: (n: number) => FakeReply, options: Partial<FeedPollerOptions> = {}) {
  const clock = new ManualClock(T0)
  let n = 0
  const server = fakeFeedServer(() => reply(n++))
  const poller = new FeedPoller({ url: URL, clock, fetch: server.fetch, random: () => 0.5, ...options })
  const lists: FeedSnapshot[] = []
  const errors: FeedError[] = []
  poller.events.on('articles', (s) => lists.push(s))
  poller.events.on('error', (e) => errors.push(e))
  /** Moves the clock and lets the answers of any poll it started arrive. */
  const advance = async (ms: number) => {
    clock.advance(ms)
    await flushPromises()
  }
  return { clock, server, poller, lists, errors, advance }
}

afterEach(() => vi.restoreAllMocks())

describe('FeedPoller', () => {
  it('polls at start, then every interval; sends the validators back; a 304 keeps the list', async () => {
    const t = setup((n) => (n === 0 ? ok(['One', 'Two'], { ETag: '"v1"', 'Last-Modified': 'Wed, 19 Nov 2025 19:38:00 GMT' }) : { status: 304 }))
    t.poller.start()
    await flushPromises()
    expect(t.lists).toHaveLength(1)
    expect(t.lists[0]!.articles.map((a) => a.title)).toEqual(['One', 'Two'])
    expect(t.lists[0]).toMatchObject({ url: URL, etag: '"v1"', fetchedAt: T0 })
    expect(t.server.requests[0]!.headers['If-None-Match']).toBeUndefined()
    expect(t.poller.status).toMatchObject({ state: 'ok', failures: 0, nextPollAt: T0 + 60_000 })

    await t.advance(59_999)
    expect(t.server.requests).toHaveLength(1)
    await t.advance(1)
    expect(t.server.requests).toHaveLength(2)
    expect(t.server.requests[1]!.headers).toMatchObject({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Wed, 19 Nov 2025 19:38:00 GMT',
    })
    expect(t.lists).toHaveLength(1)
    expect(t.poller.status).toMatchObject({ state: 'ok', notModified: true, lastSuccessAt: T0 + 60_000 })
  })

  it('starts with validators from the cache, so an unchanged feed answers 304 at once', async () => {
    const t = setup(() => ({ status: 304 }), { validators: { etag: '"cached"', lastModified: null } })
    t.poller.start()
    await flushPromises()
    expect(t.server.requests[0]!.headers['If-None-Match']).toBe('"cached"')
    expect(t.lists).toEqual([])
  })

  it('spreads the interval by the jitter', async () => {
    const early = setup(() => ok(['A']), { random: () => 0, intervalSeconds: 100, intervalJitter: 0.2 })
    early.poller.start()
    await flushPromises()
    expect(early.poller.status.nextPollAt).toBe(T0 + 80_000)
    const late = setup(() => ok(['A']), { random: () => 0.999999, intervalSeconds: 100, intervalJitter: 0.2 })
    late.poller.start()
    await flushPromises()
    expect(late.poller.status.nextPollAt).toBe(T0 + 120_000)
  })

  it('backs off exponentially while the feed fails, up to the cap, and recovers', async () => {
    const t = setup((n) => (n < 9 ? { status: 500 } : ok(['Back'])))
    t.poller.start()
    await flushPromises()
    const delays: number[] = []
    for (let i = 0; i < 8; i++) {
      const delay = t.poller.status.nextPollAt! - t.clock.now()
      delays.push(delay)
      await t.advance(delay)
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000])
    expect(t.errors).toHaveLength(9)
    expect(t.errors[0]).toMatchObject({ name: 'FeedError', code: 'http', status: 500, message: 'the feed answered HTTP 500' })
    expect(t.poller.status).toMatchObject({ state: 'failed', failures: 9 })

    await t.advance(300_000)
    expect(t.lists.map((s) => s.articles[0]!.title)).toEqual(['Back'])
    expect(t.poller.status).toMatchObject({ state: 'ok', failures: 0, lastError: null })
    expect(t.poller.status.nextPollAt! - t.clock.now()).toBe(60_000)
  })

  it('gives up on a hanging request after the timeout, keeps the last list, and recovers', async () => {
    const t = setup((n) => (n === 0 ? ok(['Kept']) : n === 1 ? 'hang' : n === 2 ? 'hang-deaf' : ok(['Kept', 'New'])), {
      timeoutSeconds: 10,
    })
    t.poller.start()
    await flushPromises()
    await t.advance(60_000)
    expect(t.server.requests).toHaveLength(2)
    await t.advance(9_999)
    expect(t.errors).toEqual([])
    await t.advance(1)
    expect(t.errors.map((e) => [e.code, e.message])).toEqual([['timeout', 'the feed did not answer within 10 s']])
    expect(t.server.requests[1]!.signal!.aborted).toBe(true)
    expect(t.lists).toHaveLength(1)

    // A fetch that ignores abort times out all the same.
    await t.advance(5_000)
    await t.advance(10_000)
    expect(t.errors.map((e) => e.code)).toEqual(['timeout', 'timeout'])

    await t.advance(10_000)
    expect(t.lists.map((s) => s.articles.map((a) => a.title))).toEqual([['Kept'], ['Kept', 'New']])
    expect(t.poller.status.failures).toBe(0)
  })

  it('reports network errors, malformed feeds and oversized ones as FeedErrors, keeping the list', async () => {
    const replies: FakeReply[] = [
      ok(['Good']),
      new TypeError('Failed to fetch'),
      { status: 200, body: '<rss><channel><item><title>cut' },
      { status: 200, body: 'x', headers: { 'Content-Length': '10000000' } },
    ]
    const t = setup((n) => replies[n] ?? ok(['Good']))
    t.poller.start()
    await flushPromises()
    for (const delay of [60_000, 5_000, 10_000]) await t.advance(delay)
    expect(t.errors.map((e) => e.code)).toEqual(['network', 'malformed', 'too-large'])
    expect(t.errors[0]!.message).toBe('the feed could not be reached (Failed to fetch)')
    expect(t.server.bodyReads()).toBe(2) // the 10 MB body was never read
    expect(t.lists).toHaveLength(1)
  })

  it('does not announce a 200 that brings the same list again', async () => {
    const t = setup(() => ok(['Same']))
    t.poller.start()
    await flushPromises()
    await t.advance(60_000)
    expect(t.server.requests).toHaveLength(2)
    expect(t.lists).toHaveLength(1)
  })

  it('refresh() polls at once and restarts the interval; ignored while a poll is out', async () => {
    const t = setup(() => ok(['A']))
    t.poller.start()
    t.poller.refresh() // the first poll is still out
    await flushPromises()
    expect(t.server.requests).toHaveLength(1)
    await t.advance(30_000)
    t.poller.refresh()
    await flushPromises()
    expect(t.server.requests).toHaveLength(2)
    expect(t.poller.status.nextPollAt).toBe(T0 + 90_000)
    expect(t.clock.pendingTimers()).toBe(1)
  })

  it('stop() drops an answer still on its way and leaves no timers; destroy() is final', async () => {
    const t = setup(() => ok(['Late']))
    t.poller.start()
    t.poller.stop()
    await flushPromises()
    expect(t.lists).toEqual([])
    expect(t.poller.status.state).toBe('stopped')
    expect(t.clock.pendingTimers()).toBe(0)
    t.poller.destroy()
    t.poller.start()
    await flushPromises()
    expect(t.server.requests).toHaveLength(1)
  })

  it('never throws to its caller, even when fetch or a listener does', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const t = setup(() => ok(['A']), {
      fetch: () => {
        throw new Error('fetch exploded')
      },
    })
    t.poller.events.on('error', () => {
      throw new Error('listener exploded')
    })
    expect(() => t.poller.start()).not.toThrow()
    await flushPromises()
    expect(t.errors.map((e) => e.message)).toEqual(['the feed could not be reached (fetch exploded)'])
    expect(consoleError).toHaveBeenCalled()
    expect(t.poller.status.state).toBe('failed')
    expect(t.clock.pendingTimers()).toBe(1)
  })
})
