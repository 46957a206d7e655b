/**
 * Quality-of-experience figures of the live channel: time to first frame, rebuffers (count and
 * time), bitrate switches and fatal errors. Fed by LiveChannel's events; time is injected.
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
}

export class QoeStats {
  private figures: QoeFigures = {
    timeToFirstFrameMs: null,
    rebufferCount: 0,
    rebufferMs: 0,
    bitrateSwitches: 0,
    fatalErrors: 0,
    bitrate: null,
  }
  private stalledSince: number | null = null
  private hasPlayed = false

  constructor(private readonly clock: Clock) {}

  firstFrame(msSincePageStart: number): void {
    if (this.figures.timeToFirstFrameMs === null) this.figures.timeToFirstFrameMs = Math.round(msSincePageStart)
  }

  /** A rebuffer is time spent stalled or recovering after the picture had played. */
  state(state: PlaybackState): void {
    const now = this.clock.now()
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

  fatalError(): void {
    this.figures.fatalErrors++
  }

  /** The figures so far (an ongoing rebuffer counted up to now). */
  snapshot(): QoeFigures {
    const ongoing = this.stalledSince !== null ? this.clock.now() - this.stalledSince : 0
    return { ...this.figures, rebufferMs: this.figures.rebufferMs + ongoing }
  }
}
