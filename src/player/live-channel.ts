/**
 * The live channel: hls.js (or native HLS where MSE is missing) on the SDK VideoPlayer's <video>.
 * Owns the playback state machine and applies the recovery policy; the SDK VideoPlayer calls
 * `load`/`unload` as its loader/unloader hooks (see sdk-video-player.ts).
 */
import Hls, { type ErrorData, type HlsConfig } from 'hls.js'
import type { Clock, TimerId } from '../lib/clock'
import { Emitter } from '../lib/emitter'
import { nextPlaybackState, pauseReason, type PlaybackEvent, type PlaybackProblem, type PlaybackState } from './playback-state'
import { audioProgressed, hasNoPicture } from './audio-only'
import { codecSupported, filterDecodableRenditions, formatFamilies, pageTypeSupport, splitCodecs, type TypeSupport } from './codecs'
import { FrozenPictureWatch } from './frozen-picture-watch'
import { ReachabilityProbe, type ProbeFetch } from './reachability-probe'
import { defaultEnvironment, type PageEnvironment } from './page-environment'
import { currentMediaEngine, type MediaEngine } from './media-engine'
import { resetAudioParserOnInitSegments } from './webkit-audio-parser-reset'
import type { AudioTrackPicker, HlsAudioTrack } from './audio-tracks'
import { playWithMutedFallback, whenFirstFrame, liveEdgePosition, fellOutOfWindow } from './video-element'
import {
  emptyRecoveryHistory,
  recordRecovery,
  recoveryAction,
  type FatalErrorKind,
  type RecoveryAction,
} from './recovery-policy'

export type PlaybackEngine = 'auto' | 'hlsjs' | 'native'

/** The part of hls.js LiveChannel uses; tests drive a mock of it through hls.js's real events. */
export type HlsEngine = Pick<
  Hls,
  | 'on' | 'loadSource' | 'attachMedia' | 'startLoad' | 'stopLoad' | 'recoverMediaError'
  | 'swapAudioCodec' | 'destroy' | 'levels' | 'currentLevel' | 'latency' | 'removeLevel'
>

export interface LiveChannelOptions {
  clock: Clock
  engine: PlaybackEngine
  hlsConfig: Partial<HlsConfig>
  createHls?: (config: Partial<HlsConfig>) => HlsEngine
  isHlsSupported?: () => boolean
  /** Milliseconds on the page's clock (performance.now), for time to first frame. */
  pageTime?: () => number
  /** For the reachability probe while the channel is down (default: the page's fetch; null = none). */
  probeFetch?: ProbeFetch | null
  /** The window and document whose online/offline and visibility events matter (default: the page's). */
  environment?: PageEnvironment | null
  /** The engine whose MSE workarounds hls.js gets (default: the page's, from its user agent). */
  mediaEngine?: MediaEngine
  /** What the engine decodes through MSE (default: the page's MediaSource.isTypeSupported; null = ask nothing). */
  isTypeSupported?: TypeSupport | null
  /** Which of a stream's alternate audio renditions plays (audio-tracks.ts); default: hls.js's DEFAULT=YES. */
  audioPicker?: AudioTrackPicker
}


export interface LiveChannelEvents extends Record<string, unknown> {
  state: PlaybackState
  /** The browser refused to play with sound: playing muted until the viewer presses OK. */
  soundBlocked: boolean
  firstFrame: { msSincePageStart: number; msSinceOpen: number }
  /** The viewer paused live (true) or resumed (false). */
  paused: boolean
  /** The stream has no video track (sound only: the Live page shows a still card), or has one again. */
  audioOnly: boolean
  /** hls.js switched rendition: its bitrate (bit/s). */
  bitrate: number
  /** What is wrong beyond the state (a format the engine cannot decode), or null once it is not. */
  problem: PlaybackProblem | null
  /** The stream's alternate audio renditions, or which of them plays, changed (hls.js only). */
  audioTracks: { tracks: HlsAudioTrack[]; current: number }
  /** action 'fail': nothing can be tried (a format the engine cannot decode). */
  fatalError: { kind: FatalErrorKind; details: string; action: RecoveryAction['type'] | 'fail' }
}

export interface PlaybackFigures {
  currentTime: number
  levelHeight: number | null
  bitrate: number | null
  latency: number | null
}

/** hls.js is healthy this long after frames resume: the recovery ladder starts over. */
const HEALTHY_AFTER_MS = 10_000
/**
 * A recovery step (recoverMediaError, startLoad, a reload) that has not brought the picture back
 * within this many target durations (and at least RECOVERY_MIN_SECONDS) is taken as failed: the
 * next step follows. hls.js can go quiet after recoverMediaError on a stream it cannot parse.
 */
const RECOVERY_TARGET_DURATIONS = 5
const RECOVERY_MIN_SECONDS = 10
/** The measured bitrate (for a playlist that declares none) is over this many recent fragments. */
const MEASURED_FRAGMENTS = 6

export class LiveChannel {
  readonly events = new Emitter<LiveChannelEvents>()
  state: PlaybackState = 'idle'
  engineInUse: 'hlsjs' | 'native' | null = null
  soundBlocked = false
  timeToFirstFrameMs: number | null = null
  /** What is known to be wrong with the channel (shown with the state), or null. */
  problem: PlaybackProblem | null = null
  /** The stream has no video track: its sound's progress counts as its frames. */
  audioOnly = false

  private hls: HlsEngine | null = null
  private video: HTMLVideoElement | null = null
  private url: string | null = null
  private history = emptyRecoveryHistory()
  private retryTimer: TimerId | null = null
  private healthyTimer: TimerId | null = null
  private openedAt = 0
  private sawFirstFrame = false
  /** The viewer paused (the Pause key): a recovery step must not resume then, and otherwise must. */
  private viewerPaused = false
  /** Codecs of this channel the engine said it cannot decode (from the manifest or a SourceBuffer). */
  private undecodableCodecs: string[] = []
  /** The codecs hls.js read from the stream's init segment (BUFFER_CODECS), for naming a format it could not play. */
  private streamCodecs: string[] = []
  /** The last main fragments loaded (level, bytes, seconds): the bitrate when the playlist declares none. */
  private loadedFragments: Array<{ level: number; bytes: number; seconds: number }> = []
  /** The rendition now playing declares no bitrate: report the measured one once it is known. */
  private bitratePending = false
  private readonly videoListeners: Record<string, () => void> = {
    playing: () => this.onFrames(),
    waiting: () => this.dispatch({ type: 'bufferEmpty' }),
    error: () => this.onNativeError(),
    // At the end of the stream the element pauses too: that is the end of the broadcast, not the viewer's pause.
    pause: () => (this.video && pauseReason(this.video) === 'ended' ? this.dispatch({ type: 'ended' }) : this.events.emit('paused', true)),
    ended: () => this.dispatch({ type: 'ended' }),
    play: () => this.events.emit('paused', false),
    loadedmetadata: () => this.setAudioOnly(!!this.video && hasNoPicture(this.video)),
  }
  /** Stops the audio-only first-"frame" wait (see watchFirstFrame). */
  private stopAudioProgressWatch: (() => void) | null = null

  private readonly frozenWatch: FrozenPictureWatch
  private readonly probe: ReachabilityProbe
  private readonly environment: PageEnvironment | null
  private readonly pageListeners: Record<'online' | 'offline' | 'visibilitychange', () => void> = {
    online: () => this.onOnline(),
    offline: () => this.dispatch({ type: 'recovering' }),
    visibilitychange: () => this.onVisibilityChange(),
  }

  constructor(private readonly options: LiveChannelOptions) {
    this.frozenWatch = new FrozenPictureWatch(
      options.clock,
      () => ({
        currentTime: this.video ? this.video.currentTime : 0,
        paused: !this.video || this.video.paused,
        shouldMove: this.shouldMove(),
      }),
      {
        // Playing: two target durations. A recovery step gets longer to bring the picture back.
        limitSeconds: () =>
          this.state === 'recovering' ? Math.max(RECOVERY_TARGET_DURATIONS * this.targetDuration(), RECOVERY_MIN_SECONDS) : 2 * this.targetDuration(),
        onFrozen: () => this.recover('other', this.state === 'recovering' ? 'noPictureAfterRecovery' : 'frozenPicture'),
        onMoving: () => this.onPictureMoving(),
      },
    )
    const defaultFetch = typeof fetch === 'function' ? (url: string, init: RequestInit) => fetch(url, init) : null
    this.probe = new ReachabilityProbe(options.clock, options.probeFetch === undefined ? defaultFetch : options.probeFetch)
    this.environment = options.environment === undefined ? defaultEnvironment() : options.environment
    if (this.environment) {
      for (const name of ['online', 'offline', 'visibilitychange'] as const) this.environment.addEventListener(name, this.pageListeners[name])
    }
  }

  /** The SDK VideoPlayer loader hook: resolves once the source is attached (playback follows). */
  load(url: string, video: HTMLVideoElement): Promise<void> {
    // Already on this channel on this element (started before the UI): keep playing.
    if (this.url === url && this.video === video && this.state !== 'idle' && this.state !== 'failed') return Promise.resolve()
    this.detach()
    this.url = url
    this.video = video
    this.history = emptyRecoveryHistory()
    this.viewerPaused = false
    this.undecodableCodecs = []
    this.streamCodecs = []
    this.loadedFragments = []
    this.bitratePending = false
    this.setProblem(null)
    this.setAudioOnly(false)
    this.openedAt = this.pageTime()
    for (const name in this.videoListeners) video.addEventListener(name, this.videoListeners[name]!)
    const error = this.openSource()
    return error ? Promise.reject(error) : Promise.resolve()
  }

  /** The SDK VideoPlayer unloader hook. */
  unload(): Promise<void> {
    this.detach()
    this.dispatch({ type: 'close' })
    return Promise.resolve()
  }

  /** OK after "Press OK for sound": the key press is the user gesture browsers ask for. */
  unmute(): void {
    if (!this.video || !this.soundBlocked) return
    this.video.muted = false
    this.setSoundBlocked(false)
    void this.video.play().catch(() => undefined)
  }

  figures(): PlaybackFigures {
    const video = this.video
    const level = this.hls && this.hls.currentLevel >= 0 ? this.hls.levels[this.hls.currentLevel] : undefined
    const latency = this.hls ? this.hls.latency : NaN
    return {
      currentTime: video ? video.currentTime : 0,
      // A media playlist's level says 0 for both: the picture's own height and the measured bitrate.
      levelHeight: level && level.height > 0 ? level.height : video && video.videoHeight ? video.videoHeight : null,
      bitrate: level && level.bitrate > 0 ? level.bitrate : this.measuredBitrate(this.hls ? this.hls.currentLevel : -1),
      // Latency is a live stream's: none for a VOD or an event that ended (EXT-X-ENDLIST).
      latency: this.isLive() && isFinite(latency) && latency > 0 ? latency : null,
    }
  }

  /** Whether the playlist playing is live (no EXT-X-ENDLIST) and the stream has not ended. */
  private isLive(): boolean {
    if (this.state === 'ended') return false
    const level = this.hls && this.hls.currentLevel >= 0 ? this.hls.levels[this.hls.currentLevel] : undefined
    const details = level && (level as { details?: { live?: boolean } }).details
    return !details || details.live !== false
  }

  /** Pause live (the Pause key): hls.js keeps loading, so Play resumes within the DVR window. */
  pause(): void {
    this.viewerPaused = true
    if (this.video) this.video.pause()
  }

  /** Play after Pause: resumes where it was, or at the live edge if that fell out of the window. */
  resume(): void {
    const video = this.video
    if (!video) return
    this.viewerPaused = false
    if (fellOutOfWindow(video)) this.goLive()
    void video.play().catch(() => undefined)
  }

  /**
   * The stream's alternate audio renditions and the index of the one playing (-1: none). hls.js
   * only: on the native path (Safari/WebKit's video.audioTracks) the engine picks by itself.
   */
  audioTracks(): { tracks: HlsAudioTrack[]; current: number } {
    const hls = this.hls as (HlsEngine & { audioTracks?: HlsAudioTrack[]; audioTrack?: number }) | null
    const tracks = hls && Array.isArray(hls.audioTracks) ? hls.audioTracks.slice() : []
    return { tracks, current: tracks.length > 0 && typeof hls!.audioTrack === 'number' ? hls!.audioTrack : -1 }
  }

  /** Plays the audio rendition at `index` of audioTracks() (the viewer chose it). */
  setAudioTrack(index: number): void {
    const hls = this.hls as (HlsEngine & { audioTrack?: number }) | null
    if (!hls || index < 0 || index >= this.audioTracks().tracks.length || hls.audioTrack === index) return
    hls.audioTrack = index
  }

  /** Picks the audio rendition again with the audio picker (the stream listed its tracks, or the preference changed). */
  pickAudioTrack(): void {
    const { tracks } = this.audioTracks()
    const picker = this.options.audioPicker
    if (picker && tracks.length > 1) this.setAudioTrack(picker.pick(tracks))
    this.events.emit('audioTracks', this.audioTracks())
  }

  /** The viewer's pause: an ended stream is not paused (OK and Play/Pause are not "resume" there). */
  get paused(): boolean {
    return !!this.video && this.video.paused && this.state !== 'ended'
  }

  /** Back to the live edge ("Go live"). */
  goLive(): void {
    const video = this.video
    if (!video) return
    this.viewerPaused = false
    const hls = this.hls as (HlsEngine & { liveSyncPosition?: number | null }) | null
    const target = liveEdgePosition(video, hls ? hls.liveSyncPosition : null)
    if (target !== null) video.currentTime = target
    void video.play().catch(() => undefined)
  }

  destroy(): void {
    this.detach()
    if (this.environment) {
      for (const name of ['online', 'offline', 'visibilitychange'] as const) this.environment.removeEventListener(name, this.pageListeners[name])
    }
    this.events.removeAll()
  }

  private attachSource(): void {
    const video = this.video!
    const url = this.url!
    const useHlsJs = this.options.engine === 'hlsjs' || (this.options.engine === 'auto' && this.hlsSupported())
    if (useHlsJs) {
      this.engineInUse = 'hlsjs'
      this.hls = this.createHls()
      this.hls.attachMedia(video)
      this.hls.loadSource(url)
      return
    }
    if (!video.canPlayType('application/vnd.apple.mpegurl')) {
      throw new Error('This device can play neither HLS through Media Source Extensions nor natively')
    }
    this.engineInUse = 'native'
    video.src = url
    video.load()
  }

  private createHls(): HlsEngine {
    const hls = (this.options.createHls ?? ((config) => new Hls(config)))(this.options.hlsConfig)
    // WebKit's GStreamer MSE drops audio after a re-appended init segment (webkit-audio-parser-reset.ts).
    if ((this.options.mediaEngine ?? currentMediaEngine()) === 'webkit-gstreamer') resetAudioParserOnInitSegments(hls)
    hls.on(Hls.Events.ERROR, (_event, data) => this.onHlsError(data))
    hls.on(Hls.Events.MANIFEST_LOADED, (_event, data) => this.onManifestLoaded(data.levels))
    hls.on(Hls.Events.MANIFEST_PARSED, () => this.dropUndecodableLevels())
    hls.on(Hls.Events.BUFFER_CODECS, (_event, data) => {
      for (const track of Object.values(data as Record<string, { codec?: string; levelCodec?: string } | undefined>)) {
        addMissing(this.streamCodecs, splitCodecs(track && (track.codec || track.levelCodec)))
      }
    })
    hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => {
      const level = hls.levels[data.level]
      if (!level) return
      // A media playlist (no master) declares no BANDWIDTH: hls.js's one level says 0. Its
      // fragments may all be loaded before the switch is reported (a short VOD).
      const bitrate = level.bitrate > 0 ? level.bitrate : this.measuredBitrate(data.level)
      this.bitratePending = bitrate === null
      if (bitrate !== null) this.events.emit('bitrate', bitrate)
    })
    hls.on(Hls.Events.FRAG_LOADED, (_event, data) => this.onFragmentLoaded(data.frag))
    hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, () => this.pickAudioTrack())
    hls.on(Hls.Events.AUDIO_TRACK_SWITCHED, () => this.events.emit('audioTracks', this.audioTracks()))
    return hls
  }

  private hlsSupported(): boolean {
    return (this.options.isHlsSupported ?? (() => Hls.isSupported()))()
  }

  private startPlayback(): void {
    const video = this.video!
    playWithMutedFallback(video, () => this.video === video, () => this.setSoundBlocked(true))
  }

  private watchFirstFrame(video: HTMLVideoElement): void {
    const onFirstFrame = () => {
      if (this.video !== video || this.sawFirstFrame) return
      this.sawFirstFrame = true
      const now = this.pageTime()
      if (this.timeToFirstFrameMs === null) this.timeToFirstFrameMs = now
      this.events.emit('firstFrame', { msSincePageStart: now, msSinceOpen: now - this.openedAt })
      this.onFrames()
    }
    whenFirstFrame(video, onFirstFrame)
    // An audio-only stream presents no frame: its sound moving on is its first "frame".
    this.stopAudioProgressWatch?.()
    let lastTime = -1
    const onTime = () => {
      if (this.audioOnly && audioProgressed(lastTime, video)) onFirstFrame()
      lastTime = video.currentTime
      if (this.sawFirstFrame || this.video !== video) this.stopAudioProgressWatch?.()
    }
    video.addEventListener('timeupdate', onTime)
    this.stopAudioProgressWatch = () => {
      video.removeEventListener('timeupdate', onTime)
      this.stopAudioProgressWatch = null
    }
  }

  private setAudioOnly(audioOnly: boolean): void {
    if (this.audioOnly === audioOnly) return
    this.audioOnly = audioOnly
    this.events.emit('audioOnly', audioOnly)
  }

  private onFrames(): void {
    if (!this.sawFirstFrame) return
    if (this.problem && this.problem.type === 'http') this.setProblem(null)
    this.dispatch({ type: 'frames' })
    this.clearTimer('healthyTimer')
    this.healthyTimer = this.options.clock.setTimeout(() => {
      this.healthyTimer = null
      if (this.state === 'playing') this.history = emptyRecoveryHistory()
    }, HEALTHY_AFTER_MS)
  }

  /** Whether a still picture now means something is wrong (not while a backed-off retry waits). */
  private shouldMove(): boolean {
    if (this.state === 'playing' || this.state === 'stalled') return true
    return this.state === 'recovering' && this.retryTimer === null
  }

  /** The picture advanced: after a stall or a recovery step that worked, that is playing again. */
  private onPictureMoving(): void {
    if ((this.state === 'stalled' || this.state === 'recovering') && this.retryTimer === null) this.onFrames()
  }

  /** A main-rendition fragment arrived: its size over its duration feeds the measured bitrate. */
  private onFragmentLoaded(frag: { type?: string; level?: number; duration?: number; stats?: { loaded?: number; total?: number } }): void {
    if (frag.type !== 'main' || !frag.stats || !(frag.duration! > 0)) return
    const bytes = frag.stats.loaded || frag.stats.total || 0
    if (!(bytes > 0)) return
    const level = typeof frag.level === 'number' ? frag.level : -1
    this.loadedFragments.push({ level, bytes, seconds: frag.duration! })
    if (this.loadedFragments.length > MEASURED_FRAGMENTS) this.loadedFragments.shift()
    const measured = this.hls && this.hls.currentLevel === level ? this.measuredBitrate(level) : null
    if (this.bitratePending && measured !== null) {
      this.bitratePending = false
      this.events.emit('bitrate', measured)
    }
  }

  /** Bits per second of the last fragments of `level` loaded (bytes × 8 / their duration), or null before any. */
  private measuredBitrate(level: number): number | null {
    let bytes = 0
    let seconds = 0
    for (const f of this.loadedFragments) {
      if (f.level !== level) continue
      bytes += f.bytes
      seconds += f.seconds
    }
    return seconds > 0 ? Math.round((bytes * 8) / seconds) : null
  }

  private typeSupport(): TypeSupport | null {
    return this.options.isTypeSupported === undefined ? pageTypeSupport() : this.options.isTypeSupported
  }

  /** The renditions of a master as declared: those the engine cannot decode are skipped; none left fails. */
  private onManifestLoaded(levels: ReadonlyArray<{ attrs?: { CODECS?: string }; videoCodec?: string; audioCodec?: string }>): void {
    const isTypeSupported = this.typeSupport()
    if (!isTypeSupported || levels.length === 0) return
    const filter = filterDecodableRenditions(levels.map(renditionCodecs), isTypeSupported)
    this.noteUndecodable(filter.undecodableCodecs)
    if (filter.decodable.length === 0) this.failOnFormat(Hls.ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR)
  }

  /** hls.js skips undecodable renditions itself; this makes sure of it (never the last one left). */
  private dropUndecodableLevels(): void {
    const hls = this.hls
    const isTypeSupported = this.typeSupport()
    if (!hls || !isTypeSupported) return
    const levels = hls.levels as unknown as ReadonlyArray<{ attrs?: { CODECS?: string }; videoCodec?: string; audioCodec?: string }>
    const filter = filterDecodableRenditions(levels.map(renditionCodecs), isTypeSupported)
    if (filter.decodable.length === 0 || filter.decodable.length === levels.length) return
    this.noteUndecodable(filter.undecodableCodecs)
    for (let i = levels.length - 1; i >= 0; i--) if (filter.decodable.indexOf(i) < 0) hls.removeLevel(i)
  }

  private noteUndecodable(codecs: string[]): void {
    addMissing(this.undecodableCodecs, codecs)
  }

  private onHlsError(data: ErrorData): void {
    const D = Hls.ErrorDetails
    // A SourceBuffer the engine would not make names the codec (hls.js then drops that rendition).
    // hls.js reports a later SourceBuffer failing after the first as the same error: only a codec
    // the engine says it does not decode is named for sure.
    if (data.details === D.BUFFER_ADD_CODEC_ERROR && typeof data.mimeType === 'string') {
      const codecs = splitCodecs(data.mimeType)
      const missing = this.refusedCodecs(codecs) ?? []
      if (missing.length > 0) this.noteUndecodable(missing)
      else addMissing(this.streamCodecs, codecs)
    }
    if (!data.fatal) return
    // No rendition is in a format this engine decodes (HEVC on a TV without it, H.264/AAC on a
    // build without the codecs): nothing to recover, and retrying would loop for good.
    if (data.details === D.MANIFEST_INCOMPATIBLE_CODECS_ERROR || data.details === D.BUFFER_ADD_CODEC_ERROR || data.details === D.BUFFER_INCOMPATIBLE_CODECS_ERROR) {
      this.failOnFormat(data.details)
      return
    }
    const kind: FatalErrorKind =
      data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'network' : data.type === Hls.ErrorTypes.MEDIA_ERROR ? 'media' : 'other'
    const action = this.recover(kind, data.details)
    // The server answered, with an error (hls.js's network error carries the response): say which.
    const status = kind === 'network' && data.response && typeof data.response.code === 'number' ? data.response.code : 0
    if (status >= 400) {
      const delayMs = action.type === 'restartLoad' || action.type === 'reload' ? action.delayMs : 0
      this.setProblem({ type: 'http', status, retryInSeconds: delayMs >= 1000 ? Math.round(delayMs / 1000) : null })
    }
  }

  /** Stops for good on a format the engine cannot decode, naming it where it is known. */
  private failOnFormat(details: string): void {
    if (this.state === 'failed') return
    this.events.emit('fatalError', { kind: 'media', details, action: 'fail' })
    this.clearTimer('retryTimer')
    this.probe.stop()
    this.frozenWatch.stop()
    this.hls?.stopLoad()
    const named = this.undecodableCodecs.length > 0 ? this.undecodableCodecs : this.undecodableStreamCodecs()
    if (named.length > 0) this.setProblem({ type: 'format', family: formatFamilies(named) })
    this.dispatch({ type: 'failed' })
  }

  /** Of the codecs read from the stream, those the engine says it cannot decode (all of them if it says nothing). */
  private undecodableStreamCodecs(): string[] {
    const missing = this.refusedCodecs(this.streamCodecs)
    return missing && missing.length > 0 ? missing : this.streamCodecs
  }

  /** Of `codecs`, those the engine says it cannot decode; null when there is no engine to ask. */
  private refusedCodecs(codecs: string[]): string[] | null {
    const isTypeSupported = this.typeSupport()
    return isTypeSupported ? codecs.filter((codec) => !codecSupported(codec, isTypeSupported)) : null
  }

  private setProblem(problem: PlaybackProblem | null): void {
    if (JSON.stringify(problem) === JSON.stringify(this.problem)) return
    this.problem = problem
    this.events.emit('problem', problem)
  }

  /** After a recovery step re-attached the element: play again unless the viewer paused. */
  private resumeAfterRecovery(): void {
    if (this.video && this.video.paused && !this.viewerPaused) this.startPlayback()
  }

  private onNativeError(): void {
    if (this.engineInUse === 'native') this.recover('other', 'nativeVideoError')
  }

  private recover(kind: FatalErrorKind, details: string): RecoveryAction {
    const now = this.options.clock.now()
    const action = recoveryAction(kind, this.history, now)
    // What was wrong before this error is not known to be wrong now (an HTTP status is set again after).
    if (this.problem && this.problem.type === 'http') this.setProblem(null)
    this.history = recordRecovery(this.history, kind, action, now)
    this.events.emit('fatalError', { kind, details, action: action.type })
    this.dispatch({ type: 'recovering' })
    this.clearTimer('retryTimer')
    switch (action.type) {
      // hls.js can go quiet after these (no error, no frame): the picture watch then escalates.
      case 'recoverMediaError':
        this.hls?.recoverMediaError()
        this.resumeAfterRecovery()
        return action
      case 'swapAudioCodecAndRecover':
        this.hls?.swapAudioCodec()
        this.hls?.recoverMediaError()
        this.resumeAfterRecovery()
        return action
      case 'restartLoad': {
        const restart = () => {
          this.clearTimer('retryTimer')
          this.probe.stop()
          // Before the first manifest there are no levels to resume: load the source again.
          if (this.hls && this.hls.levels.length > 0) this.hls.startLoad(-1)
          else this.rebuild()
        }
        this.retryTimer = this.options.clock.setTimeout(restart, action.delayMs)
        // Don't sit out a long backoff once the server answers again.
        if (this.url && action.delayMs > 1000) this.probe.start(this.url, restart)
        return action
      }
      case 'reload':
        this.retryTimer = this.options.clock.setTimeout(() => {
          this.retryTimer = null
          this.rebuild()
        }, action.delayMs)
        return action
    }
    return action
  }

  private onOnline(): void {
    // The network is back: don't wait for the backoff timer.
    if (this.video && this.url && this.state !== 'playing') {
      this.clearTimer('retryTimer')
      this.rebuild()
    }
  }

  private onVisibilityChange(): void {
    if (!this.video || !this.url || !this.environment) return
    if (this.environment.hidden) {
      // Suspended (TV app in the background, page hidden): stop loading, keep nothing running.
      this.clearTimer('retryTimer')
      this.probe.stop()
      this.frozenWatch.stop()
      if (this.hls) this.hls.stopLoad()
      this.video.pause()
    } else {
      // Back in front: a live channel resumes at the live edge, not where it was left.
      this.rebuild()
    }
  }

  private targetDuration(): number {
    const hls = this.hls
    const level = hls && hls.currentLevel >= 0 ? hls.levels[hls.currentLevel] : undefined
    const details = level && (level as { details?: { targetduration?: number } }).details
    return details && details.targetduration ? details.targetduration : 2
  }

  /** A full reload on the same <video>: a new hls.js instance (or a fresh native load) at the live edge. */
  private rebuild(): void {
    if (!this.video || !this.url) return
    this.probe.stop()
    this.destroyHls()
    this.openSource()
  }

  /** Attaches the source and starts playback and the watches; an engine that can't play → failed. */
  private openSource(): unknown {
    const video = this.video!
    this.sawFirstFrame = false
    this.dispatch({ type: 'open' })
    try {
      this.attachSource()
    } catch (error) {
      console.error('[player] cannot play this channel:', error)
      this.dispatch({ type: 'failed' })
      return error
    }
    this.watchFirstFrame(video)
    this.startPlayback()
    this.frozenWatch.start()
    return null
  }

  private setSoundBlocked(blocked: boolean): void {
    if (this.soundBlocked === blocked) return
    this.soundBlocked = blocked
    this.events.emit('soundBlocked', blocked)
  }

  private dispatch(event: PlaybackEvent): void {
    const next = nextPlaybackState(this.state, event)
    if (next === this.state) return
    this.state = next
    this.events.emit('state', next)
  }

  private destroyHls(): void {
    if (this.hls) {
      this.hls.destroy()
      this.hls = null
    }
  }

  private detach(): void {
    this.probe.stop()
    this.frozenWatch.stop()
    this.stopAudioProgressWatch?.()
    this.clearTimer('retryTimer')
    this.clearTimer('healthyTimer')
    this.destroyHls()
    if (this.video) {
      for (const name in this.videoListeners) this.video.removeEventListener(name, this.videoListeners[name]!)
      if (this.engineInUse === 'native') this.video.removeAttribute('src')
    }
    this.video = null
    this.engineInUse = null
  }

  private clearTimer(name: 'retryTimer' | 'healthyTimer'): void {
    const id = this[name]
    if (id !== null) this.options.clock.clearTimeout(id)
    this[name] = null
  }

  private pageTime(): number {
    return this.options.pageTime ? this.options.pageTime() : typeof performance !== 'undefined' ? performance.now() : 0
  }
}

/** A rendition's declared codecs: its CODECS attribute, else what hls.js read of it. */
function renditionCodecs(level: { attrs?: { CODECS?: string }; videoCodec?: string; audioCodec?: string }): { codecs: string[] } {
  const declared = splitCodecs(level.attrs && level.attrs.CODECS)
  if (declared.length > 0) return { codecs: declared }
  return { codecs: [level.videoCodec, level.audioCodec].filter((c): c is string => !!c) }
}

/** Appends each of `items` not in `list` yet (codec lists stay short and ordered). */
function addMissing(list: string[], items: string[]): void {
  for (const item of items) if (list.indexOf(item) < 0) list.push(item)
}
