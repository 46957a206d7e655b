import { describe, expect, it } from 'vitest'
import Hls from 'hls.js'
import { StreamProgrammeWatch, type StreamProgrammes } from '../../src/player/stream-programme-watch'

type Handler = (event: string, data: unknown) => void

function mockHls() {
  const handlers = new Map<string, Handler[]>()
  return {
    on: (event: string, handler: Handler) => handlers.set(event, [...(handlers.get(event) ?? []), handler]),
    fire: (event: string, data: unknown) => (handlers.get(event) ?? []).forEach((h) => h(event, data)),
  }
}

const range = (id: string, start: string, seconds: number, title: string, cls = 'com.livenews.programme') => ({
  id,
  class: cls,
  startDate: new Date(start),
  endDate: new Date(Date.parse(start) + seconds * 1000),
  duration: seconds,
  attr: { 'X-TITLE': title },
})

describe('the stream\'s programmes from hls.js playlist events', () => {
  it('hands on the programme date ranges of each playlist load and refresh, once per change, with the channel', () => {
    const watch = new StreamProgrammeWatch()
    const seen: StreamProgrammes[] = []
    watch.events.on('programmes', (p) => seen.push(p))
    const hls = mockHls()
    watch.attach(hls as never, 'news')
    const details = { dateRanges: { a: range('a', '2025-12-01T18:00:00Z', 1800, 'Evening Bulletin'), ad: range('ad', '2025-12-01T18:10:00Z', 30, 'Ad', 'com.apple.hls.interstitial') } }
    hls.fire(Hls.Events.LEVEL_LOADED, { details })
    hls.fire(Hls.Events.LEVEL_UPDATED, { details })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.channelId).toBe('news')
    expect(seen[0]!.programmes.map((p) => [p.title, p.source])).toEqual([['Evening Bulletin', 'stream']])
    hls.fire(Hls.Events.LEVEL_UPDATED, { details: { dateRanges: { ...details.dateRanges, b: range('b', '2025-12-01T18:30:00Z', 1800, 'Sports Desk') } } })
    expect(seen).toHaveLength(2)
    expect(watch.latest!.programmes.map((p) => p.title)).toEqual(['Evening Bulletin', 'Sports Desk'])
  })

  it('reports none for a stream without date ranges after a channel that had them', () => {
    const watch = new StreamProgrammeWatch()
    const first = mockHls()
    watch.attach(first as never, 'news')
    first.fire(Hls.Events.LEVEL_LOADED, { details: { dateRanges: { a: range('a', '2025-12-01T18:00:00Z', 1800, 'Evening Bulletin') } } })
    const second = mockHls()
    watch.attach(second as never, 'world')
    second.fire(Hls.Events.LEVEL_LOADED, { details: { dateRanges: {} } })
    expect(watch.latest).toEqual({ channelId: 'world', programmes: [] })
  })
})
