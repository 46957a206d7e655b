import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { LiveChannel, type HlsEngine } from '../../src/player/live-channel'
import { statusLine, FROM_START_TEXT, BEHIND_LIVE_TEXT, type ChannelStatus } from '../../src/player/status-line'

const T0 = Date.parse('2025-12-01T18:20:00Z')

/** hls.js as "Watch from start" reads it: the playing level's fragments, its config, the live sync position, the playhead's date. */
class DatedHls {
  config: { liveMaxLatencyDuration?: number } = {}
  currentLevel = 0
  latency = 0
  liveSyncPosition: number | null = 700
  playingDate: Date | null = null
  levels = [{ height: 720, bitrate: 1, details: { live: true, fragments: Array.from({ length: 300 }, (_, i) => ({ start: 100 + i * 2, duration: 2, programDateTime: T0 + i * 2000 })) } }]
  on() {}
  loadSource() {}
  attachMedia() {}
  startLoad() {}
  stopLoad() {}
  recoverMediaError() {}
  swapAudioCodec() {}
  removeLevel() {}
  destroy() {}
}

class FakeVideo extends EventTarget {
  paused = false
  muted = false
  currentTime = 700
  videoHeight = 0
  seekable = { length: 1, start: () => 100, end: () => 706 }
  play() { this.paused = false; return Promise.resolve() }
  pause() { this.paused = true }
  canPlayType() { return 'maybe' }
  removeAttribute() {}
  requestVideoFrameCallback() { return 1 }
}

async function playing() {
  let hls: DatedHls | null = null
  const channel = new LiveChannel({
    clock: new ManualClock(0), engine: 'hlsjs', hlsConfig: {}, isHlsSupported: () => true,
    createHls: () => (hls = new DatedHls()) as unknown as HlsEngine, environment: null, probeFetch: null,
  })
  const video = new FakeVideo()
  await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
  const shifts: Array<number | null> = []
  channel.events.on('timeshift', (at) => shifts.push(at))
  return { channel, video, hls: hls! as DatedHls, shifts }
}

describe('LiveChannel: Watch from start', () => {
  it('knows the DVR window of the playing level in program date-time', async () => {
    const { channel } = await playing()
    expect(channel.dvrWindow()).toEqual({ start: T0, end: T0 + 600_000 })
  })

  it('seeks to the media time of a program date-time, stays behind live (hls.js\'s max latency lifted) until Go live', async () => {
    const { channel, video, hls, shifts } = await playing()
    expect(channel.watchFrom(T0 + 120_000)).toBe(true)
    expect(video.currentTime).toBe(220)
    expect(hls.config.liveMaxLatencyDuration).toBe(Infinity)
    expect(channel.watchingFrom).toBe(T0 + 120_000)
    hls.playingDate = new Date(T0 + 121_000)
    expect(channel.timeshift()).toEqual({ watchingFrom: T0 + 120_000, resumedBehindLive: false, playheadDate: T0 + 121_000, secondsBehindLive: 480, behindLive: true })
    channel.goLive()
    expect(video.currentTime).toBe(700)
    expect(hls.config.liveMaxLatencyDuration).toBeUndefined()
    expect(channel.watchingFrom).toBeNull()
    expect(channel.timeshift().behindLive).toBe(false)
    expect(shifts).toEqual([T0 + 120_000, null])
  })

  it('refuses a program date-time the window no longer holds, and a new source forgets the timeshift', async () => {
    const { channel, video, shifts } = await playing()
    expect(channel.watchFrom(T0 - 1000)).toBe(false)
    expect(video.currentTime).toBe(700)
    expect(channel.watchingFrom).toBeNull()
    channel.watchFrom(T0 + 60_000)
    await channel.load('http://x/other.m3u8', video as unknown as HTMLVideoElement)
    expect(channel.watchingFrom).toBeNull()
    expect(shifts).toEqual([T0 + 60_000, null])
  })

  it('the status line says so while playing from the start, after the pause and sound prompts', () => {
    const status: ChannelStatus = { state: 'playing', paused: false, soundBlocked: false, timeToFirstFrameMs: 900, problem: null, watchingFrom: T0 }
    expect(statusLine(status, false).text).toBe(FROM_START_TEXT)
    expect(FROM_START_TEXT).toBe('From start · Go live: OK/▶')
    expect(statusLine({ ...status, paused: true }, false).text).toMatch(/^Paused/)
    expect(statusLine({ ...status, watchingFrom: null }, false).text).toBeNull()
  })
})

describe('LiveChannel: Pause and Play on a live stream', () => {
  it('holds the paused picture where it was (hls.js would move it to the live edge), and Play goes on from there, behind live', async () => {
    const { channel, video, hls, shifts } = await playing()
    channel.pause()
    expect(hls.config.liveMaxLatencyDuration).toBe(Infinity)
    // A minute later: the window has slid on, the paused position is still in it.
    hls.liveSyncPosition = 760
    video.seekable = { length: 1, start: () => 160, end: () => 766 }
    hls.playingDate = new Date(T0 + 300_000)
    channel.resume()
    expect(video.paused).toBe(false)
    expect(video.currentTime).toBe(700)
    expect(channel.resumedBehindLive).toBe(true)
    expect(channel.timeshift()).toMatchObject({ resumedBehindLive: true, behindLive: true, secondsBehindLive: 60 })
    expect(hls.config.liveMaxLatencyDuration).toBe(Infinity)
    expect(shifts).toEqual([null])
    // Go live: at the edge, hls.js may keep to it again.
    channel.goLive()
    expect(video.currentTime).toBe(760)
    expect(channel.resumedBehindLive).toBe(false)
    expect(hls.config.liveMaxLatencyDuration).toBeUndefined()
    expect(shifts).toEqual([null, null])
  })

  it('a pause of a moment resumes at live, where hls.js keeps to the edge as before', async () => {
    const { channel, video, hls, shifts } = await playing()
    channel.pause()
    hls.liveSyncPosition = 703
    channel.resume()
    expect(video.currentTime).toBe(700)
    expect(channel.resumedBehindLive).toBe(false)
    expect(hls.config.liveMaxLatencyDuration).toBeUndefined()
    expect(shifts).toEqual([])
  })

  it('goes live when the window has slid past the paused position', async () => {
    const { channel, video, hls } = await playing()
    channel.pause()
    hls.liveSyncPosition = 900
    // The playlist now starts after where the viewer paused.
    hls.levels[0]!.details.fragments = hls.levels[0]!.details.fragments.map((f, i) => ({ start: 400 + i * 2, duration: 2, programDateTime: T0 + 300_000 + i * 2000 }))
    hls.playingDate = new Date(T0 + 299_000)
    channel.resume()
    expect(video.currentTime).toBe(900)
    expect(channel.resumedBehindLive).toBe(false)
    expect(hls.config.liveMaxLatencyDuration).toBeUndefined()
  })

  it('the status line says "Behind live" once playing on after a pause', () => {
    const status: ChannelStatus = { state: 'playing', paused: false, soundBlocked: false, timeToFirstFrameMs: 900, problem: null, resumedBehindLive: true }
    expect(statusLine(status, false).text).toBe(BEHIND_LIVE_TEXT)
    expect(statusLine({ ...status, paused: true }, false).text).toMatch(/^Paused/)
    expect(statusLine({ ...status, resumedBehindLive: false }, false).text).toBeNull()
  })
})
