import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { ID3_PID, firstPts, id3Tag, withId3Stream } from '../../scripts/server/ts-id3.mjs'
import { storyId3Segment } from '../../scripts/server/demo-story-ranges.mjs'
import { DEMO_ARTICLES, articleLink } from '../../scripts/server/demo-articles.mjs'
import { articleFromId3, parseId3Frames } from '../../src/onair/id3-article-marks'

const SEGMENT = readFileSync(new URL('../../static/demo/channels/news/360p/seg000.ts', import.meta.url))
const LOOP = Array.from({ length: 12 }, (_, i) => ({ uri: `seg${String(i).padStart(3, '0')}.ts`, duration: 2 }))

/** The TS packets on `pid`. */
function packetsOf(ts: Uint8Array, pid: number): Uint8Array[] {
  const list: Uint8Array[] = []
  for (let i = 0; i + 188 <= ts.length; i += 188) if ((((ts[i + 1]! & 0x1f) << 8) | ts[i + 2]!) === pid) list.push(ts.subarray(i, i + 188))
  return list
}

/** The elementary streams a PMT section declares, [stream_type, pid], with its CRC checked. */
function pmtStreams(packet: Uint8Array): { streams: Array<[number, number]>; crcOk: boolean } {
  const p = packet[3]! & 0x20 ? 5 + packet[4]! : 4
  const s = p + 1 + packet[p]!
  const length = ((packet[s + 1]! & 0x0f) << 8) | packet[s + 2]!
  const section = packet.subarray(s, s + 3 + length)
  let crc = 0xffffffff
  for (const byte of section) {
    crc ^= byte << 24
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? ((crc << 1) ^ 0x04c11db7) >>> 0 : (crc << 1) >>> 0
  }
  const streams: Array<[number, number]> = []
  let i = 12 + (((section[10]! & 0x0f) << 8) | section[11]!)
  while (i < section.length - 4) {
    streams.push([section[i]!, ((section[i + 1]! & 0x1f) << 8) | section[i + 2]!])
    i += 5 + (((section[i + 3]! & 0x0f) << 8) | section[i + 4]!)
  }
  return { streams, crcOk: crc >>> 0 === 0 }
}

describe('timed ID3 in the demo\'s TS segments', () => {
  it('declares an ID3 stream (stream_type 0x15) in every PMT, with a valid CRC, leaving the rest as is', () => {
    const out = withId3Stream(SEGMENT)
    expect(out.length).toBe(SEGMENT.length)
    // The PAT (header, pointer field 0, section) names the PMT's PID.
    const pat = packetsOf(SEGMENT, 0)[0]!
    const pmtPid = ((pat[5 + 10]! & 0x1f) << 8) | pat[5 + 11]!
    const pmts = packetsOf(out, pmtPid).map(pmtStreams)
    expect(pmts.length).toBeGreaterThan(0)
    for (const pmt of pmts) {
      expect(pmt.crcOk).toBe(true)
      expect(pmt.streams).toContainEqual([0x15, ID3_PID])
      expect(pmt.streams.length).toBe(3)
    }
    expect(firstPts(out)).toBe(firstPts(SEGMENT))
  })

  it('carries the tag in a PES at the given PTS, which the app\'s ID3 reader reads back', () => {
    const tag = id3Tag([['X-ARTICLE-ID', 'guid-1'], ['X-ARTICLE-DURATION', '20']])
    const out = withId3Stream(SEGMENT, { tag, pts: 8_589_934_000 })
    const [packet, ...more] = packetsOf(out, ID3_PID)
    expect(more).toEqual([])
    expect(firstPts(packet!)).toBe(8_589_934_000)
    const pes = packet!.subarray(4 + 1 + packet![4]!)
    const data = pes.subarray(9 + pes[8]!)
    expect(articleFromId3(parseId3Frames(data))).toEqual({ articleId: 'guid-1', articleUrl: null, seconds: 20 })
  })

  it('puts a story\'s tag only in the segment that starts it, at that segment\'s first PTS', () => {
    const cadence = { everySeconds: 24, onAirSeconds: 20 }
    const starting = storyId3Segment('news', LOOP, 24, SEGMENT, cadence)
    const [packet] = packetsOf(starting, ID3_PID)
    expect(firstPts(packet!)).toBe(firstPts(SEGMENT))
    const pes = packet!.subarray(4 + 1 + packet![4]!)
    const story = articleFromId3(parseId3Frames(pes.subarray(9 + pes[8]!)))!
    expect(DEMO_ARTICLES.map(articleLink)).toContain(story.articleId)
    expect(packetsOf(storyId3Segment('news', LOOP, 25, SEGMENT, cadence), ID3_PID)).toEqual([])
  })
})
