import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  liveMediaPlaylist,
  liveWindow,
  masterPlaylist,
  parseVodPlaylist,
  renderLivePlaylist,
  type LoopSegment,
  type WindowSegment,
} from '../../scripts/server/live-window.mjs'

const EPOCH = Date.UTC(2024, 0, 1, 12, 0, 0)
const at = (seconds: number) => EPOCH + seconds * 1000
const loopOf = (...durations: number[]): LoopSegment[] => durations.map((duration, i) => ({ uri: `seg${String(i).padStart(3, '0')}.ts`, duration }))
/** The demo fixture's shape: 12 x 2 s. */
const LOOP12 = loopOf(...Array<number>(12).fill(2))
/** A tiny loop, so wraps come often: 3 x 2 s = 6 s. */
const LOOP3 = loopOf(2, 2, 2)

interface ListedSegment {
  sequence: number
  /** Discontinuity sequence number, as a player computes it from the playlist text. */
  cc: number
  discontinuity: boolean
  pdt: number
  duration: number
  uri: string
}

/** Reads a live playlist back the way hls.js does: cc = DISCONTINUITY-SEQUENCE + tags so far. */
function readPlaylist(text: string) {
  const header = (name: string) => Number(new RegExp(`^#EXT-X-${name}:(\\d+)$`, 'm').exec(text)?.[1])
  const mediaSequence = header('MEDIA-SEQUENCE')
  const discontinuitySequence = header('DISCONTINUITY-SEQUENCE')
  const segments: ListedSegment[] = []
  let cc = discontinuitySequence
  let pending: Partial<ListedSegment> = {}
  for (const line of text.trim().split('\n')) {
    if (line === '#EXT-X-DISCONTINUITY') {
      cc++
      pending.discontinuity = true
    } else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pending.pdt = Date.parse(line.slice(25))
    else if (line.startsWith('#EXTINF:')) pending.duration = Number.parseFloat(line.slice(8))
    else if (!line.startsWith('#')) {
      segments.push({ discontinuity: false, pdt: NaN, duration: NaN, ...pending, uri: line, cc, sequence: mediaSequence + segments.length })
      pending = {}
    }
  }
  return { mediaSequence, discontinuitySequence, targetDuration: header('TARGETDURATION'), segments, text }
}

const playlistAt = (seconds: number, segments = LOOP3, windowSize = 2, epochMs = EPOCH) =>
  readPlaylist(liveMediaPlaylist({ segments, epochMs, nowMs: at(seconds), windowSize }))

describe('liveWindow: media sequence', () => {
  it('advances by one per segment duration, and only once a segment has fully elapsed', () => {
    const seq = (s: number) => playlistAt(s, LOOP12, 6).mediaSequence
    expect(seq(60)).toBe(24) // 30 segments have aired; the window holds the last 6
    expect(seq(61.999)).toBe(24)
    expect(seq(62)).toBe(25)
    expect(seq(64)).toBe(26)
    expect(seq(64 + 24)).toBe(38) // one loop later: 12 segments more
  })

  it('lists only finished segments: the newest one ended at or before now', () => {
    const p = playlistAt(61.5, LOOP12, 6)
    const last = p.segments[p.segments.length - 1]!
    expect(last.sequence).toBe(29)
    expect(last.pdt + last.duration * 1000).toBe(at(60))
    expect(p.segments).toHaveLength(6)
  })

  it('slides the window: each step drops the oldest segment and appends the next', () => {
    const a = playlistAt(60, LOOP12, 6).segments.map((s) => s.sequence)
    const b = playlistAt(62, LOOP12, 6).segments.map((s) => s.sequence)
    expect(a).toEqual([24, 25, 26, 27, 28, 29])
    expect(b).toEqual([25, 26, 27, 28, 29, 30])
    expect(playlistAt(62, LOOP12, 6).segments.map((s) => s.uri)).toEqual(['seg001.ts', 'seg002.ts', 'seg003.ts', 'seg004.ts', 'seg005.ts', 'seg006.ts'])
  })

  it('starts short: nothing before the first segment has aired, then one segment at sequence 0', () => {
    expect(playlistAt(1.9).segments).toEqual([])
    expect(playlistAt(-5).segments).toEqual([])
    const first = playlistAt(2)
    expect(first.mediaSequence).toBe(0)
    expect(first.discontinuitySequence).toBe(0)
    expect(first.segments.map((s) => [s.sequence, s.discontinuity])).toEqual([[0, false]])
  })

  it('restarts numbering when the epoch restarts (an encoder restart)', () => {
    const before = playlistAt(100, LOOP12, 6)
    expect(before.mediaSequence).toBe(44)
    const restartedAt = 100
    const after = playlistAt(restartedAt + 2, LOOP12, 6, at(restartedAt))
    expect(after.mediaSequence).toBe(0)
    expect(after.discontinuitySequence).toBe(0)
    expect(after.segments.map((s) => s.uri)).toEqual(['seg000.ts'])
    expect(playlistAt(restartedAt + 8, LOOP12, 6, at(restartedAt)).segments.map((s) => s.sequence)).toEqual([0, 1, 2, 3])
  })
})

describe('liveWindow: discontinuities at loop wraps', () => {
  it('tags exactly the first segment of every pass after the first', () => {
    const p = playlistAt(20, LOOP3, 8) // 10 aired; window = sequences 2..9, wraps at 3, 6, 9
    expect(p.segments.map((s) => s.sequence)).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
    expect(p.segments.filter((s) => s.discontinuity).map((s) => s.sequence)).toEqual([3, 6, 9])
    expect(p.segments.filter((s) => s.discontinuity).every((s) => s.uri === 'seg000.ts')).toBe(true)
    expect(p.text.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(3)
  })

  // Loop of 3 x 2 s, window of 2: [seconds, listed sequences, DISCONTINUITY-SEQUENCE, tagged sequences]
  const table: Array<[number, number[], number, number[]]> = [
    [6, [1, 2], 0, []],
    [8, [2, 3], 0, [3]], // first wrap enters the window
    [10, [3, 4], 0, [3]], // ...is the first listed segment: its tag is still listed, not counted
    [12, [4, 5], 1, []], // ...has slid out: counted
    [14, [5, 6], 1, [6]],
    [16, [6, 7], 1, [6]],
    [18, [7, 8], 2, []],
    [36, [16, 17], 5, []],
    [38, [17, 18], 5, [18]],
    [40, [18, 19], 5, [18]],
    [42, [19, 20], 6, []],
  ]
  it.each(table)('at %ss lists %j with DISCONTINUITY-SEQUENCE %i and tags on %j', (seconds, listed, ds, tagged) => {
    const p = playlistAt(seconds)
    expect(p.segments.map((s) => s.sequence)).toEqual(listed)
    expect(p.discontinuitySequence).toBe(ds)
    expect(p.segments.filter((s) => s.discontinuity).map((s) => s.sequence)).toEqual(tagged)
  })

  it('keeps every segment in the same timeline on every reload, over many passes (cc = pass)', () => {
    for (const [loop, windowSize] of [[LOOP3, 2], [LOOP3, 3], [LOOP3, 7], [LOOP12, 6], [loopOf(2, 1.5, 2.5, 2), 5]] as const) {
      const loopSeconds = loop.reduce((sum, s) => sum + s.duration, 0)
      for (let t = 0; t <= 6 * loopSeconds; t += 0.25) {
        const p = playlistAt(t, loop, windowSize)
        for (const s of p.segments) expect(s.cc, `t=${t} seq=${s.sequence}`).toBe(Math.floor(s.sequence / loop.length))
        expect(p.discontinuitySequence).toBeLessThanOrEqual(p.segments[0]?.cc ?? 0)
      }
    }
  })

  it('agrees with the window object the server renders', () => {
    const w = liveWindow({ segments: LOOP3, epochMs: EPOCH, nowMs: at(16), windowSize: 2 })
    expect(w.mediaSequence).toBe(6)
    expect(w.discontinuitySequence).toBe(1)
    expect(w.segments.map((s) => [s.sequence, s.pass, s.discontinuity])).toEqual([[6, 2, true], [7, 2, false]])
  })
})

describe('liveMediaPlaylist: tags', () => {
  it('puts a PROGRAM-DATE-TIME on every segment, each one its predecessor plus its duration', () => {
    const loop = loopOf(2, 1.5, 2.5)
    const p = playlistAt(1000, loop, 7)
    expect(p.segments).toHaveLength(7)
    for (let i = 1; i < p.segments.length; i++) {
      const prev = p.segments[i - 1]!
      expect(p.segments[i]!.pdt - prev.pdt).toBe(prev.duration * 1000)
    }
    expect(p.text).toMatch(/#EXT-X-PROGRAM-DATE-TIME:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n#EXTINF:1\.500,\nseg001\.ts/)
    // 1000 s = 166 loops of 6 s (996 s) + 4 s, in which seg000 (2 s) and seg001 (1.5 s) aired:
    // 498 + 2 = 500 segments, the newest being sequence 499.
    expect(p.segments[p.segments.length - 1]).toMatchObject({ sequence: 499, uri: 'seg001.ts', pdt: at(998) })
  })

  it('is a live playlist: version 3, target duration, and never an ENDLIST', () => {
    const p = playlistAt(123, loopOf(2, 2.4, 2), 4)
    expect(p.text.startsWith('#EXTM3U\n#EXT-X-VERSION:3\n')).toBe(true)
    expect(p.targetDuration).toBe(3)
    expect(p.text).not.toContain('ENDLIST')
    expect(p.text).not.toContain('PLAYLIST-TYPE')
  })

  it('stays exact after days of wall-clock time (integer milliseconds, no float drift)', () => {
    const days = 3 * 86_400
    const p = playlistAt(days, loopOf(1.96, 2.04), 6)
    expect(p.mediaSequence).toBe(days / 2 - 6)
    expect(p.segments[5]!.pdt + p.segments[5]!.duration * 1000).toBe(at(days))
  })
})

describe('parseVodPlaylist and masterPlaylist', () => {
  it('reads the committed fixture: 12 segments of 2 s', () => {
    const text = readFileSync(new URL('../../static/demo/channels/news/720p/index.m3u8', import.meta.url), 'utf8')
    const loop = parseVodPlaylist(text)
    expect(loop.map((s) => s.uri)).toEqual(LOOP12.map((s) => s.uri))
    expect(loop.every((s) => s.duration === 2)).toBe(true)
  })

  it('refuses a segment without a duration', () => {
    expect(() => parseVodPlaylist('#EXTM3U\nseg000.ts\n')).toThrow(/seg000\.ts/)
  })

  it('lists each variant with bandwidths, resolution, codecs and frame rate, in the given order', () => {
    const text = masterPlaylist([
      { uri: '360p/index.m3u8', bandwidth: 272976, averageBandwidth: 252421, width: 640, height: 360, codecs: 'avc1.4d401e,mp4a.40.2', frameRate: 25 },
      { uri: '720p/index.m3u8', bandwidth: 355696, width: 1280, height: 720, codecs: 'avc1.4d401f,mp4a.40.2' },
    ])
    expect(text).toBe(
      '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n' +
        '#EXT-X-STREAM-INF:BANDWIDTH=272976,AVERAGE-BANDWIDTH=252421,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2",FRAME-RATE=25.000\n360p/index.m3u8\n' +
        '#EXT-X-STREAM-INF:BANDWIDTH=355696,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"\n720p/index.m3u8\n',
    )
  })

  it('offers a subtitle rendition (not selected by default) and ties every variant to its group', () => {
    const text = masterPlaylist(
      [
        { uri: '360p/index.m3u8', bandwidth: 272976, width: 640, height: 360, codecs: 'avc1.4d401e,mp4a.40.2' },
        { uri: '720p/index.m3u8', bandwidth: 355696, width: 1280, height: 720, codecs: 'avc1.4d401f,mp4a.40.2' },
      ],
      { groupId: 'subs', name: 'English', language: 'en', uri: 'subs/index.m3u8' },
    )
    expect(text).toBe(
      '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n' +
        '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="subs/index.m3u8"\n' +
        '#EXT-X-STREAM-INF:BANDWIDTH=272976,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2",SUBTITLES="subs"\n360p/index.m3u8\n' +
        '#EXT-X-STREAM-INF:BANDWIDTH=355696,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2",SUBTITLES="subs"\n720p/index.m3u8\n',
    )
  })
})

describe('renderLivePlaylist: the subtitle playlist', () => {
  const vtt = (s: WindowSegment) => s.segment.uri.replace(/\.ts$/, '.vtt')

  it('is the video playlist line for line, but for the segment URIs', () => {
    // Across a wrap, so the DISCONTINUITY tag and the sequence numbers are both exercised.
    for (const seconds of [23, 24, 25, 26, 60, 1000]) {
      const window = liveWindow({ segments: LOOP12, epochMs: EPOCH, nowMs: at(seconds), windowSize: 6 })
      const video = renderLivePlaylist(window).split('\n')
      const subs = renderLivePlaylist(window, vtt).split('\n')
      expect(subs).toHaveLength(video.length)
      subs.forEach((line, i) => expect(line).toBe(video[i]!.replace(/\.ts$/, '.vtt')))
    }
  })

  it('keeps its discontinuity domains equal to the video ones, which is what maps the cues onto the picture', () => {
    const window = liveWindow({ segments: LOOP3, epochMs: EPOCH, nowMs: at(16), windowSize: 4 })
    const video = readPlaylist(renderLivePlaylist(window)).segments
    const subs = readPlaylist(renderLivePlaylist(window, vtt)).segments
    expect(subs.map((s) => [s.sequence, s.cc, s.pdt])).toEqual(video.map((s) => [s.sequence, s.cc, s.pdt]))
    expect(subs.map((s) => s.uri)).toEqual(['seg001.vtt', 'seg002.vtt', 'seg000.vtt', 'seg001.vtt'])
    expect(new Set(subs.map((s) => s.cc)).size).toBe(2)
  })
})
