/**
 * The live channel: hls.js (or native HLS where MSE is missing) on the SDK VideoPlayer's <video>.
 * Owns the playback state machine and applies the recovery policy; the SDK VideoPlayer calls
 * `load`/`unload` as its loader/unloader hooks (see sdk-video-player.ts).
 */
import Hls, { type ErrorData, type HlsConfig } from 'hls.js'
import type { Clock, TimerId } from '../lib/clock'
import { Emitter } from '../lib/emitter'
import { nextPlaybackState, type PlaybackEvent, type PlaybackState } from './playback-state'
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
  | 'swapAudioCodec' | 'destroy' | 'levels' | 'currentLevel' | 'latency'
>

export interface LiveChannelOptions {
  clock: Clock
  engine: PlaybackEngine
  hlsConfig: Partial<HlsConfig>
  createHls?: (config: Partial<HlsConfig>) => HlsEngine
  isHlsSupported?: () => boolean
  /** Milliseconds on the page's clock (performance.now), for time to first frame. */
  pageTime?: () => number
}

export interface LiveChannelEvents extends Record<string, unknown> {
  state: PlaybackState
  /** The browser refused to play with sound: playing muted until the viewer presses OK. */
  soundBlocked: boolean
  firstFrame: { msSincePageStart: number; msSinceOpen: number }
  fatalError: { kind: FatalErrorKind; details: string; action: RecoveryAction['type'] }
}

export interface PlaybackFigures {
  currentTime: number
  levelHeight: number | null
  bitrate: number | null
  latency: number | null
}

/** hls.js is healthy this long after frames resume: the recovery ladder starts over. */
const HEALTHY_AFTER_MS = 10_000

export class LiveChannel {
  readonly events = new Emitter<LiveChannelEvents>()
  state: PlaybackState = 'idle'
  engineInUse: 'hlsjs' | 'native' | null = null
  soundBlocked = false
  timeToFirstFrameMs: number | null = null

  private hls: HlsEngine | null = null
  private video: HTMLVideoElement | null = null
  private url: string | null = null
  private history = emptyRecoveryHistory()
  private retryTimer: TimerId | null = null
  private healthyTimer: TimerId | null = null
  private openedAt = 0
  private sawFirstFrame = false
  private readonly videoListeners: Record<string, () => void> = {
    playing: () => this.onFrames(),
    waiting: () => this.dispatch({ type: 'bufferEmpty' }),
    error: () => this.onNativeError(),
  }

  constructor(private readonly options: LiveChannelOptions) {}

  /** The SDK VideoPlayer loader hook: resolves once the source is attached (playback follows). */
  load(url: string, video: HTMLVideoElement): Promise<void> {
    // Already on this channel on this element (started before the UI): keep playing.
    if (this.url === url && this.video === video && this.state !== 'idle' && this.state !== 'failed') return Promise.resolve()
    this.detach()
    this.url = url
    this.video = video
    this.history = emptyRecoveryHistory()
    this.sawFirstFrame = false
    this.openedAt = this.pageTime()
    for (const name in this.videoListeners) video.addEventListener(name, this.videoListeners[name]!)
    this.dispatch({ type: 'open' })
    try {
      this.attachSource()
    } catch (error) {
      console.error('[player] cannot play this channel:', error)
      this.dispatch({ type: 'failed' })
      return Promise.reject(error)
    }
    this.watchFirstFrame(video)
    this.startPlayback()
    return Promise.resolve()
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
      levelHeight: level ? level.height : video && video.videoHeight ? video.videoHeight : null,
      bitrate: level ? level.bitrate : null,
      latency: isFinite(latency) && latency > 0 ? latency : null,
    }
  }

  destroy(): void {
    this.detach()
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
    hls.on(Hls.Events.ERROR, (_event, data) => this.onHlsError(data))
    return hls
  }

  private hlsSupported(): boolean {
    return (this.options.isHlsSupported ?? (() => Hls.isSupported()))()
  }

  private startPlayback(): void {
    const video = this.video!
    const attempt = video.play()
    if (!attempt || typeof attempt.catch !== 'function') return
    attempt.catch((error: { name?: string }) => {
      if (error && error.name === 'NotAllowedError' && this.video === video && !video.muted) {
        // Autoplay with sound refused: play muted and ask for OK (the gesture that allows sound).
        video.muted = true
        this.setSoundBlocked(true)
        void video.play().catch(() => undefined)
      }
    })
  }

  private watchFirstFrame(video: HTMLVideoElement): void {
    const record = () => {
      if (this.video !== video || this.sawFirstFrame) return
      this.sawFirstFrame = true
      const now = this.pageTime()
      if (this.timeToFirstFrameMs === null) this.timeToFirstFrameMs = now
      this.events.emit('firstFrame', { msSincePageStart: now, msSinceOpen: now - this.openedAt })
      this.onFrames()
    }
    const withFrameCallback = video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number }
    if (typeof withFrameCallback.requestVideoFrameCallback === 'function') {
      withFrameCallback.requestVideoFrameCallback(record)
    } else {
      const onTime = () => {
        if (video.currentTime > 0) {
          video.removeEventListener('timeupdate', onTime)
          record()
        }
      }
      video.addEventListener('timeupdate', onTime)
    }
  }

  private onFrames(): void {
    if (!this.sawFirstFrame) return
    this.dispatch({ type: 'frames' })
    this.clearTimer('healthyTimer')
    this.healthyTimer = this.options.clock.setTimeout(() => {
      this.healthyTimer = null
      if (this.state === 'playing') this.history = emptyRecoveryHistory()
    }, HEALTHY_AFTER_MS)
  }

  private onHlsError(data: ErrorData): void {
    if (!data.fatal) return
    const kind: FatalErrorKind =
      data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'network' : data.type === Hls.ErrorTypes.MEDIA_ERROR ? 'media' : 'other'
    this.recover(kind, data.details)
  }

  private onNativeError(): void {
    if (this.engineInUse === 'native') this.recover('other', 'nativeVideoError')
  }

  private recover(kind: FatalErrorKind, details: string): void {
    const now = this.options.clock.now()
    const action = recoveryAction(kind, this.history, now)
    this.history = recordRecovery(this.history, kind, action, now)
    this.events.emit('fatalError', { kind, details, action: action.type })
    this.dispatch({ type: 'recovering' })
    this.clearTimer('retryTimer')
    const hls = this.hls
    switch (action.type) {
      case 'recoverMediaError':
        hls?.recoverMediaError()
        return
      case 'swapAudioCodecAndRecover':
        hls?.swapAudioCodec()
        hls?.recoverMediaError()
        return
      case 'restartLoad':
        this.retryTimer = this.options.clock.setTimeout(() => {
          this.retryTimer = null
          // Before the first manifest there are no levels to resume: load the source again.
          if (this.hls && this.hls.levels.length > 0) this.hls.startLoad(-1)
          else this.rebuild()
        }, action.delayMs)
        return
      case 'reload':
        this.retryTimer = this.options.clock.setTimeout(() => {
          this.retryTimer = null
          this.rebuild()
        }, action.delayMs)
        return
    }
  }

  /** A full reload on the same <video>: a new hls.js instance (or a fresh native load) at the live edge. */
  private rebuild(): void {
    if (!this.video || !this.url) return
    this.destroyHls()
    this.sawFirstFrame = false
    this.dispatch({ type: 'open' })
    this.attachSource()
    this.watchFirstFrame(this.video)
    this.startPlayback()
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
