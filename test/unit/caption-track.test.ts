import { describe, it, expect, beforeEach } from 'vitest'
import Hls from 'hls.js'
import { ManualClock } from '../../src/lib/clock'
import { CaptionTrack, cueLines, type CaptionVideo, type SubtitleHls, type TimedCue } from '../../src/captions/caption-track'

/** hls.js as far as captions go, driven through its real event names. */
class MockHls {
  handlers = new Map<string, Array<(event: string, data: unknown) => void>>()
  subtitleTracks: unknown[] = [{ name: 'English' }]
  subtitleTrack = -1
  subtitleDisplay = false
  options: unknown[] = []
  on(event: string, handler: (event: string, data: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
  }
  off(event: string, handler: (event: string, data: unknown) => void) {
    this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler))
  }
  emit(event: string, data: unknown) {
    for (const h of this.handlers.get(event) ?? []) h(event, data)
  }
  listenerCount() {
    return [...this.handlers.values()].reduce((n, list) => n + list.length, 0)
  }
  /** Like hls.js: a preference selects the first matching track at once if the tracks are known. */
  setSubtitleOption(option: unknown) {
    this.options.push(option)
    if (option && this.subtitleTracks.length) this.subtitleTrack = 0
    return null
  }
  parsed(cues: TimedCue[], type: 'subtitles' | 'captions' = 'subtitles') {
    this.emit(Hls.Events.CUES_PARSED, { type, cues, track: 'subtitles0' })
  }
}

class FakeVideo extends EventTarget {
  currentTime = 0
  paused = false
  playbackRate = 1
  /** Moves the playhead and the clock together, firing timeupdate as a browser does (every 250 ms). */
  play(seconds: number, clock: ManualClock) {
    for (let t = 0; t < seconds * 1000; t += 250) {
      clock.advance(250)
      this.currentTime += 0.25
      this.dispatchEvent(new Event('timeupdate'))
    }
  }
}

const cue = (startTime: number, endTime: number, text: string): TimedCue => ({ startTime, endTime, text })

describe('CaptionTrack', () => {
  let clock: ManualClock
  let hls: MockHls
  let video: FakeVideo
  let track: CaptionTrack
  let emitted: string[][]

  beforeEach(() => {
    clock = new ManualClock(0)
    hls = new MockHls()
    video = new FakeVideo()
    track = new CaptionTrack(clock)
    emitted = []
    track.events.on('cues', (lines) => emitted.push(lines))
    track.attach(hls as unknown as SubtitleHls, video as unknown as CaptionVideo)
  })

  it('selects the first subtitle track when captions go on, and none when they go off', () => {
    expect(hls.subtitleTrack).toBe(-1)
    track.setEnabled(true)
    expect(hls.options).toEqual([undefined, {}])
    expect(hls.subtitleTrack).toBe(0)
    expect(hls.subtitleDisplay).toBe(true)
    track.setEnabled(false)
    expect(hls.options[2]).toBeUndefined()
    expect(hls.subtitleTrack).toBe(-1)
    expect(hls.subtitleDisplay).toBe(false)
  })

  it('keeps the preference for tracks hls.js has not listed yet, so the first one is picked when it comes', () => {
    hls.subtitleTracks = []
    track.setEnabled(true)
    expect(hls.subtitleTrack).toBe(-1)
    expect(hls.options[hls.options.length - 1]).toEqual({})
  })

  it('emits the active cue lines as the playhead enters and leaves each cue, and only on change', () => {
    track.setEnabled(true)
    hls.parsed([cue(1, 3, 'First'), cue(3, 5, 'Second\nline two')])
    expect(emitted).toEqual([])
    video.play(1, clock)
    expect(emitted).toEqual([['First']])
    video.play(1.5, clock)
    expect(emitted).toEqual([['First']])
    video.play(0.5, clock)
    expect(emitted).toEqual([['First'], ['Second', 'line two']])
    video.play(2.5, clock)
    expect(emitted).toEqual([['First'], ['Second', 'line two'], []])
    expect(track.lines).toEqual([])
  })

  it('switches on the cue boundary itself, between two timeupdates', () => {
    track.setEnabled(true)
    video.currentTime = 0.5
    hls.parsed([cue(1, 2, 'Exactly')])
    // No timeupdate: the track's own timer fires at the boundary (the media clock moves with it).
    clock.advance(499)
    expect(emitted).toEqual([])
    video.currentTime = 1
    clock.advance(1)
    expect(emitted).toEqual([['Exactly']])
    video.paused = true
    video.dispatchEvent(new Event('pause'))
    expect(clock.pendingTimers()).toBe(0)
  })

  it('shows overlapping cues oldest first, and a cue repeated by the next segment once', () => {
    track.setEnabled(true)
    video.currentTime = 2.5
    hls.parsed([cue(2, 4, 'Later'), cue(1, 3, 'Earlier')])
    hls.parsed([cue(2, 4, 'Later')])
    video.dispatchEvent(new Event('timeupdate'))
    expect(emitted).toEqual([['Earlier', 'Later']])
  })

  it('shows plain text: markup dropped and entities decoded', () => {
    expect(cueLines('<v Anchor>Rates &amp; <i>markets</i></v>\n <c.yellow>&lt;live&gt;</c> ')).toEqual(['Rates & markets', '<live>'])
  })

  it('ignores cues while captions are off, and blanks the lines when they go off', () => {
    hls.parsed([cue(0, 10, 'Unseen')])
    video.play(0.5, clock)
    expect(emitted).toEqual([])
    track.setEnabled(true)
    hls.parsed([cue(0, 10, 'Seen')])
    expect(emitted).toEqual([['Seen']])
    track.setEnabled(false)
    expect(emitted).toEqual([['Seen'], []])
  })

  it('uses in-band 608 captions only when the stream has no subtitle track', () => {
    track.setEnabled(true)
    video.currentTime = 1
    hls.parsed([cue(0, 2, 'CC1 text')], 'captions')
    expect(emitted).toEqual([])
    hls.subtitleTracks = []
    hls.parsed([cue(0, 2, 'CC1 text')], 'captions')
    expect(emitted).toEqual([['CC1 text']])
  })

  it('forgets cues far behind the playhead and never keeps more than its bound', () => {
    const small = new CaptionTrack(clock, { keepBehindSeconds: 5, maxCues: 3 })
    const lines: string[][] = []
    small.events.on('cues', (l) => lines.push(l))
    small.attach(hls as unknown as SubtitleHls, video as unknown as CaptionVideo)
    small.setEnabled(true)
    video.currentTime = 100
    hls.parsed([cue(1, 2, 'ancient'), cue(96, 97, 'recent'), cue(100, 101, 'a'), cue(101, 102, 'b'), cue(102, 103, 'c')])
    expect(lines).toEqual([['a']])
    video.currentTime = 100.5
    video.dispatchEvent(new Event('timeupdate'))
    expect(lines).toEqual([['a']])
    // 'recent' was within reach but the bound keeps the three that end last.
    video.currentTime = 96.5
    video.dispatchEvent(new Event('seeked'))
    expect(lines).toEqual([['a'], []])
  })

  it('drops the cues of the previous source or track, not of the same track re-announced', () => {
    track.setEnabled(true)
    video.currentTime = 1
    hls.emit(Hls.Events.SUBTITLE_TRACK_SWITCH, { id: 0 })
    hls.parsed([cue(0, 5, 'Old')])
    hls.emit(Hls.Events.SUBTITLE_TRACK_SWITCH, { id: 0 })
    expect(emitted).toEqual([['Old']])
    hls.emit(Hls.Events.SUBTITLE_TRACK_SWITCH, { id: 1 })
    expect(emitted).toEqual([['Old'], []])
    hls.parsed([cue(0, 5, 'New')])
    hls.emit(Hls.Events.MANIFEST_LOADING, { url: 'next' })
    expect(emitted).toEqual([['Old'], [], ['New'], []])
  })

  it('lets go of the old hls.js and video when attached to new ones', () => {
    track.setEnabled(true)
    const before = hls.listenerCount()
    const next = new MockHls()
    track.attach(next as unknown as SubtitleHls, new FakeVideo() as unknown as CaptionVideo)
    expect(hls.listenerCount()).toBe(0)
    expect(next.listenerCount()).toBe(before)
    expect(next.subtitleTrack).toBe(0)
    video.currentTime = 1
    hls.parsed([cue(0, 5, 'From the old one')])
    video.dispatchEvent(new Event('timeupdate'))
    expect(emitted).toEqual([])
  })
})
