import { describe, expect, it } from 'vitest'
import { M3U8Parser } from 'hls.js'
import { crc32Mpeg, demoAdBreaks, nominalBreakAt, spliceInsertHex } from '../../scripts/server/demo-ad-breaks.mjs'
import { liveWindow, renderLivePlaylist } from '../../scripts/server/live-window.mjs'
import { readSpliceInsert } from '../../src/ads/scte35'
import { cueMarkers, dateRangeMarkers, type SegmentLike } from '../../src/ads/ad-markers'
import { adBreaks, breakAt, type AdBreak } from '../../src/ads/ad-breaks'

const loop = Array.from({ length: 12 }, (_, i) => ({ uri: `seg${String(i).padStart(3, '0')}.ts`, duration: 2 }))
const channel = (id: string) => ({ id, segments: loop }) as never
/** Segment starts fall on odd seconds of the clock: breaks never start exactly on a segment. */
const EPOCH = Date.parse('2026-12-01T12:00:00.000Z') - 60_000 + 1000
const cadence = { everySeconds: 40, breakSeconds: 12 }

/** The channel's playlist at `nowMs` as the demo server writes it, read back by hls.js and the app. */
function appBreaksAt(id: string, nowMs: number, known: AdBreak[] = []) {
  const window = liveWindow({ segments: loop, epochMs: EPOCH, nowMs })
  const text = renderLivePlaylist(window, undefined, demoAdBreaks({ cadence })(channel(id), window))
  const details = M3U8Parser.parseLevelPlaylist(text, 'http://demo/live/x/720p/index.m3u8', 0, 0 as never, 0, null)
  const markers = [...cueMarkers(details.fragments as unknown as SegmentLike[]), ...dateRangeMarkers(Object.values(details.dateRanges) as never)]
  return { text, breaks: adBreaks(known, markers) }
}

describe('the demo server\'s ad breaks (scripts/server/demo-ad-breaks.mjs)', () => {
  it('are a pure function of the clock: a break every period, at the channel\'s offset', () => {
    const t = Date.parse('2026-12-01T12:00:00.000Z')
    expect(nominalBreakAt(t + 5_000, cadence, 0)).toEqual({ index: Math.floor(t / 40_000), startMs: t, endMs: t + 12_000 })
    expect(nominalBreakAt(t + 12_000, cadence, 0)).toBeNull()
    expect(nominalBreakAt(t + 25_000, cadence, 0.5)).toMatchObject({ startMs: t + 20_000 })
  })

  it('marks news with CUE-OUT / CUE-OUT-CONT / CUE-IN that hls.js and the app read as one break on segment boundaries', () => {
    const t = Date.parse('2026-12-01T12:00:00.000Z')
    const during = appBreaksAt('news', t + 9_000)
    expect(during.text).toContain('#EXT-X-CUE-OUT:DURATION=12.000')
    expect(during.text).toContain('#EXT-X-CUE-OUT-CONT:ElapsedTime=2.000,Duration=12.000')
    // Segments start at odd seconds: the break is the segments starting 12:00:01 … 12:00:11.
    expect(during.breaks).toEqual([{ start: t + 1000, end: t + 13_000 }])
    const after = appBreaksAt('news', t + 21_000, during.breaks)
    expect(after.text).toContain('#EXT-X-CUE-IN')
    expect(after.breaks).toEqual([{ start: t + 1000, end: t + 13_000 }])
    expect(breakAt(after.breaks, t + 12_999)).not.toBeNull()
    expect(breakAt(after.breaks, t + 13_000)).toBeNull()
    // A window that slid past the CUE-OUT: CUE-OUT-CONT alone still gives the whole break.
    const late = appBreaksAt('news', t + 17_000)
    expect(late.text).not.toContain('#EXT-X-CUE-OUT:')
    expect(late.breaks).toEqual([{ start: t + 1000, end: t + 13_000 }])
  })

  it('marks world with an EXT-X-DATERANGE carrying SCTE35-OUT, half a period later', () => {
    const t = Date.parse('2026-12-01T12:00:00.000Z')
    const { text, breaks } = appBreaksAt('world', t + 29_000)
    expect(text).toMatch(/#EXT-X-DATERANGE:ID="ad-world-\d+",START-DATE="2026-12-01T12:00:21.000Z",DURATION=12.000,SCTE35-OUT=0xFC30/)
    expect(breaks).toEqual([{ start: t + 21_000, end: t + 33_000 }])
    expect(appBreaksAt('world', t + 9_000).breaks).toEqual([])
  })

  it('writes a splice_insert the app decodes, with a correct CRC-32', () => {
    const hex = spliceInsertHex(42, 30)
    expect(readSpliceInsert(hex)).toEqual({ eventId: 42, outOfNetwork: true, breakDurationSeconds: 30 })
    const bytes = [...Buffer.from(hex, 'hex')]
    expect(crc32Mpeg(bytes)).toBe(0) // a section with its CRC appended checks to zero
    // The SCTE 35 sample section's own CRC.
    const sample = [...Buffer.from('/DAvAAAAAAAA///wFAVIAACPf+/+c2nALv4AUsz1AAAAAAAKAAhDVUVJAAABNWLbowo=', 'base64')]
    expect(crc32Mpeg(sample)).toBe(0)
  })

  it('leaves channels without breaks alone', () => {
    const window = liveWindow({ segments: loop, epochMs: EPOCH, nowMs: Date.parse('2026-12-01T12:00:09.000Z') })
    expect(demoAdBreaks({ cadence, channels: {} })(channel('news'), window)).toEqual({})
  })
})
