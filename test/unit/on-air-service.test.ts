import { describe, expect, it } from 'vitest'
import Hls from 'hls.js'
import { StreamArticleWatch } from '../../src/onair/stream-article-watch'
import { OnAirService, POLL_MS, type OnAir } from '../../src/onair/on-air'
import { ManualClock } from '../../src/lib/clock'
import { story } from './browse-fixtures'

type Handler = (event: string, data: unknown) => void
function mockHls() {
  const handlers = new Map<string, Handler[]>()
  return {
    playingDate: null as Date | null,
    on: (event: string, handler: Handler) => handlers.set(event, [...(handlers.get(event) ?? []), handler]),
    fire: (event: string, data: unknown) => (handlers.get(event) ?? []).forEach((h) => h(event, data)),
  }
}

const T0 = Date.parse('2025-12-01T18:00:00Z')
const storyRange = (id: string, articleId: string, startS: number, seconds: number) => ({
  id,
  class: 'com.livenews.story',
  startDate: new Date(T0 + startS * 1000),
  endDate: new Date(T0 + (startS + seconds) * 1000),
  duration: seconds,
  attr: { 'X-ARTICLE-ID': articleId },
})

function setUp() {
  const watch = new StreamArticleWatch()
  const hls = mockHls()
  watch.attach(hls as never, 'news')
  const clock = new ManualClock(0)
  const logs: string[] = []
  let feed = [story('a', { title: 'Storm hits coast', url: 'https://news.example.com/a/' }), story('b', { title: 'Rates hold' })]
  /** The next feed refresh: a new list, as HeadlineStore hands over. */
  const refreshFeed = (more: typeof feed) => (feed = [...feed, ...more])
  const onAir = new OnAirService({ watch, articles: () => feed, tracking: { utm_source: 'tv' }, clock, log: (m) => logs.push(m) })
  const changes: Array<OnAir | null> = []
  onAir.events.on('changed', (c) => changes.push(c))
  hls.fire(Hls.Events.LEVEL_LOADED, {
    details: { dateRanges: { s1: storyRange('s1', 'a', 10, 20), s2: storyRange('s2', 'missing', 40, 20), s3: storyRange('s3', 'b', 70, 20) } },
  })
  onAir.start()
  const playAt = (s: number) => {
    hls.playingDate = new Date(T0 + s * 1000)
    clock.advance(POLL_MS)
  }
  return { onAir, changes, logs, playAt, hls, watch, refreshFeed }
}

describe('On air: the playhead in a marked story', () => {
  it('shows the story\'s article when the playhead enters its range, with the QR URL carrying tracking and t=, and hides it at the end', () => {
    const { onAir, changes, playAt } = setUp()
    playAt(5)
    expect(onAir.current).toBeNull()
    playAt(12)
    expect(onAir.snapshot()).toEqual({ articleId: 'a', headline: 'Storm hits coast', qr: 'https://news.example.com/a/?utm_source=tv&t=2025-12-01T18%3A00%3A10Z' })
    expect(onAir.liveMoment()).toBe(T0 + 10_000)
    playAt(20)
    expect(changes).toHaveLength(1)
    playAt(31)
    expect(onAir.current).toBeNull()
    expect(onAir.liveMoment()).toBeNull()
    expect(changes).toEqual([expect.objectContaining({ article: expect.objectContaining({ id: 'a' }) }), null])
  })

  it('a story not in the feed: no chip, logged once; the live moment still holds for article QRs', () => {
    const { onAir, logs, playAt } = setUp()
    playAt(41)
    playAt(45)
    expect(onAir.current).toBeNull()
    expect(onAir.liveMoment()).toBe(T0 + 40_000)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toContain('missing')
  })

  it('a story whose article comes with the next feed refresh shows then, within the same range', () => {
    const { onAir, playAt, refreshFeed } = setUp()
    playAt(41)
    expect(onAir.current).toBeNull()
    refreshFeed([story('missing', { title: 'Late story', url: 'https://news.example.com/late' })])
    playAt(42)
    expect(onAir.snapshot()).toEqual({ articleId: 'missing', headline: 'Late story', qr: 'https://news.example.com/late?utm_source=tv&t=2025-12-01T18%3A00%3A40Z' })
  })

  it('hides during an ad break and shows again after it', () => {
    const { onAir, playAt } = setUp()
    playAt(72)
    expect(onAir.snapshot()?.articleId).toBe('b')
    onAir.setAdBreak(true)
    expect(onAir.current).toBeNull()
    onAir.setAdBreak(false)
    expect(onAir.snapshot()?.articleId).toBe('b')
  })

  it('an ID3 mark in a fragment starts a story at its PTS on the program date-time clock', () => {
    const { onAir, playAt, hls } = setUp()
    const text = new TextEncoder().encode('X-ARTICLE-ID')
    const body = [3, ...text, 0, ...new TextEncoder().encode('b')]
    const frame = [...'TXXX'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, body.length, 0, 0], body)
    const id3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, frame.length, ...frame])
    hls.fire(Hls.Events.FRAG_PARSING_METADATA, { frag: { programDateTime: T0 + 200_000, start: 50 }, samples: [{ pts: 52, data: id3 }] })
    playAt(201)
    expect(onAir.current).toBeNull()
    playAt(203)
    expect(onAir.snapshot()?.articleId).toBe('b')
    expect(onAir.liveMoment()).toBe(T0 + 202_000)
  })

  it('a new stream (a tune) forgets the old one\'s stories', () => {
    const { onAir, playAt, watch } = setUp()
    playAt(12)
    expect(onAir.current).not.toBeNull()
    watch.attach(mockHls() as never, 'world')
    playAt(13)
    expect(onAir.current).toBeNull()
  })
})
