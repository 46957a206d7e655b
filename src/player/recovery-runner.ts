/**
 * Runs the live channel's recovery: takes the recovery policy's step after a fatal error (and its
 * backed-off timer), escalates when the picture stays frozen, cuts a long backoff short once the
 * server answers again (reachability probe) or the network is back (online), suspends while the
 * page is hidden and reloads at the live edge when it is shown again, and forgets the ladder once
 * playback has been healthy for a while. Its numbers are in recovery-tunables.ts.
 *
 * It drives the channel only through RecoveryHost (LiveChannel implements it), so the channel
 * keeps the state machine and the element, and this keeps the timers.
 */
import type { Clock, TimerId } from '../lib/clock'
import type { PlaybackEvent, PlaybackState } from './playback-state'
import type { HlsEngine } from './hls-engine'
import { FrozenPictureWatch } from './frozen-picture-watch'
import { ReachabilityProbe, type ProbeFetch } from './reachability-probe'
import { defaultEnvironment, type PageEnvironment } from './page-environment'
import { currentLevelDetails } from './playback-figures'
import { emptyRecoveryHistory, recordRecovery, recoveryAction, type FatalErrorKind, type RecoveryAction } from './recovery-policy'
import {
  DEFAULT_TARGET_DURATION_SECONDS,
  FROZEN_TARGET_DURATIONS,
  HEALTHY_AFTER_MS,
  PROBE_WHEN_BACKOFF_OVER_MS,
  RECOVERY_MIN_SECONDS,
  RECOVERY_TARGET_DURATIONS,
} from './recovery-tunables'

/** What the runner reads from and asks of the channel. */
export interface RecoveryHost {
  readonly state: PlaybackState
  /** The hls.js instance playing (null on the native path or when none is attached). */
  readonly hlsEngine: HlsEngine | null
  readonly video: HTMLVideoElement | null
  readonly url: string | null
  /** The viewer paused (the Pause key), as opposed to an element left paused by a load or a failed play(). */
  readonly pausedByViewer: boolean
  dispatch(event: PlaybackEvent): void
  /** A full reload on the same <video>: a new hls.js instance (or a fresh native load) at the live edge. */
  rebuild(): void
  /** After a step re-attached the element: play again unless the viewer paused. */
  resumeAfterRecovery(): void
  /** The picture moves again after a stall or a recovery step that worked. */
  framesResumed(): void
  /** A recovery step starts for a fatal error (before the state turns 'recovering'). */
  recoveryStarted(kind: FatalErrorKind, details: string, action: RecoveryAction): void
}

export interface RecoveryRunnerOptions {
  /** For the reachability probe while the channel is down (default: the page's fetch; null = none). */
  probeFetch?: ProbeFetch | null
  /** The window and document whose online/offline and visibility events matter (default: the page's; null = none). */
  environment?: PageEnvironment | null
}

export class RecoveryRunner {
  private history = emptyRecoveryHistory()
  private retryTimer: TimerId | null = null
  private healthyTimer: TimerId | null = null
  private readonly frozenWatch: FrozenPictureWatch
  private readonly probe: ReachabilityProbe
  private readonly environment: PageEnvironment | null
  private readonly pageListeners: Record<'online' | 'offline' | 'visibilitychange', () => void> = {
    online: () => this.onOnline(),
    offline: () => this.host.dispatch({ type: 'recovering' }),
    visibilitychange: () => this.onVisibilityChange(),
  }

  constructor(
    private readonly clock: Clock,
    private readonly host: RecoveryHost,
    options: RecoveryRunnerOptions = {},
  ) {
    this.frozenWatch = new FrozenPictureWatch(
      clock,
      () => ({
        currentTime: host.video ? host.video.currentTime : 0,
        paused: !host.video || (host.video.paused && !this.pausedByMistake()),
        shouldMove: this.shouldMove(),
      }),
      {
        // Playing: a couple of target durations. A recovery step gets longer to bring the picture back.
        limitSeconds: () =>
          host.state === 'recovering'
            ? Math.max(RECOVERY_TARGET_DURATIONS * this.targetDuration(), RECOVERY_MIN_SECONDS)
            : FROZEN_TARGET_DURATIONS * this.targetDuration(),
        onFrozen: () => this.recover('other', host.state === 'recovering' ? 'noPictureAfterRecovery' : 'frozenPicture'),
        onMoving: () => this.onPictureMoving(),
      },
    )
    const defaultFetch = typeof fetch === 'function' ? (url: string, init: RequestInit) => fetch(url, init) : null
    this.probe = new ReachabilityProbe(clock, options.probeFetch === undefined ? defaultFetch : options.probeFetch)
    this.environment = options.environment === undefined ? defaultEnvironment() : options.environment
    if (this.environment) {
      for (const name of ['online', 'offline', 'visibilitychange'] as const) this.environment.addEventListener(name, this.pageListeners[name])
    }
  }

  /** A new channel: the ladder starts at its first step. */
  reset(): void {
    this.history = emptyRecoveryHistory()
  }

  /** The source was (re)opened: watch the picture. */
  watch(): void {
    this.frozenWatch.start()
  }

  /** Before a full reload: the probe has done its work. */
  stopProbe(): void {
    this.probe.stop()
  }

  /** Nothing more to try (a format the engine cannot decode): no retry, probe or watch left running. */
  halt(): void {
    this.clearTimer('retryTimer')
    this.probe.stop()
    this.frozenWatch.stop()
  }

  /** The channel is closed or replaced: every timer stops. */
  stop(): void {
    this.halt()
    this.clearTimer('healthyTimer')
  }

  destroy(): void {
    this.stop()
    if (this.environment) {
      for (const name of ['online', 'offline', 'visibilitychange'] as const) this.environment.removeEventListener(name, this.pageListeners[name])
    }
  }

  /** Frames are presented: once they keep coming for HEALTHY_AFTER_MS, the ladder starts over. */
  framesPresented(): void {
    this.clearTimer('healthyTimer')
    this.healthyTimer = this.clock.setTimeout(() => {
      this.healthyTimer = null
      if (this.host.state === 'playing') this.history = emptyRecoveryHistory()
    }, HEALTHY_AFTER_MS)
  }

  /** Takes the policy's next step for a fatal error of `kind`; returns it (its delay, for the banner). */
  recover(kind: FatalErrorKind, details: string): RecoveryAction {
    const host = this.host
    const now = this.clock.now()
    const action = recoveryAction(kind, this.history, now)
    this.history = recordRecovery(this.history, kind, action, now)
    host.recoveryStarted(kind, details, action)
    host.dispatch({ type: 'recovering' })
    this.clearTimer('retryTimer')
    switch (action.type) {
      // hls.js can go quiet after these (no error, no frame): the picture watch then escalates.
      case 'recoverMediaError':
        host.hlsEngine?.recoverMediaError()
        host.resumeAfterRecovery()
        return action
      case 'swapAudioCodecAndRecover':
        host.hlsEngine?.swapAudioCodec()
        host.hlsEngine?.recoverMediaError()
        host.resumeAfterRecovery()
        return action
      case 'restartLoad': {
        const restart = () => {
          this.clearTimer('retryTimer')
          this.probe.stop()
          // Before the first manifest there are no levels to resume: load the source again.
          const hls = host.hlsEngine
          if (hls && hls.levels.length > 0) hls.startLoad(-1)
          else host.rebuild()
        }
        this.retryTimer = this.clock.setTimeout(restart, action.delayMs)
        // Don't sit out a long backoff once the server answers again.
        if (host.url && action.delayMs > PROBE_WHEN_BACKOFF_OVER_MS) this.probe.start(host.url, restart)
        return action
      }
      case 'reload':
        this.retryTimer = this.clock.setTimeout(() => {
          this.retryTimer = null
          host.rebuild()
        }, action.delayMs)
        return action
    }
    return action
  }

  /** Whether a still picture now means something is wrong (not while a backed-off retry waits). */
  private shouldMove(): boolean {
    const state = this.host.state
    if (state === 'playing' || state === 'stalled') return true
    return state === 'recovering' && this.retryTimer === null
  }

  /**
   * The element is paused while the channel recovers or stalls and the viewer did not pause it (a
   * reload's play() cut short by the next load): that is a still picture like any other, so the
   * picture watch escalates instead of waiting on it for good.
   */
  private pausedByMistake(): boolean {
    const state = this.host.state
    return (state === 'recovering' || state === 'stalled') && !this.host.pausedByViewer
  }

  /** The picture advanced: after a stall or a recovery step that worked, that is playing again. */
  private onPictureMoving(): void {
    const state = this.host.state
    if ((state === 'stalled' || state === 'recovering') && this.retryTimer === null) this.host.framesResumed()
  }

  private onOnline(): void {
    // The network is back: don't wait for the backoff timer.
    const host = this.host
    if (host.video && host.url && host.state !== 'playing') {
      this.clearTimer('retryTimer')
      host.rebuild()
    }
  }

  private onVisibilityChange(): void {
    const host = this.host
    const video = host.video
    if (!video || !host.url || !this.environment) return
    if (this.environment.hidden) {
      // Suspended (TV app in the background, page hidden): stop loading, keep nothing running.
      this.halt()
      if (host.hlsEngine) host.hlsEngine.stopLoad()
      video.pause()
    } else {
      // Back in front: a live channel resumes at the live edge, not where it was left.
      host.rebuild()
    }
  }

  private targetDuration(): number {
    const details = currentLevelDetails(this.host.hlsEngine)
    return details && details.targetduration ? details.targetduration : DEFAULT_TARGET_DURATION_SECONDS
  }

  private clearTimer(name: 'retryTimer' | 'healthyTimer'): void {
    const id = this[name]
    if (id !== null) this.clock.clearTimeout(id)
    this[name] = null
  }
}
