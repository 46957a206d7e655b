import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { msToStamp, parseWebVtt, webVttSegment, webVttSegments, type Cue } from '../../scripts/server/caption-segments.mjs'

const fixture = (file: string) => readFileSync(new URL(`../../static/demo/channels/${file}`, import.meta.url), 'utf8')

describe('parseWebVtt', () => {
  it('reads ids, timings (with or without hours) and multi-line text; skips NOTE blocks and cue settings', () => {
    const cues = parseWebVtt(
      'WEBVTT - demo\n\nNOTE a comment\n\nintro\n00:01.000 --> 00:02.500 line:90%\nHello\nworld\n\n01:00:00.000 --> 01:00:01.000\nLater\n',
    )
    expect(cues).toEqual([
      { id: 'intro', startMs: 1000, endMs: 2500, text: 'Hello\nworld' },
      { id: '2', startMs: 3_600_000, endMs: 3_601_000, text: 'Later' },
    ])
  })

  it('refuses what is not WebVTT, and a cue that ends before it starts', () => {
    expect(() => parseWebVtt('1\n00:00:01.000 --> 00:00:02.000\nhi\n')).toThrow(/WEBVTT/)
    expect(() => parseWebVtt('WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nbackwards\n')).toThrow(/ends before it starts/)
  })
})

describe('webVttSegment', () => {
  const cues: Cue[] = [
    { id: '1', startMs: 0, endMs: 2000, text: 'one' },
    { id: '2', startMs: 1500, endMs: 4500, text: 'two' },
  ]

  it('maps the segment start on the loop clock to the TS segment first PTS', () => {
    expect(webVttSegment(cues, { startMs: 2000, durationMs: 2000, pts: 313200 })).toBe(
      'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:313200,LOCAL:00:00:02.000\n\n2\n00:00:01.500 --> 00:00:04.500\ntwo\n',
    )
  })

  it('repeats a cue in every segment it overlaps, with the same id and times', () => {
    const first = webVttSegment(cues, { startMs: 0, durationMs: 2000, pts: 133200 })
    const third = webVttSegment(cues, { startMs: 4000, durationMs: 2000, pts: 493200 })
    expect(first).toContain('\n\n1\n00:00:00.000 --> 00:00:02.000\none\n\n2\n00:00:01.500 --> 00:00:04.500\ntwo\n')
    expect(third).toContain('\n\n2\n00:00:01.500 --> 00:00:04.500\ntwo\n')
  })

  it('is a bare header where no cue falls', () => {
    expect(webVttSegment(cues, { startMs: 6000, durationMs: 2000, pts: 673200 })).toBe('WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:673200,LOCAL:00:00:06.000\n')
  })

  it('writes times as hh:mm:ss.mmm', () => {
    expect(msToStamp(0)).toBe('00:00:00.000')
    expect(msToStamp(3_723_045)).toBe('01:02:03.045')
  })
})

describe('the committed demo captions', () => {
  for (const id of ['news', 'world']) {
    it(`${id}: one cue per 2 s segment, each naming the clock time it starts at, mapped to that segment's PTS`, () => {
      const manifest = JSON.parse(fixture(`${id}/channel.json`))
      const cues = parseWebVtt(fixture(`${id}/captions.vtt`))
      expect(cues).toHaveLength(12)
      cues.forEach((cue, i) => {
        expect(cue).toMatchObject({ id: String(i + 1), startMs: i * 2000, endMs: i * 2000 + 2000 })
        expect(cue.text).toBe(`${manifest.name} — caption ${i + 1} of 12 at 00:${String(i * 2).padStart(2, '0')}`)
      })
      const files = webVttSegments(cues, manifest.segments)
      expect([...files.keys()]).toEqual(manifest.segments.map((s: { uri: string }) => s.uri.replace('.ts', '.vtt')))
      // The muxer's timeline is linear: 2 s of loop clock = 180 000 ticks of PTS, from the first frame on.
      manifest.segments.forEach((s: { uri: string; pts: number }, i: number) => {
        expect(s.pts).toBe(manifest.segments[0].pts + i * 180_000)
        expect(files.get(s.uri.replace('.ts', '.vtt'))).toContain(`X-TIMESTAMP-MAP=MPEGTS:${s.pts},LOCAL:${msToStamp(i * 2000)}\n`)
      })
    })
  }

  it('refuses a loop whose segments lack their first PTS', () => {
    expect(() => webVttSegments([], [{ uri: 'seg000.ts', duration: 2 } as never])).toThrow(/seg000\.ts has no first PTS/)
  })
})
