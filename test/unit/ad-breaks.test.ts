import { describe, expect, it } from 'vitest'
import Hls, { M3U8Parser } from 'hls.js'
import { readSpliceInsert, hexBytes } from '../../src/ads/scte35'
import { cueMarkers, cueOutCont, cueOutSeconds, dateRangeMarkers, type SegmentLike } from '../../src/ads/ad-markers'
import { adBreaks, breakAt, OPEN_BREAK_CAP_MS } from '../../src/ads/ad-breaks'
import { AdBreakWatch } from '../../src/player/ad-break-watch'
import { ManualClock } from '../../src/lib/clock'

/** SCTE 35 (2019) sample 14.2, splice_insert: out of network, 60.293 s break, auto return. */
const SPLICE_INSERT_OUT = '0x' + Buffer.from('/DAvAAAAAAAA///wFAVIAACPf+/+c2nALv4AUsz1AAAAAAAKAAhDVUVJAAABNWLbowo=', 'base64').toString('hex').toUpperCase()
/** SCTE 35 (2019) sample 14.1: a time_signal (not a splice_insert). */
const TIME_SIGNAL = '0x' + Buffer.from('/DA0AAAAAAAA///wBQb+cr0AUAAeAhxDVUVJSAAAjn/PAAGlmbAICAAAAAAsoKGKNAIAmsnRfg==', 'base64').toString('hex')

/** A splice_insert back into the network, immediate, no duration: the same header as the sample. */
function spliceInsertIn(eventId: number): string {
  const command = [(eventId >>> 24) & 0xff, (eventId >>> 16) & 0xff, (eventId >>> 8) & 0xff, eventId & 0xff, 0x7f, 0x5f, 0x00, 0x00, 0x00, 0x00]
  const bytes = [0xfc, 0x30, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xf0, command.length + 1, 0x05, ...command, 0x00, 0x00]
  return '0x' + Buffer.from(bytes).toString('hex')
}

const T0 = Date.parse('2026-12-01T12:00:00Z')
const at = (s: number) => T0 + s * 1000

/** Segments of 2 s from `first` (seconds after T0), with tags before some of them. */
function segments(first: number, count: number, tags: Record<number, string[][]> = {}): SegmentLike[] {
  return Array.from({ length: count }, (_, i) => {
    const s = first + i * 2
    return { programDateTime: at(s), tagList: [['PROGRAM-DATE-TIME', new Date(at(s)).toISOString()], ...(tags[s] ?? []), ['INF', '2.000']] }
  })
}

describe('SCTE-35 splice_insert', () => {
  it('reads out_of_network and break_duration from a real splice_info_section', () => {
    expect(readSpliceInsert(SPLICE_INSERT_OUT)).toEqual({ eventId: 0x4800008f, outOfNetwork: true, breakDurationSeconds: 0x52ccf5 / 90000 })
    expect(readSpliceInsert(SPLICE_INSERT_OUT)!.breakDurationSeconds).toBeCloseTo(60.29, 2)
  })

  it('reads a return to the network, and is null for other commands and for garbage', () => {
    expect(readSpliceInsert(spliceInsertIn(7))).toEqual({ eventId: 7, outOfNetwork: false, breakDurationSeconds: null })
    expect(readSpliceInsert(TIME_SIGNAL)).toBeNull()
    expect(readSpliceInsert('0xFC30')).toBeNull()
    expect(readSpliceInsert('not hex')).toBeNull()
    expect(hexBytes('0x0')).toBeNull()
    expect(readSpliceInsert(SPLICE_INSERT_OUT.slice(0, 40))).toBeNull()
  })
})

describe('cue tags on segments', () => {
  it('reads CUE-OUT durations in both spellings and CUE-OUT-CONT in both', () => {
    expect(cueOutSeconds('30')).toBe(30)
    expect(cueOutSeconds('30.000')).toBe(30)
    expect(cueOutSeconds('DURATION=30')).toBe(30)
    expect(cueOutSeconds('')).toBeNull()
    expect(cueOutSeconds(undefined)).toBeNull()
    expect(cueOutCont('ElapsedTime=4,Duration=30')).toEqual({ elapsed: 4, duration: 30 })
    expect(cueOutCont('4.5/30')).toEqual({ elapsed: 4.5, duration: 30 })
    expect(cueOutCont('Duration=30')).toBeNull()
  })

  it('places a break at the program date-time of the segment the tag is on, as hls.js lists them', () => {
    const list = segments(0, 10, { 4: [['EXT-X-CUE-OUT', '8']], 12: [['EXT-X-CUE-IN']] })
    expect(cueMarkers(list)).toEqual([
      { kind: 'out', start: at(4), end: at(12) },
      { kind: 'in', at: at(12) },
    ])
    expect(adBreaks([], cueMarkers(list))).toEqual([{ start: at(4), end: at(12) }])
  })

  it('reads the tags as hls.js really keeps them in fragment tagLists', () => {
    const text = [
      '#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:10',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T12:00:00.000Z', '#EXTINF:2.000,', 'a.ts',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T12:00:02.000Z', '#EXT-X-CUE-OUT:DURATION=6', '#EXTINF:2.000,', 'b.ts',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T12:00:04.000Z', '#EXT-X-CUE-OUT-CONT:ElapsedTime=2,Duration=6', '#EXTINF:2.000,', 'c.ts',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T12:00:08.000Z', '#EXT-X-CUE-IN', '#EXTINF:2.000,', 'd.ts', '',
    ].join('\n')
    // The parser hls.js uses for every media playlist.
    const details = M3U8Parser.parseLevelPlaylist(text, 'http://x/live.m3u8', 0, 0 as never, 0, null) as unknown as { fragments: SegmentLike[] }
    expect(adBreaks([], cueMarkers(details.fragments))).toEqual([{ start: at(2), end: at(8) }])
  })

  it('recovers a break whose CUE-OUT slid out of the window from CUE-OUT-CONT', () => {
    const list = segments(20, 6, { 20: [['EXT-X-CUE-OUT-CONT', 'ElapsedTime=10,Duration=30']], 22: [['EXT-X-CUE-OUT-CONT', 'ElapsedTime=12,Duration=30']] })
    expect(adBreaks([], cueMarkers(list))).toEqual([{ start: at(10), end: at(40) }])
  })

  it('keeps a break without a duration open until its CUE-IN, across reloads of a sliding window', () => {
    const first = adBreaks([], cueMarkers(segments(0, 6, { 6: [['EXT-X-CUE-OUT']] })))
    expect(first).toEqual([{ start: at(6), end: null }])
    expect(breakAt(first, at(100))).not.toBeNull()
    // Later: the CUE-OUT is gone from the window, the CUE-IN arrives.
    const later = adBreaks(first, cueMarkers(segments(40, 6, { 44: [['EXT-X-CUE-IN']] })))
    expect(later).toEqual([{ start: at(6), end: at(44) }])
    expect(breakAt(later, at(43.9))).not.toBeNull()
    expect(breakAt(later, at(44))).toBeNull()
  })

  it('caps a break whose CUE-IN never comes', () => {
    const open = adBreaks([], cueMarkers(segments(0, 3, { 0: [['EXT-X-CUE-OUT']] })))
    expect(breakAt(open, at(0) + OPEN_BREAK_CAP_MS - 1)).not.toBeNull()
    expect(breakAt(open, at(0) + OPEN_BREAK_CAP_MS)).toBeNull()
  })

  it('ignores a CUE-IN without a CUE-OUT, merges duplicates and overlaps, and ends a break early on CUE-IN', () => {
    expect(adBreaks([], cueMarkers(segments(0, 4, { 2: [['EXT-X-CUE-IN']] })))).toEqual([])
    const dup = cueMarkers(segments(0, 10, { 2: [['EXT-X-CUE-OUT', '10']], 4: [['EXT-X-CUE-OUT', '10']] }))
    expect(adBreaks([], dup)).toEqual([{ start: at(2), end: at(14) }])
    const early = cueMarkers(segments(0, 10, { 2: [['EXT-X-CUE-OUT', '30']], 10: [['EXT-X-CUE-IN']] }))
    expect(adBreaks([], early)).toEqual([{ start: at(2), end: at(10) }])
    // Back to back: CUE-IN and the next CUE-OUT on one segment.
    const backToBack = cueMarkers(segments(0, 10, { 2: [['EXT-X-CUE-OUT']], 8: [['EXT-X-CUE-IN'], ['EXT-X-CUE-OUT', '4']] }))
    expect(adBreaks([], backToBack)).toEqual([{ start: at(2), end: at(8) }, { start: at(8), end: at(12) }])
    // Reloading the same window changes nothing.
    const once = adBreaks([], early)
    expect(adBreaks(once, early)).toEqual(once)
  })
})

const range = (id: string, startS: number, attr: Record<string, string>, opts: { end?: number; duration?: number; planned?: number } = {}) => ({
  id,
  startDate: new Date(at(startS)),
  endDate: opts.end !== undefined ? new Date(at(opts.end)) : opts.duration !== undefined ? new Date(at(startS + opts.duration)) : null,
  plannedDuration: opts.planned ?? null,
  attr,
})

describe('SCTE-35 date ranges', () => {
  it('reads the date ranges as hls.js parses them, an OUT and its IN under one ID merged', () => {
    const text = [
      '#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:10',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T12:00:00.000Z',
      `#EXT-X-DATERANGE:ID="splice-9",START-DATE="2026-12-01T12:00:02.000Z",PLANNED-DURATION=30,SCTE35-OUT=${SPLICE_INSERT_OUT}`,
      '#EXTINF:2.000,', 'a.ts',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T12:00:02.000Z', '#EXTINF:2.000,', 'b.ts',
      '#EXT-X-DATERANGE:ID="splice-9",START-DATE="2026-12-01T12:00:02.000Z",END-DATE="2026-12-01T12:00:22.000Z",SCTE35-IN=0xFC30',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T12:00:04.000Z', '#EXTINF:2.000,', 'c.ts', '',
    ].join('\n')
    const details = M3U8Parser.parseLevelPlaylist(text, 'http://x/live.m3u8', 0, 0 as never, 0, null)
    const ranges = Object.values(details.dateRanges)
    expect(ranges).toHaveLength(1)
    expect(adBreaks([], dateRangeMarkers(ranges as never))).toEqual([{ start: at(2), end: at(22) }])
  })

  it('reads SCTE35-OUT with DURATION, PLANNED-DURATION, END-DATE or the splice_insert\'s break_duration', () => {
    expect(dateRangeMarkers([range('a', 10, { 'SCTE35-OUT': '0xFC30' }, { duration: 30 })])).toEqual([{ kind: 'out', start: at(10), end: at(40) }])
    expect(dateRangeMarkers([range('b', 10, { 'SCTE35-OUT': '0xFC30' }, { planned: 20 })])).toEqual([{ kind: 'out', start: at(10), end: at(30) }])
    expect(dateRangeMarkers([range('c', 10, { 'SCTE35-OUT': SPLICE_INSERT_OUT })])).toEqual([{ kind: 'out', start: at(10), end: at(10) + 60294 }])
    expect(dateRangeMarkers([range('d', 10, { 'SCTE35-OUT': '0xFC30' })])).toEqual([{ kind: 'out', start: at(10), end: null }])
  })

  it('ends an open break at a range carrying SCTE35-IN, or at the END-DATE hls.js merged into the OUT\'s ID', () => {
    const open = range('splice-1', 10, { 'SCTE35-OUT': '0xFC30' })
    const back = range('splice-1-in', 35, { 'SCTE35-IN': '0xFC30' })
    expect(adBreaks([], dateRangeMarkers([open, back]))).toEqual([{ start: at(10), end: at(35) }])
    const merged = range('splice-2', 10, { 'SCTE35-OUT': '0xFC30', 'SCTE35-IN': '0xFC30', 'END-DATE': '…' }, { end: 32 })
    expect(adBreaks([], dateRangeMarkers([merged]))).toEqual([{ start: at(10), end: at(32) }])
  })

  it('reads SCTE35-CMD splice_inserts and leaves programmes and other ranges alone', () => {
    const out = range('cmd-out', 10, { 'SCTE35-CMD': SPLICE_INSERT_OUT })
    const back = range('cmd-in', 25, { 'SCTE35-CMD': spliceInsertIn(0x4800008f) })
    expect(adBreaks([], dateRangeMarkers([out, back]))).toEqual([{ start: at(10), end: at(25) }])
    expect(dateRangeMarkers([range('p', 0, { CLASS: 'com.livenews.programme', 'X-TITLE': 'News' }, { duration: 1800 }), range('t', 5, { 'SCTE35-CMD': TIME_SIGNAL })])).toEqual([])
  })
})

describe('AdBreakWatch: the playhead in a break', () => {
  function mockHls(startDate: number) {
    const handlers = new Map<string, Array<(e: string, d: unknown) => void>>()
    return {
      playingDate: new Date(startDate) as Date | null,
      on: (event: string, h: (e: string, d: unknown) => void) => handlers.set(event, [...(handlers.get(event) ?? []), h]),
      fire: (event: string, data: unknown) => (handlers.get(event) ?? []).forEach((h) => h(event, data)),
    }
  }

  it('emits adBreak true when the playhead reaches a CUE-OUT and false at the CUE-IN', () => {
    const clock = new ManualClock(0)
    const watch = new AdBreakWatch(clock, 500)
    const seen: boolean[] = []
    watch.events.on('adBreak', (v) => seen.push(v))
    const hls = mockHls(at(0))
    watch.attach(hls as never, 'news')
    hls.fire(Hls.Events.LEVEL_LOADED, { details: { fragments: segments(0, 10, { 6: [['EXT-X-CUE-OUT', '6']] }), dateRanges: {} } })
    expect(watch.adBreak).toBe(false)
    hls.playingDate = new Date(at(6.2))
    clock.advance(500)
    expect(watch.adBreak).toBe(true)
    hls.playingDate = new Date(at(12.1))
    clock.advance(500)
    expect(seen).toEqual([true, false])
  })

  it('forgets a channel\'s breaks on a tune to another, and a detached watch (native HLS) says no break', () => {
    const clock = new ManualClock(0)
    const watch = new AdBreakWatch(clock, 500)
    const news = mockHls(at(8))
    watch.attach(news as never, 'news')
    news.fire(Hls.Events.LEVEL_UPDATED, { details: { fragments: segments(0, 10, { 6: [['EXT-X-CUE-OUT']] }) } })
    expect(watch.adBreak).toBe(true)
    const world = mockHls(at(8))
    watch.attach(world as never, 'world')
    clock.advance(500)
    expect(watch.adBreak).toBe(false)
    // The old instance's late refresh is not the tuned channel's.
    news.fire(Hls.Events.LEVEL_UPDATED, { details: { fragments: segments(0, 10, { 6: [['EXT-X-CUE-OUT']] }) } })
    clock.advance(500)
    expect(watch.adBreak).toBe(false)
    world.fire(Hls.Events.LEVEL_UPDATED, { details: { fragments: [], dateRanges: { s: range('s', 0, { 'SCTE35-OUT': '0xFC30' }, { duration: 20 }) } } })
    expect(watch.adBreak).toBe(true)
    watch.detach()
    expect(watch.adBreak).toBe(false)
  })
})
