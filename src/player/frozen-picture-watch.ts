/**
 * Notices a picture that has stopped moving while it should be playing: the live window stopped
 * sliding, the decoder wedged, or a buffer hole hls.js can't nudge past. "Frozen" means
 * currentTime has not advanced for more than two target durations while not paused.
 */
import type { Clock, TimerId } from '../lib/clock'

export interface PictureSample {
  currentTime: number
  paused: boolean
  /** Whether the channel thinks it should be moving (playing or stalled). */
  shouldMove: boolean
}

const TICK_MS = 1000

export class FrozenPictureWatch {
  private timer: TimerId | null = null
  private lastTime = -1
  private stillSince: number | null = null

  constructor(
    private readonly clock: Clock,
    private readonly sample: () => PictureSample,
    /** Seconds the picture may stand still (two target durations). */
    private readonly limitSeconds: () => number,
    private readonly onFrozen: () => void,
  ) {}

  start(): void {
    this.stop()
    this.lastTime = -1
    this.stillSince = null
    const tick = () => {
      this.timer = this.clock.setTimeout(tick, TICK_MS)
      this.check()
    }
    this.timer = this.clock.setTimeout(tick, TICK_MS)
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private check(): void {
    const { currentTime, paused, shouldMove } = this.sample()
    const now = this.clock.now()
    if (paused || !shouldMove || currentTime !== this.lastTime) {
      this.lastTime = currentTime
      this.stillSince = paused || !shouldMove ? null : now
      return
    }
    if (this.stillSince === null) this.stillSince = now
    if (now - this.stillSince > this.limitSeconds() * 1000) {
      this.stillSince = null
      this.onFrozen()
    }
  }
}
