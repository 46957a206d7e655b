/**
 * Quality-of-experience figures of the live channel: time to first frame, rebuffers (count and
 * time), bitrate switches, fatal errors, and the time watched, ad breaks counted apart. Fed by
 * LiveChannel's events and the ad-break watch; time is injected.
 */
import type { Clock } from '../lib/clock'
import type { PlaybackState } from './playback-state'

export interface QoeFigures {
  timeToFirstFrameMs: number | null
  rebufferCount: number
  rebufferMs: number
  bitrateSwitches: number
  fatalErrors: number
  /** The rendition bitrate now playing (bit/s), or null. */
  bitrate: number | null
  /** Seconds the picture played outside ad breaks (0.1 s steps). */
  watchedSeconds: number
  /** Seconds the picture played inside ad breaks (src/player/ad-break-watch.ts), not in watchedSeconds. */
  adSeconds: number
}

export class QoeStats {
  private figures: QoeFigures = {
    timeToFirstFrameMs: null,
    rebufferCount: 0,
    rebufferMs: 0,
    bitrateSwitches: 0,
    fatalErrors: 0,
    bitrate: null,
    watchedSeconds: 0,
    adSeconds: 0,
  }
  private stalledSince: number | null = null
  private hasPlayed = false
  private playingSince: number | null = null
  private inAdBreak = false
  private watchedMs = 0
  private adMs = 0

  constructor(private readonly clock: Clock) {}

  firstFrame(msSincePageStart: number): void {
    if (this.figures.timeToFirstFrameMs === null) this.figures.timeToFirstFrameMs = Math.round(msSincePageStart)
  }

  /** A rebuffer is time spent stalled or recovering after the picture had played. */
  state(state: PlaybackState): void {
    const now = this.clock.now()
    this.countPlaying(now)
    this.playingSince = state === 'playing' ? now : null
    const waiting = state === 'stalled' || state === 'recovering' || state === 'loading'
    if (state === 'playing') {
      this.hasPlayed = true
      if (this.stalledSince !== null) this.figures.rebufferMs += now - this.stalledSince
      this.stalledSince = null
    } else if (waiting && this.hasPlayed && this.stalledSince === null) {
      this.stalledSince = now
      this.figures.rebufferCount++
    }
  }

  bitrateChanged(bitrate: number): void {
    if (this.figures.bitrate !== null && this.figures.bitrate !== bitrate) this.figures.bitrateSwitches++
    this.figures.bitrate = bitrate
  }

  /** The playhead entered (true) or left (false) an ad break. */
  adBreak(inBreak: boolean): void {
    this.countPlaying(this.clock.now())
    this.inAdBreak = inBreak
  }

  /** Adds the playing time since the last change to the programme's or the ads' account. */
  private countPlaying(now: number): void {
    if (this.playingSince === null) return
    if (this.inAdBreak) this.adMs += now - this.playingSince
    else this.watchedMs += now - this.playingSince
    this.playingSince = now
  }

  fatalError(): void {
    this.figures.fatalErrors++
  }

  /** The figures so far (an ongoing rebuffer counted up to now). */
  snapshot(): QoeFigures {
    const now = this.clock.now()
    this.countPlaying(now)
    const ongoing = this.stalledSince !== null ? now - this.stalledSince : 0
    const seconds = (ms: number) => Math.round(ms / 100) / 10
    return { ...this.figures, rebufferMs: this.figures.rebufferMs + ongoing, watchedSeconds: seconds(this.watchedMs), adSeconds: seconds(this.adMs) }
  }
}
