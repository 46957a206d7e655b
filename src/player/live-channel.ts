/**
 * The live channel: hls.js (or native HLS where MSE is missing) on the page's <video>. Owns the
 * playback state machine (playback-state.ts) and the element; recovery-runner.ts runs the recovery
 * policy on it, hls-engine.ts wires hls.js's events in, format-check.ts names a format the engine
 * cannot decode, playback-figures.ts reads the figures. The UI tunes through channel-tuner.ts's
 * `tune`, which calls `load`; live-playback.ts builds it all.
 */
import Hls, { type ErrorData } from 'hls.js'
import { Emitter } from '../lib/emitter'
import { nextPlaybackState, pauseReason, type PlaybackEvent, type PlaybackProblem, type PlaybackState } from './playback-state'
import { hasNoPicture } from './audio-only'
import { currentMediaEngine } from './media-engine'
import type { HlsAudioTrack } from './audio-tracks'
import { FirstFrameWatch, playWithMutedFallback, liveEdgePosition, fellOutOfWindow } from './video-element'
import type { FatalErrorKind, RecoveryAction } from './recovery-policy'
import { RecoveryRunner, type RecoveryHost } from './recovery-runner'
import { attachSource, createWiredHls, fatalErrorOf, hlsAudioTracks, isFormatFailure, switchHlsAudioTrack, type HlsEngine } from './hls-engine'
import { FormatCheck } from './format-check'
import { currentLevelDetails, MeasuredBitrate, playingDateMs, readFigures, type PlaybackFigures } from './playback-figures'
import type { LiveChannelEvents, LiveChannelOptions } from './live-channel-types'
import { dvrWindowOf, mediaTimeAt, type DatedFragment, type DvrWindow } from './dvr-window'

/** Further behind the live edge than this (s) is "behind live" (hls.js plays ~3 segments back, give or take one). */
export const BEHIND_LIVE_SECONDS = 10
/** Play after a pause whose position is this close to the DVR window's start (or past it) goes live: the window slides on. */
const RESUME_MARGIN_MS = 4000

/** Where the viewer is against the live edge (the automation snapshot, the status line). */
export interface Timeshift {
  /** The program date-time "Watch from start" sought to (ms), until Go live or a tune; null: none. */
  watchingFrom: number | null
  /** Play after a pause resumed behind live, until Go live or a tune. */
  resumedBehindLive: boolean
  /** The playhead's program date-time (hls.js playingDate, ms); null: unknown (native HLS, not playing yet). */
  playheadDate: number | null
  /** Seconds between the playhead and where live playback sits; null: unknown. */
  secondsBehindLive: number | null
  behindLive: boolean
}

/** The members of hls.js read for the DVR window and "Watch from start" (absent from test doubles). */
type HlsWithDates = HlsEngine & {
  liveSyncPosition?: number | null
  playingDate?: Date | null
  config?: { liveMaxLatencyDuration?: number }
}

export type { HlsEngine } from './hls-engine'
export type { PlaybackFigures } from './playback-figures'
export type { LiveChannelEvents, LiveChannelOptions, PlaybackEngine } from './live-channel-types'

export class LiveChannel implements RecoveryHost {
  readonly events = new Emitter<LiveChannelEvents>()
  state: PlaybackState = 'idle'
  engineInUse: 'hlsjs' | 'native' | null = null
  soundBlocked = false
  timeToFirstFrameMs: number | null = null
  /** What is known to be wrong with the channel (shown with the state), or null. */
  problem: PlaybackProblem | null = null
  /** The stream has no video track: its sound's progress counts as its frames. */
  audioOnly = false
  /** "Watch from start": the program date-time sought to (ms), until Go live or another source; null: at live. */
  watchingFrom: number | null = null
  /** Play after a pause resumed behind the live edge (where the viewer paused), until Go live or another source. */
  resumedBehindLive = false

  /** Behind live by the viewer's choice (from a programme's start, or on after a pause): OK and Play go live. */
  get timeshifted(): boolean {
    return this.watchingFrom !== null || this.resumedBehindLive
  }

  private hls: HlsEngine | null = null
  private element: HTMLVideoElement | null = null
  private source: string | null = null
  private openedAt = 0
  private readonly firstFrame = new FirstFrameWatch()
  /** This channel (since load, across reloads) has presented frames: its format is one the engine decodes. */
  private shownPictures = false
  /** The viewer paused (the Pause key): a recovery step must not resume then, and otherwise must. */
  private viewerPaused = false
  private readonly formats: FormatCheck
  private readonly measured = new MeasuredBitrate()
  private readonly recovery: RecoveryRunner
  private readonly videoListeners: Record<string, () => void> = {
    playing: () => this.onFrames(),
    waiting: () => this.dispatch({ type: 'bufferEmpty' }),
    error: () => this.onNativeError(),
    // At the end of the stream the element pauses too: that is the end of the broadcast, not the viewer's pause.
    pause: () => (this.element && pauseReason(this.element) === 'ended' ? this.dispatch({ type: 'ended' }) : this.events.emit('paused', true)),
    ended: () => this.dispatch({ type: 'ended' }),
    play: () => this.events.emit('paused', false),
    loadedmetadata: () => this.change('audioOnly', !!this.element && hasNoPicture(this.element)),
  }

  constructor(private readonly options: LiveChannelOptions) {
    this.formats = new FormatCheck(options.isTypeSupported)
    this.recovery = new RecoveryRunner(options.clock, this, { probeFetch: options.probeFetch, environment: options.environment })
  }

  /** For the recovery runner (RecoveryHost): what plays, where, from where. */
  get hlsEngine(): HlsEngine | null { return this.hls }
  get video(): HTMLVideoElement | null { return this.element }
  get url(): string | null { return this.source }
  get pausedByViewer(): boolean { return this.viewerPaused }

  /** Plays `url` on `video` (channel-tuner.ts's `tune` calls this); resolves once the source is attached. */
  load(url: string, video: HTMLVideoElement): Promise<void> {
    // Already on this channel on this element (tuned to the channel on air): keep playing.
    if (this.source === url && this.element === video && this.state !== 'idle' && this.state !== 'failed') return Promise.resolve()
    this.detach()
    this.source = url
    this.element = video
    this.recovery.reset()
    this.viewerPaused = false
    this.shownPictures = false
    this.formats.reset()
    this.measured.reset()
    this.change('problem', null)
    this.change('audioOnly', false)
    this.openedAt = this.pageTime()
    for (const name in this.videoListeners) video.addEventListener(name, this.videoListeners[name]!)
    const error = this.openSource()
    return error ? Promise.reject(error) : Promise.resolve()
  }

  /** Closes the channel: nothing plays, nothing retries. */
  unload(): Promise<void> {
    this.detach()
    this.dispatch({ type: 'close' })
    return Promise.resolve()
  }

  /** OK after "Press OK for sound": the key press is the user gesture browsers ask for. */
  unmute(): void {
    if (!this.element || !this.soundBlocked) return
    this.element.muted = false
    this.change('soundBlocked', false)
    void this.element.play().catch(() => undefined)
  }

  figures(): PlaybackFigures {
    return readFigures(this.element, this.hls, this.measured, this.state === 'ended')
  }

  /**
   * Pause live (the Pause key): hls.js keeps loading, so Play resumes within the DVR window. hls.js
   * moves a live playhead 10 segments behind the edge to the edge, paused or not: that is lifted
   * while paused (holdPlayhead), so the paused picture stays where it was.
   */
  pause(): void {
    this.viewerPaused = true
    this.holdPlayhead()
    if (this.element) this.element.pause()
  }

  /**
   * Play after Pause: resumes where it was (behind live from then on, until Go live), or at the live
   * edge if the window has slid past it.
   */
  resume(): void {
    const video = this.element
    if (!video) return
    this.viewerPaused = false
    const shift = this.timeshift()
    if (fellOutOfWindow(video) || this.outOfWindow(shift.playheadDate)) {
      this.goLive()
      return
    }
    void video.play().catch(() => undefined)
    if (this.watchingFrom !== null) return
    if (!shift.behindLive) {
      // Paused a moment: still at live, where hls.js may keep to the edge again.
      this.releasePlayhead()
      return
    }
    if (!this.resumedBehindLive) {
      this.resumedBehindLive = true
      this.events.emit('timeshift', null)
    }
  }

  /** A program date-time (the paused position's) has left the DVR window, or is about to. */
  private outOfWindow(at: number | null): boolean {
    const window = this.dvrWindow()
    return !!window && at !== null && at < window.start + RESUME_MARGIN_MS
  }

  /** hls.js must not move the playhead to the live edge (a pause, "Watch from start"). */
  private holdPlayhead(): void {
    const hls = this.hls as HlsWithDates | null
    if (hls && hls.config) hls.config.liveMaxLatencyDuration = Infinity
  }

  /** hls.js may keep a live playhead near the edge again. */
  private releasePlayhead(): void {
    const hls = this.hls as HlsWithDates | null
    if (hls && hls.config) hls.config.liveMaxLatencyDuration = undefined
  }

  /**
   * The stream's alternate audio renditions and the index of the one playing (-1: none). hls.js
   * only: on the native path (Safari/WebKit's video.audioTracks) the engine picks by itself.
   */
  audioTracks(): { tracks: HlsAudioTrack[]; current: number } {
    return hlsAudioTracks(this.hls)
  }

  /** Plays the audio rendition at `index` of audioTracks() (the viewer chose it). */
  setAudioTrack(index: number): void {
    if (this.hls) switchHlsAudioTrack(this.hls, index)
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
    return !!this.element && this.element.paused && this.state !== 'ended'
  }

  /** Back to the live edge ("Go live"). */
  goLive(): void {
    const video = this.element
    this.leaveTimeshift()
    if (!video) return
    this.viewerPaused = false
    const hls = this.hls as HlsWithDates | null
    const target = liveEdgePosition(video, hls ? hls.liveSyncPosition : null)
    if (target !== null) video.currentTime = target
    void video.play().catch(() => undefined)
  }

  /**
   * The tuned channel's DVR window in program date-time: what its live playlist still lists (hls.js
   * only; null on native HLS or before the playlist has loaded).
   */
  dvrWindow(): DvrWindow | null {
    return dvrWindowOf(this.fragments())
  }

  /**
   * "Watch from start": plays from program date-time `at` (ms) if the live playlist still holds it,
   * and stays there (hls.js would jump back to the live edge once 10 segments behind: its
   * liveMaxLatencyDuration is lifted until Go live). False when `at` is not in the window.
   */
  watchFrom(at: number): boolean {
    const video = this.element
    const hls = this.hls as HlsWithDates | null
    if (!video || !hls) return false
    const target = mediaTimeAt(this.fragments(), at)
    if (target === null) return false
    this.holdPlayhead()
    this.viewerPaused = false
    video.currentTime = target
    void video.play().catch(() => undefined)
    if (this.watchingFrom !== at) {
      this.watchingFrom = at
      this.events.emit('timeshift', at)
    }
    return true
  }

  /** Where the playhead is against the live edge. */
  timeshift(): Timeshift {
    const video = this.element
    const hls = this.hls as HlsWithDates | null
    const edge = video ? liveEdgePosition(video, hls ? hls.liveSyncPosition : null) : null
    const behind = video && edge !== null && this.state !== 'ended' ? Math.max(0, edge - video.currentTime) : null
    return {
      watchingFrom: this.watchingFrom,
      resumedBehindLive: this.resumedBehindLive,
      playheadDate: playingDateMs(hls),
      secondsBehindLive: behind,
      behindLive: behind !== null && behind > BEHIND_LIVE_SECONDS,
    }
  }

  private fragments(): DatedFragment[] {
    const details = currentLevelDetails(this.hls) as { fragments?: DatedFragment[] } | null
    return details && details.fragments ? details.fragments : []
  }

  /** Back at the live edge (or another source): hls.js may keep to the edge again. */
  private leaveTimeshift(): void {
    this.releasePlayhead()
    if (this.watchingFrom === null && !this.resumedBehindLive) return
    this.watchingFrom = null
    this.resumedBehindLive = false
    this.events.emit('timeshift', null)
  }

  destroy(): void {
    this.detach()
    this.recovery.destroy()
    this.events.removeAll()
  }

  /** RecoveryHost: a full reload on the same <video>, at the live edge. */
  rebuild(): void {
    if (!this.element || !this.source) return
    this.recovery.stopProbe()
    this.destroyHls()
    this.openSource()
  }

  /** RecoveryHost: after a recovery step re-attached the element, play again unless the viewer paused. */
  resumeAfterRecovery(): void {
    if (this.element && this.element.paused && !this.viewerPaused) this.startPlayback()
  }

  /** RecoveryHost: the picture moves again. */
  framesResumed(): void {
    this.onFrames()
  }

  /** RecoveryHost: what was wrong before this error is not known to be wrong now (an HTTP status is set again after). */
  recoveryStarted(kind: FatalErrorKind, details: string, action: RecoveryAction): void {
    if (this.problem && this.problem.type === 'http') this.change('problem', null)
    this.events.emit('fatalError', { kind, details, action: action.type })
  }

  dispatch(event: PlaybackEvent): void {
    const next = nextPlaybackState(this.state, event)
    if (next === this.state) return
    this.state = next
    this.events.emit('state', next)
  }

  private createHls(): HlsEngine {
    const hls: HlsEngine = createWiredHls(this.options.createHls, this.options.hlsConfig, this.options.mediaEngine ?? currentMediaEngine(), {
      error: (data) => this.onHlsError(data),
      manifestLoaded: (levels) => {
        if (this.formats.noneDecodable(levels)) this.failOnFormat(Hls.ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR)
      },
      manifestParsed: () => this.formats.dropUndecodableLevels(hls),
      streamCodecs: (codecs) => this.formats.streamCarries(codecs),
      // A media playlist (no master) declares no BANDWIDTH: hls.js's one level says 0. Its
      // fragments may all be loaded before the switch is reported (a short VOD).
      levelSwitched: (level, declared) => this.emitBitrate(this.measured.levelSwitched(level, declared)),
      fragmentLoaded: (frag) => this.emitBitrate(this.measured.fragmentLoaded(frag, hls.currentLevel)),
      audioTracksListed: () => this.pickAudioTrack(),
      audioTrackSwitched: () => this.events.emit('audioTracks', this.audioTracks()),
    })
    // Set before hls.js attaches: its events may arrive while attaching.
    this.engineInUse = 'hlsjs'
    this.hls = hls
    return hls
  }

  private emitBitrate(bitrate: number | null): void {
    if (bitrate !== null) this.events.emit('bitrate', bitrate)
  }

  private startPlayback(): void {
    const video = this.element!
    playWithMutedFallback(video, () => this.element === video, () => this.change('soundBlocked', true))
  }

  private onFrames(): void {
    if (!this.firstFrame.seen) return
    this.shownPictures = true
    if (this.problem && this.problem.type === 'http') this.change('problem', null)
    this.dispatch({ type: 'frames' })
    this.recovery.framesPresented()
  }

  private onHlsError(data: ErrorData): void {
    if (data.details === Hls.ErrorDetails.BUFFER_ADD_CODEC_ERROR && typeof data.mimeType === 'string') this.formats.sourceBufferRefused(data.mimeType)
    if (!data.fatal) return
    // No rendition is in a format this engine decodes (HEVC on a TV without it, H.264/AAC on a
    // build without the codecs): nothing to recover, and retrying would loop for good. A channel
    // that has shown pictures is decodable, though: there a codec error is corrupt data (a broken
    // segment read as a different codec) and recovers like any media error, unless the engine
    // itself says it cannot decode a codec the stream now carries.
    if (isFormatFailure(data.details) && (!this.shownPictures || this.formats.engineRefusedACodec())) {
      this.failOnFormat(data.details)
      return
    }
    const { kind, httpStatus } = fatalErrorOf(data)
    const action = this.recovery.recover(kind, data.details)
    // The server answered, with an error: say which, and when the next try is.
    if (httpStatus >= 400) {
      const delayMs = action.type === 'restartLoad' || action.type === 'reload' ? action.delayMs : 0
      this.change('problem', { type: 'http', status: httpStatus, retryInSeconds: delayMs >= 1000 ? Math.round(delayMs / 1000) : null })
    }
  }

  /** Stops for good on a format the engine cannot decode, naming it where it is known. */
  private failOnFormat(details: string): void {
    if (this.state === 'failed') return
    this.events.emit('fatalError', { kind: 'media', details, action: 'fail' })
    this.recovery.halt()
    this.hls?.stopLoad()
    const family = this.formats.undecodableFamily()
    if (family !== null) this.change('problem', { type: 'format', family })
    this.dispatch({ type: 'failed' })
  }

  private onNativeError(): void {
    if (this.engineInUse === 'native') this.recovery.recover('other', 'nativeVideoError')
  }

  /** Attaches the source and starts playback and the watches; an engine that can't play → failed. */
  private openSource(): unknown {
    const video = this.element!
    // A new source (a tune, a rebuild) starts at the live edge.
    this.leaveTimeshift()
    this.firstFrame.seen = false
    this.dispatch({ type: 'open' })
    try {
      const attached = attachSource(video, this.source!, this.options.engine, this.options.isHlsSupported, () => this.createHls())
      this.engineInUse = attached.engineInUse
      this.hls = attached.hls
    } catch (error) {
      console.error('[player] cannot play this channel:', error)
      this.dispatch({ type: 'failed' })
      return error
    }
    this.firstFrame.start(video, () => this.element === video, () => this.audioOnly, () => {
      const now = this.pageTime()
      if (this.timeToFirstFrameMs === null) this.timeToFirstFrameMs = now
      this.events.emit('firstFrame', { msSincePageStart: now, msSinceOpen: now - this.openedAt })
      this.onFrames()
    })
    this.startPlayback()
    this.recovery.watch()
    return null
  }

  private destroyHls(): void {
    if (this.hls) {
      this.hls.destroy()
      this.hls = null
    }
  }

  private detach(): void {
    this.recovery.stop()
    this.firstFrame.stop()
    this.destroyHls()
    if (this.element) {
      for (const name in this.videoListeners) this.element.removeEventListener(name, this.videoListeners[name]!)
      if (this.engineInUse === 'native') this.element.removeAttribute('src')
    }
    this.element = null
    this.engineInUse = null
  }

  /** Sets soundBlocked, audioOnly or problem and reports it, when it changes. */
  private change<K extends 'soundBlocked' | 'audioOnly' | 'problem'>(key: K, value: this[K]): void {
    if (JSON.stringify(value) === JSON.stringify(this[key])) return
    this[key] = value
    this.events.emit(key, value as LiveChannelEvents[K])
  }

  private pageTime(): number {
    return this.options.pageTime ? this.options.pageTime() : typeof performance !== 'undefined' ? performance.now() : 0
  }
}
