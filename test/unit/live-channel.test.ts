import { describe, it, expect, beforeEach } from 'vitest'
import Hls from 'hls.js'
import { ManualClock } from '../../src/lib/clock'
import { LiveChannel, type HlsEngine } from '../../src/player/live-channel'
import { nextPlaybackState, playbackStatusText } from '../../src/player/playback-state'
import type { PlaybackState } from '../../src/player/playback-state'

/** hls.js driven through its real event names: what hls.js's own unit tests do with a mock. */
class MockHls {
  static created: MockHls[] = []
  handlers = new Map<string, Array<(event: string, data: unknown) => void>>()
  calls: string[] = []
  levels: Array<{ height: number; bitrate: number }> = []
  currentLevel = -1
  latency = 0
  constructor() {
    MockHls.created.push(this)
  }
  on(event: string, handler: (event: string, data: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
  }
  emit(event: string, data: unknown) {
    for (const h of this.handlers.get(event) ?? []) h(event, data)
  }
  loadSource(url: string) { this.calls.push(`loadSource ${url}`) }
  attachMedia() { this.calls.push('attachMedia') }
  startLoad(at?: number) { this.calls.push(`startLoad ${at}`) }
  stopLoad() { this.calls.push('stopLoad') }
  recoverMediaError() { this.calls.push('recoverMediaError') }
  swapAudioCodec() { this.calls.push('swapAudioCodec') }
  removeLevel(index: number) { this.calls.push(`removeLevel ${index}`); this.levels.splice(index, 1) }
  destroy() { this.calls.push('destroy') }
}

/** Enough of a <video> element: events, play(), muted, currentTime. */
class FakeVideo extends EventTarget {
  paused = false
  muted = false
  currentTime = 0
  videoHeight = 0
  src = ''
  refuseSound = false
  frameCallbacks: Array<() => void> = []
  play() {
    this.paused = false
    if (this.refuseSound && !this.muted) {
      const error = Object.assign(new Error('autoplay refused'), { name: 'NotAllowedError' })
      return Promise.reject(error)
    }
    return Promise.resolve()
  }
  pause() { this.paused = true }
  canPlayType() { return 'maybe' }
  load() {}
  removeAttribute() { this.src = '' }
  requestVideoFrameCallback(cb: () => void) { this.frameCallbacks.push(cb); return 1 }
  presentFrame() {
    const cbs = this.frameCallbacks.splice(0)
    cbs.forEach((cb) => cb())
    this.dispatchEvent(new Event('playing'))
  }
}

class FakeEnvironment extends EventTarget {
  hidden = false
  fire(type: string) { this.dispatchEvent(new Event(type)) }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

const fatal = (type: string, details: string) => ({ type, details, fatal: true })

describe('LiveChannel', () => {
  let clock: ManualClock
  let channel: LiveChannel
  let video: FakeVideo
  let states: PlaybackState[]
  let environment: FakeEnvironment
  let probeAnswers: boolean[]

  beforeEach(() => {
    MockHls.created = []
    clock = new ManualClock(1_000_000)
    environment = new FakeEnvironment()
    probeAnswers = []
    channel = new LiveChannel({
      clock,
      engine: 'auto',
      hlsConfig: {},
      isHlsSupported: () => true,
      createHls: () => new MockHls() as unknown as HlsEngine,
      pageTime: () => clock.now(),
      environment,
      probeFetch: () => Promise.resolve({ ok: probeAnswers.shift() ?? false }),
    })
    video = new FakeVideo()
    states = []
    channel.events.on('state', (s) => states.push(s))
  })

  const hls = () => MockHls.created[MockHls.created.length - 1]!

  it('loads the stream with hls.js, and is playing once the first frame shows', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    expect(hls().calls).toEqual(['attachMedia', 'loadSource http://x/live.m3u8'])
    expect(channel.state).toBe('loading')
    clock.advance(800)
    video.presentFrame()
    expect(channel.state).toBe('playing')
    expect(channel.timeToFirstFrameMs).toBe(1_000_800)
    expect(states).toEqual(['loading', 'playing'])
  })

  it('goes stalled when the buffer runs dry and back to playing when frames resume', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.presentFrame()
    video.dispatchEvent(new Event('waiting'))
    expect(channel.state).toBe('stalled')
    video.dispatchEvent(new Event('playing'))
    expect(channel.state).toBe('playing')
  })

  it('restarts loading after a fatal network error only after a backed-off delay', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().levels = [{ height: 360, bitrate: 600_000 }]
    video.presentFrame()
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'fragLoadError'))
    expect(channel.state).toBe('recovering')
    expect(hls().calls).not.toContain('startLoad -1')
    clock.advance(999)
    expect(hls().calls).not.toContain('startLoad -1')
    clock.advance(1)
    expect(hls().calls).toContain('startLoad -1')
    // A second failure waits twice as long.
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'fragLoadError'))
    const before = hls().calls.filter((c) => c === 'startLoad -1').length
    clock.advance(1999)
    expect(hls().calls.filter((c) => c === 'startLoad -1').length).toBe(before)
    clock.advance(1)
    expect(hls().calls.filter((c) => c === 'startLoad -1').length).toBe(before + 1)
    video.presentFrame()
    expect(channel.state).toBe('playing')
  })

  it('rebuilds hls.js when the manifest never loaded (cold start with the network down)', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'manifestLoadError'))
    clock.advance(1000)
    expect(MockHls.created).toHaveLength(2)
    expect(MockHls.created[0]!.calls).toContain('destroy')
    expect(hls().calls).toEqual(['attachMedia', 'loadSource http://x/live.m3u8'])
  })

  it('climbs the media-error ladder: recover, swap codec + recover, then a full reload', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.presentFrame()
    const first = hls()
    first.emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'bufferAppendError'))
    expect(first.calls.slice(-1)).toEqual(['recoverMediaError'])
    first.emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'bufferAppendError'))
    expect(first.calls.slice(-2)).toEqual(['swapAudioCodec', 'recoverMediaError'])
    first.emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'bufferAppendError'))
    clock.advance(1000)
    expect(first.calls).toContain('destroy')
    expect(MockHls.created).toHaveLength(2)
  })

  it('reloads at the live edge when the picture freezes for more than two target durations', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.currentTime = 10
    video.presentFrame()
    clock.advance(3000)
    expect(MockHls.created).toHaveLength(1)
    clock.advance(3000) // still at 10 s after > 4 s (2 x 2 s target duration)
    clock.advance(1000) // the reload's backoff
    expect(MockHls.created).toHaveLength(2)
    expect(channel.state).toBe('recovering')
  })

  it('follows a media recovery that never brings the picture back with a full reload', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.currentTime = 10
    video.presentFrame()
    // hls.js detaches and re-attaches the media, then goes quiet: no error, no frame.
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'fragParsingError'))
    expect(hls().calls.slice(-1)).toEqual(['recoverMediaError'])
    video.currentTime = 0
    clock.advance(9000)
    expect(MockHls.created).toHaveLength(1)
    clock.advance(3000 + 1000) // past 10 s without a frame, then the reload's backoff
    expect(MockHls.created).toHaveLength(2)
    expect(MockHls.created[0]!.calls).toContain('destroy')
    expect(channel.state).toBe('recovering')
    video.presentFrame()
    expect(channel.state).toBe('playing')
  })

  it('is playing again when the picture moves after a restart, even without a "playing" event', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().levels = [{ height: 360, bitrate: 600_000 }]
    video.currentTime = 10
    video.presentFrame()
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'fragLoadError'))
    // The buffer carries the picture through the backoff: still "recovering" until the restart.
    video.currentTime = 10.9
    clock.advance(999)
    expect(channel.state).toBe('recovering')
    clock.advance(1) // startLoad
    video.currentTime = 11.9
    clock.advance(1000)
    expect(channel.state).toBe('playing')
  })

  it('does not reload a still picture while a backed-off network retry is waiting', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().levels = [{ height: 360, bitrate: 600_000 }]
    video.presentFrame()
    for (let i = 0; i < 5; i++) hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'fragLoadError'))
    // The fifth failure waits 16 s; the picture stands still all along.
    clock.advance(15_000)
    expect(MockHls.created).toHaveLength(1)
    expect(hls().calls.filter((c) => c === 'startLoad -1')).toHaveLength(0)
    clock.advance(1000)
    expect(hls().calls.filter((c) => c === 'startLoad -1')).toHaveLength(1)
  })

  it('does not call a paused picture frozen', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.presentFrame()
    channel.pause()
    clock.advance(60_000)
    expect(MockHls.created).toHaveLength(1)
  })

  it('restarts as soon as a probe finds the stream answering again, without waiting out the backoff', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().levels = [{ height: 360, bitrate: 600_000 }]
    video.presentFrame()
    for (let i = 0; i < 4; i++) hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'levelLoadError'))
    // The 4th failure backs off 8 s; the server comes back after 2 s.
    probeAnswers = [false, true]
    const restarts = () => hls().calls.filter((c) => c === 'startLoad -1').length
    clock.advance(1000)
    await flush()
    expect(restarts()).toBe(0)
    clock.advance(1000)
    await flush()
    expect(restarts()).toBe(1)
    clock.advance(10_000)
    expect(restarts()).toBe(1)
  })

  it('stops loading while the app is hidden and comes back at the live edge', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.presentFrame()
    environment.hidden = true
    environment.fire('visibilitychange')
    expect(hls().calls).toContain('stopLoad')
    expect(video.paused).toBe(true)
    environment.hidden = false
    environment.fire('visibilitychange')
    expect(MockHls.created).toHaveLength(2)
    expect(hls().calls).toEqual(['attachMedia', 'loadSource http://x/live.m3u8'])
  })

  it('goes "recovering" when the network drops and reloads at once when it returns', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.presentFrame()
    environment.fire('offline')
    expect(channel.state).toBe('recovering')
    environment.fire('online')
    expect(MockHls.created).toHaveLength(2)
  })

  it('ignores non-fatal errors', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.presentFrame()
    hls().emit(Hls.Events.ERROR, { type: Hls.ErrorTypes.NETWORK_ERROR, details: 'fragLoadError', fatal: false })
    expect(channel.state).toBe('playing')
  })

  it('plays muted and reports it when the browser refuses sound, and unmutes on request', async () => {
    video.refuseSound = true
    const blocked: boolean[] = []
    channel.events.on('soundBlocked', (b) => blocked.push(b))
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    await new Promise((r) => setTimeout(r, 0))
    expect(video.muted).toBe(true)
    expect(channel.soundBlocked).toBe(true)
    channel.unmute()
    expect(video.muted).toBe(false)
    expect(blocked).toEqual([true, false])
  })

  it('uses native HLS where hls.js is not supported', async () => {
    const native = new LiveChannel({ clock, engine: 'auto', hlsConfig: {}, isHlsSupported: () => false })
    await native.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    expect(native.engineInUse).toBe('native')
    expect(video.src).toBe('http://x/live.m3u8')
  })

  it('fails at once, with no retry loop, when the engine can decode none of the renditions', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    const fatalErrors: string[] = []
    channel.events.on('fatalError', ({ details, action }) => fatalErrors.push(`${details}: ${action}`))
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, Hls.ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR))
    expect(channel.state).toBe('failed')
    expect(fatalErrors).toEqual(['manifestIncompatibleCodecsError: fail'])
    clock.advance(10 * 60_000)
    expect(MockHls.created).toHaveLength(1)
    expect(hls().calls).not.toContain('recoverMediaError')
    expect(channel.state).toBe('failed')
  })

  it('names the codec when no rendition is decodable, on screen, without a retry', async () => {
    const noHevc = new LiveChannel({
      clock, engine: 'auto', hlsConfig: {}, isHlsSupported: () => true, pageTime: () => clock.now(), environment, probeFetch: null,
      createHls: () => new MockHls() as unknown as HlsEngine,
      isTypeSupported: (type) => !/hvc1|hev1/.test(type),
    })
    const problems: unknown[] = []
    noHevc.events.on('problem', (p) => problems.push(p))
    await noHevc.load('http://x/hevc.m3u8', video as unknown as HTMLVideoElement)
    hls().emit(Hls.Events.MANIFEST_LOADED, { levels: [{ attrs: { CODECS: 'hvc1.1.6.L93.B0,mp4a.40.2' } }] })
    expect(noHevc.state).toBe('failed')
    expect(problems).toEqual([{ type: 'format', family: 'HEVC' }])
    expect(playbackStatusText(noHevc.state, false, noHevc.problem)).toBe('This channel uses a format this TV cannot play (HEVC)')
    // hls.js's own error that follows changes nothing.
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, Hls.ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR))
    clock.advance(10 * 60_000)
    expect(MockHls.created).toHaveLength(1)
    expect(noHevc.problem).toEqual({ type: 'format', family: 'HEVC' })
    // Another channel on the same element opens as usual, with no problem left over.
    await noHevc.load('http://x/h264.m3u8', video as unknown as HTMLVideoElement)
    expect(noHevc.state).toBe('loading')
    expect(noHevc.problem).toBeNull()
  })

  it('fails on a SourceBuffer the engine will not make (a media playlist: no CODECS), naming its codec', async () => {
    channel = new LiveChannel({
      clock, engine: 'auto', hlsConfig: {}, isHlsSupported: () => true, pageTime: () => clock.now(), environment, probeFetch: null,
      createHls: () => new MockHls() as unknown as HlsEngine,
      isTypeSupported: (type) => !/hvc1|hev1/.test(type),
    })
    await channel.load('http://x/hevc/index.m3u8', video as unknown as HTMLVideoElement)
    hls().emit(Hls.Events.ERROR, { type: Hls.ErrorTypes.MEDIA_ERROR, details: Hls.ErrorDetails.BUFFER_ADD_CODEC_ERROR, fatal: false, mimeType: 'video/mp4;codecs=hvc1.1.6.L60.90' })
    // The audio SourceBuffer then fails too (the MediaSource is in a bad state), reported the same way.
    hls().emit(Hls.Events.ERROR, { type: Hls.ErrorTypes.MEDIA_ERROR, details: Hls.ErrorDetails.BUFFER_ADD_CODEC_ERROR, fatal: true, mimeType: 'audio/mp4;codecs=mp4a.40.2' })
    expect(channel.state).toBe('failed')
    expect(channel.problem).toEqual({ type: 'format', family: 'HEVC' })
    clock.advance(10 * 60_000)
    expect(hls().calls).not.toContain('recoverMediaError')
    expect(MockHls.created).toHaveLength(1)
  })

  it('names the codec read from the init segment when the SourceBuffer error does not', async () => {
    const noHevc = new LiveChannel({
      clock, engine: 'auto', hlsConfig: {}, isHlsSupported: () => true, pageTime: () => clock.now(), environment, probeFetch: null,
      createHls: () => new MockHls() as unknown as HlsEngine,
      isTypeSupported: (type) => !/hvc1|hev1/.test(type),
    })
    await noHevc.load('http://x/hevc/index.m3u8', video as unknown as HTMLVideoElement)
    hls().emit(Hls.Events.BUFFER_CODECS, { audio: { codec: 'mp4a.40.2' }, video: { codec: 'hvc1.1.6.L60.90' } })
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, Hls.ErrorDetails.BUFFER_INCOMPATIBLE_CODECS_ERROR))
    expect(noHevc.state).toBe('failed')
    expect(noHevc.problem).toEqual({ type: 'format', family: 'HEVC' })
  })

  it('drops the renditions the engine cannot decode and keeps playing the others', async () => {
    const noHevc = new LiveChannel({
      clock, engine: 'auto', hlsConfig: {}, isHlsSupported: () => true, pageTime: () => clock.now(), environment, probeFetch: null,
      createHls: () => new MockHls() as unknown as HlsEngine,
      isTypeSupported: (type) => !/hvc1|hev1/.test(type),
    })
    await noHevc.load('http://x/mixed.m3u8', video as unknown as HTMLVideoElement)
    const levels = [{ attrs: { CODECS: 'hvc1.1.6.L93.B0,mp4a.40.2' } }, { attrs: { CODECS: 'avc1.4d400d,mp4a.40.2' } }]
    hls().emit(Hls.Events.MANIFEST_LOADED, { levels })
    hls().levels = levels as never
    hls().emit(Hls.Events.MANIFEST_PARSED, { levels })
    expect(hls().calls).toContain('removeLevel 0')
    expect(hls().levels).toHaveLength(1)
    expect(noHevc.state).toBe('loading')
    expect(noHevc.problem).toBeNull()
  })

  it('never leaves the element paused after a media recovery step (unless the viewer paused)', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.presentFrame()
    // hls.js's recoverMediaError detaches and re-attaches the element: it is paused after.
    hls().recoverMediaError = () => { hls().calls.push('recoverMediaError'); video.paused = true }
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'bufferAppendError'))
    expect(hls().calls).toContain('recoverMediaError')
    expect(video.paused).toBe(false)
    channel.pause()
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'bufferAppendError'))
    expect(video.paused).toBe(true)
  })

  it('reloads a recovery whose play() was cut short (element left paused, the viewer did not pause)', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.currentTime = 10
    video.presentFrame()
    // The recovery step's play() is interrupted by the next load: the element stays paused.
    hls().recoverMediaError = () => { hls().calls.push('recoverMediaError') }
    video.play = () => Promise.resolve()
    video.paused = true
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'fragParsingError'))
    expect(channel.state).toBe('recovering')
    clock.advance(12_000 + 1000) // no picture for over 10 s, then the reload's backoff
    expect(MockHls.created).toHaveLength(2)
  })

  it('leaves a picture the viewer paused alone while a recovery waits', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    video.currentTime = 10
    video.presentFrame()
    channel.pause()
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.MEDIA_ERROR, 'fragParsingError'))
    clock.advance(60_000)
    expect(MockHls.created).toHaveLength(1)
    expect(video.paused).toBe(true)
  })

  it('recovers from a codec error on corrupt data once the channel has shown pictures, instead of giving up', async () => {
    channel = new LiveChannel({
      clock, engine: 'auto', hlsConfig: {}, isHlsSupported: () => true, pageTime: () => clock.now(), environment, probeFetch: null,
      createHls: () => new MockHls() as unknown as HlsEngine,
      isTypeSupported: (type) => !/hvc1|hev1/.test(type),
    })
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().emit(Hls.Events.BUFFER_CODECS, { audio: { codec: 'mp4a.40.2' }, video: { codec: 'avc1.64001f' } })
    video.presentFrame()
    // A garbage segment: hls.js re-creates a SourceBuffer for a codec the engine does decode, and it throws.
    hls().emit(Hls.Events.ERROR, { type: Hls.ErrorTypes.MEDIA_ERROR, details: Hls.ErrorDetails.BUFFER_ADD_CODEC_ERROR, fatal: true, mimeType: 'video/mp4;codecs=avc1.64001f' })
    expect(channel.state).toBe('recovering')
    expect(hls().calls).toContain('recoverMediaError')
    expect(channel.problem).toBeNull()
    video.presentFrame()
    expect(channel.state).toBe('playing')
    // The stream really turns into a format the engine says it cannot decode: that still fails, naming it.
    hls().emit(Hls.Events.ERROR, { type: Hls.ErrorTypes.MEDIA_ERROR, details: Hls.ErrorDetails.BUFFER_ADD_CODEC_ERROR, fatal: true, mimeType: 'video/mp4;codecs=hvc1.1.6.L93.B0' })
    expect(channel.state).toBe('failed')
    expect(channel.problem).toEqual({ type: 'format', family: 'HEVC' })
  })

  it('says which HTTP error the playlist answered, and when it tries again', async () => {
    const texts: Array<string | null> = []
    const show = () => texts.push(playbackStatusText(channel.state, channel.timeToFirstFrameMs !== null, channel.problem))
    channel.events.on('problem', show)
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    const answered = (code: number) => ({ ...fatal(Hls.ErrorTypes.NETWORK_ERROR, 'manifestLoadError'), response: { code, text: 'Not Found' } })
    hls().emit(Hls.Events.ERROR, answered(404))
    expect(channel.problem).toEqual({ type: 'http', status: 404, retryInSeconds: 1 })
    expect(texts.pop()).toBe('The channel is not answering (HTTP 404). Trying again in 1 s')
    for (let i = 0; i < 3; i++) hls().emit(Hls.Events.ERROR, answered(404))
    expect(texts.pop()).toBe('The channel is not answering (HTTP 404). Trying again in 8 s')
    hls().emit(Hls.Events.ERROR, answered(503))
    expect(texts.pop()).toBe('The channel is not answering (HTTP 503). Trying again in 16 s')
    // A network error with no answer (a timeout) is not an HTTP error: the usual words.
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'manifestLoadTimeOut'))
    expect(channel.problem).toBeNull()
    expect(playbackStatusText(channel.state, false, channel.problem)).toBe('Waiting for the channel…')
    hls().emit(Hls.Events.ERROR, answered(403))
    clock.advance(60_000)
    video.presentFrame()
    expect(channel.state).toBe('playing')
    expect(channel.problem).toBeNull()
  })

  it('falls back to the picture height and a measured bitrate for a media playlist (its level says 0)', async () => {
    const bitrates: number[] = []
    channel.events.on('bitrate', (b) => bitrates.push(b))
    await channel.load('http://x/media.m3u8', video as unknown as HTMLVideoElement)
    hls().levels = [{ height: 0, bitrate: 0 }]
    hls().currentLevel = 0
    hls().emit(Hls.Events.LEVEL_SWITCHED, { level: 0 })
    expect(bitrates).toEqual([])
    video.videoHeight = 180
    expect(channel.figures()).toMatchObject({ levelHeight: 180, bitrate: null })
    const loaded = (bytes: number, type = 'main', level = 0) => hls().emit(Hls.Events.FRAG_LOADED, { frag: { type, level, duration: 2, stats: { loaded: bytes, total: bytes } } })
    loaded(25_000)
    loaded(999_999, 'audio')
    loaded(35_000)
    // (25 000 + 35 000) bytes × 8 / 4 s; the alternate-audio fragment is not the rendition's.
    expect(channel.figures()).toMatchObject({ levelHeight: 180, bitrate: 120_000 })
    // QoE hears the first measured figure once, not a bitrate switch per fragment.
    expect(bitrates).toEqual([100_000])
  })

  it('measures the bitrate of fragments loaded before hls.js reports the level switch (a short VOD)', async () => {
    const bitrates: number[] = []
    channel.events.on('bitrate', (b) => bitrates.push(b))
    await channel.load('http://x/media.m3u8', video as unknown as HTMLVideoElement)
    hls().levels = [{ height: 0, bitrate: 0 }]
    hls().currentLevel = 0
    for (let i = 0; i < 4; i++) hls().emit(Hls.Events.FRAG_LOADED, { frag: { type: 'main', level: 0, duration: 2, stats: { loaded: 25_000 } } })
    hls().emit(Hls.Events.LEVEL_SWITCHED, { level: 0 })
    expect(bitrates).toEqual([100_000])
    expect(channel.figures().bitrate).toBe(100_000)
  })

  it('reports the level height, bitrate and latency hls.js is on', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().levels = [{ height: 234, bitrate: 200_000 }, { height: 720, bitrate: 1_500_000 }]
    hls().currentLevel = 1
    hls().latency = 6.5
    expect(channel.figures()).toMatchObject({ levelHeight: 720, bitrate: 1_500_000, latency: 6.5 })
  })

  it('goes idle and stops retrying when unloaded', async () => {
    await channel.load('http://x/live.m3u8', video as unknown as HTMLVideoElement)
    hls().emit(Hls.Events.ERROR, fatal(Hls.ErrorTypes.NETWORK_ERROR, 'manifestLoadError'))
    await channel.unload()
    clock.advance(60_000)
    expect(MockHls.created).toHaveLength(1)
    expect(channel.state).toBe('idle')
  })

  it("resets the audio parser before re-appended init segments on WebKit's GStreamer MSE only", async () => {
    const ftyp = new Uint8Array([0, 0, 0, 8, 0x66, 0x74, 0x79, 0x70])
    const appendsOn = async (mediaEngine: 'webkit-gstreamer' | 'chromium') => {
      const on = new LiveChannel({ clock, engine: 'hlsjs', hlsConfig: {}, createHls: () => new MockHls() as unknown as HlsEngine, environment: null, probeFetch: null, mediaEngine })
      await on.load('http://x/live.m3u8', new FakeVideo() as unknown as HTMLVideoElement)
      const calls: string[] = []
      const audio = { updating: false, appendBuffer: (_data: Uint8Array) => calls.push('append'), abort: () => calls.push('abort') }
      hls().emit(Hls.Events.BUFFER_CREATED, { tracks: { audio: { buffer: audio } } })
      audio.appendBuffer(ftyp)
      audio.appendBuffer(ftyp)
      on.destroy()
      return calls
    }
    expect(await appendsOn('webkit-gstreamer')).toEqual(['append', 'abort', 'append'])
    expect(await appendsOn('chromium')).toEqual(['append', 'append'])
  })
})

describe('nextPlaybackState', () => {
  it('keeps "recovering" through a reload so the banner does not flicker', () => {
    expect(nextPlaybackState('recovering', { type: 'open' })).toBe('recovering')
    expect(nextPlaybackState('playing', { type: 'open' })).toBe('loading')
  })
  it('only stalls from playing', () => {
    expect(nextPlaybackState('loading', { type: 'bufferEmpty' })).toBe('loading')
    expect(nextPlaybackState('playing', { type: 'bufferEmpty' })).toBe('stalled')
  })
  it('stays idle after close whatever arrives late', () => {
    expect(nextPlaybackState('idle', { type: 'frames' })).toBe('idle')
    expect(nextPlaybackState('idle', { type: 'recovering' })).toBe('idle')
  })
})
