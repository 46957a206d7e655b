/**
 * Audio-only channels (their sound's progress is "playing") and the end of a stream (EXT-X-ENDLIST:
 * "This broadcast has ended", never the viewer's pause; a kiosk moves on by itself).
 */
import { describe, it, expect, beforeEach } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { Emitter } from '../../src/lib/emitter'
import { LiveChannel, type HlsEngine } from '../../src/player/live-channel'
import { ENDED_TEXT, nextPlaybackState, pauseReason, playbackStatusText, type PlaybackState } from '../../src/player/playback-state'
import { audioProgressed, hasNoPicture, showsAudioOnlyCard } from '../../src/player/audio-only'
import { StatusAnnouncements } from '../../src/voice/spoken-events'
import { EndedMoveOn, MOVE_ON_AFTER_MS, shouldMoveOn } from '../../src/kiosk/ended-move-on'
import { KioskMode } from '../../src/kiosk/kiosk-mode'
import { DEFAULT_KIOSK_SETTINGS } from '../../src/config/defaults'

describe('the ended state', () => {
  it('is reached from playing, stalled and loading, and left only by a new open or a replay', () => {
    for (const from of ['playing', 'stalled', 'loading', 'recovering'] as PlaybackState[]) {
      expect(nextPlaybackState(from, { type: 'ended' })).toBe('ended')
    }
    expect(nextPlaybackState('idle', { type: 'ended' })).toBe('idle')
    expect(nextPlaybackState('failed', { type: 'ended' })).toBe('failed')
    // Nothing left to load: an error after the end is no "Reconnecting…", nor is a dry buffer "Buffering…".
    expect(nextPlaybackState('ended', { type: 'recovering' })).toBe('ended')
    expect(nextPlaybackState('ended', { type: 'bufferEmpty' })).toBe('ended')
    expect(nextPlaybackState('ended', { type: 'open' })).toBe('loading')
    expect(nextPlaybackState('ended', { type: 'frames' })).toBe('playing')
  })

  it('says "This broadcast has ended", and voice guidance says the same', () => {
    const text = playbackStatusText('ended', true)
    expect(text).toBe('This broadcast has ended')
    expect(new StatusAnnouncements().next(text)).toEqual({ say: 'This broadcast has ended' })
  })

  it('reads a pause at the end of the stream as the end, any other as a pause', () => {
    expect(pauseReason({ ended: true })).toBe('ended')
    expect(pauseReason({ ended: false })).toBe('paused')
  })
})

describe('audio progress', () => {
  it('counts the sound moving on while not paused, and nothing else', () => {
    expect(audioProgressed(1, { currentTime: 1.25, paused: false })).toBe(true)
    expect(audioProgressed(1, { currentTime: 1, paused: false })).toBe(false)
    expect(audioProgressed(1, { currentTime: 1.25, paused: true })).toBe(false)
    expect(audioProgressed(-1, { currentTime: 0.5, paused: false })).toBe(false)
  })

  it('knows a stream with no picture from its metadata', () => {
    expect(hasNoPicture({ videoWidth: 0, videoHeight: 0 })).toBe(true)
    expect(hasNoPicture({ videoWidth: 320, videoHeight: 180 })).toBe(false)
  })

  it('shows the still card while an audio-only channel plays or is on its way, not once it failed or ended', () => {
    expect(showsAudioOnlyCard(true, 'playing')).toBe(true)
    expect(showsAudioOnlyCard(true, 'stalled')).toBe(true)
    expect(showsAudioOnlyCard(false, 'playing')).toBe(false)
    expect(showsAudioOnlyCard(true, 'failed')).toBe(false)
    expect(showsAudioOnlyCard(true, 'ended')).toBe(false)
  })
})

/** Enough of hls.js for LiveChannel. */
class MockHls {
  calls: string[] = []
  levels: Array<{ height: number; bitrate: number; details?: { live: boolean; targetduration: number } }> = []
  currentLevel = -1
  latency = 0
  on() {}
  loadSource() {}
  attachMedia() {}
  startLoad() { this.calls.push('startLoad') }
  stopLoad() {}
  recoverMediaError() { this.calls.push('recoverMediaError') }
  swapAudioCodec() {}
  removeLevel() {}
  destroy() {}
}

/** A <video> with no frame callback ever called for an audio-only stream. */
class FakeVideo extends EventTarget {
  paused = false
  ended = false
  muted = false
  currentTime = 0
  videoWidth = 0
  videoHeight = 0
  play() { this.paused = false; this.ended = false; return Promise.resolve() }
  pause() { this.paused = true }
  canPlayType() { return 'maybe' }
  load() {}
  removeAttribute() {}
  requestVideoFrameCallback() { return 1 }
  fire(type: string) { this.dispatchEvent(new Event(type)) }
}

describe('LiveChannel with an audio-only stream and at the end of a stream', () => {
  let clock: ManualClock
  let channel: LiveChannel
  let video: FakeVideo
  let hls: MockHls
  let paused: boolean[]

  beforeEach(async () => {
    clock = new ManualClock(1_000_000)
    channel = new LiveChannel({
      clock,
      engine: 'auto',
      hlsConfig: {},
      isHlsSupported: () => true,
      createHls: () => (hls = new MockHls()) as unknown as HlsEngine,
      pageTime: () => clock.now(),
      environment: null,
      probeFetch: null,
      isTypeSupported: null,
    })
    video = new FakeVideo()
    paused = []
    channel.events.on('paused', (p) => paused.push(p))
    await channel.load('http://x/radio.m3u8', video as unknown as HTMLVideoElement)
  })

  /** The sound plays on: currentTime moves and the element says so. */
  const soundFor = (seconds: number) => {
    for (let i = 0; i < seconds * 4; i++) {
      video.currentTime += 0.25
      clock.advance(250)
      video.fire('timeupdate')
    }
  }

  it('is playing once the sound moves on, with a time to first frame, and says it is audio-only', () => {
    const audioOnly: boolean[] = []
    channel.events.on('audioOnly', (a) => audioOnly.push(a))
    video.fire('loadedmetadata')
    video.fire('playing')
    video.fire('timeupdate')
    expect(channel.state).toBe('loading')
    soundFor(1)
    expect(channel.state).toBe('playing')
    expect(channel.timeToFirstFrameMs).not.toBeNull()
    expect(audioOnly).toEqual([true])
  })

  it('is never taken for a frozen picture while the sound moves on', () => {
    hls.currentLevel = 0
    hls.levels = [{ height: 0, bitrate: 0, details: { live: true, targetduration: 2 } }]
    video.fire('loadedmetadata')
    video.fire('timeupdate')
    soundFor(20)
    expect(channel.state).toBe('playing')
    expect(hls.calls).toEqual([])
  })

  it('still waits for a frame when the stream has a picture', () => {
    video.videoWidth = 320
    video.videoHeight = 180
    video.fire('loadedmetadata')
    video.fire('timeupdate')
    soundFor(1)
    expect(channel.state).toBe('loading')
    expect(channel.audioOnly).toBe(false)
  })

  it('at the end of the stream is ended, not paused by the viewer, and has no latency', () => {
    hls.currentLevel = 0
    hls.levels = [{ height: 180, bitrate: 100_000, details: { live: false, targetduration: 2 } }]
    hls.latency = 3
    video.fire('loadedmetadata')
    video.fire('timeupdate')
    soundFor(1)
    expect(channel.state).toBe('playing')
    // What the element does at its end: paused and ended set, `pause` then `ended`.
    video.paused = true
    video.ended = true
    video.fire('pause')
    video.fire('ended')
    expect(channel.state).toBe('ended')
    expect(paused).toEqual([])
    expect(channel.paused).toBe(false)
    expect(channel.figures().latency).toBeNull()
  })

  it('reports the viewer\'s pause as a pause', () => {
    video.fire('loadedmetadata')
    video.fire('timeupdate')
    soundFor(1)
    channel.pause()
    video.fire('pause')
    expect(paused).toEqual([true])
    expect(channel.state).toBe('playing')
  })

  it('reports the latency of a live playlist', () => {
    hls.currentLevel = 0
    hls.levels = [{ height: 180, bitrate: 100_000, details: { live: true, targetduration: 2 } }]
    hls.latency = 3
    expect(channel.figures().latency).toBe(3)
  })
})

describe('kiosk: moving on from a broadcast that ended', () => {
  it('moves on only from the ended state', () => {
    expect(shouldMoveOn('ended')).toBe(true)
    for (const state of ['playing', 'loading', 'stalled', 'recovering', 'failed', 'idle'] as PlaybackState[]) expect(shouldMoveOn(state)).toBe(false)
  })

  it('moves on once, a few seconds after the end, unless the channel plays again first', () => {
    const clock = new ManualClock()
    const moves: number[] = []
    const moveOn = new EndedMoveOn(clock, () => moves.push(clock.now()))
    moveOn.recordState('ended')
    moveOn.recordState('ended')
    clock.advance(MOVE_ON_AFTER_MS - 1)
    expect(moves).toEqual([])
    clock.advance(1)
    expect(moves).toEqual([MOVE_ON_AFTER_MS])
    moveOn.recordState('ended')
    moveOn.recordState('playing')
    clock.advance(MOVE_ON_AFTER_MS * 2)
    expect(moves).toHaveLength(1)
  })

  it('is what KioskMode does with a channel that ended, and stops once unlocked', () => {
    const clock = new ManualClock()
    const player = new Emitter<{ state: PlaybackState }>()
    const tuned: number[] = []
    const mode = new KioskMode({
      clock,
      settings: { ...DEFAULT_KIOSK_SETTINGS, enabled: true },
      articles: () => [],
      spotlight: { show: () => undefined, hide: () => undefined },
      shiftTargets: [],
      playbackStates: (listener) => {
        listener('playing')
        return player.on('state', listener)
      },
      playbackErrors: () => () => undefined,
      reloadApp: () => undefined,
      nextChannel: () => tuned.push(clock.now()),
      log: () => undefined,
    })
    mode.start()
    player.emit('state', 'ended')
    clock.advance(MOVE_ON_AFTER_MS)
    expect(tuned).toHaveLength(1)
    player.emit('state', 'loading')
    player.emit('state', 'ended')
    for (const key of DEFAULT_KIOSK_SETTINGS.unlockSequence) mode.handleKey(key)
    clock.advance(MOVE_ON_AFTER_MS)
    expect(tuned).toHaveLength(1)
  })
})
