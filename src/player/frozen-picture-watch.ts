/**
 * Watches the picture once a second and says when it is moving or has stood still for too long.
 * - Frozen: currentTime has not advanced for longer than the limit while the channel expects it
 *   to move (the live window stopped sliding, the decoder wedged, a buffer hole hls.js can't nudge
 *   past, or a recovery step that never brought the picture back).
 * - Moving: currentTime advanced while not paused, so frames are being presented even when the
 *   element sent no `playing` event (e.g. hls.js restarted loading before the buffer ran dry).
 */
import type { Clock, TimerId } from '../lib/clock'
import { PICTURE_WATCH_TICK_MS as TICK_MS } from './recovery-tunables'

export interface PictureSample {
  currentTime: number
  paused: boolean
  /** Whether the channel thinks the picture should be moving now (counted towards "frozen"). */
  shouldMove: boolean
}

export interface PictureWatchHandlers {
  /** Seconds the picture may stand still while it should move. */
  limitSeconds: () => number
  onFrozen: () => void
  onMoving: () => void
}

export class FrozenPictureWatch {
  private timer: TimerId | null = null
  private lastTime = -1
  private stillSince: number | null = null

  constructor(
    private readonly clock: Clock,
    private readonly sample: () => PictureSample,
    private readonly handlers: PictureWatchHandlers,
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
    const moved = this.lastTime >= 0 && currentTime > this.lastTime
    if (paused || !shouldMove || currentTime !== this.lastTime) {
      this.lastTime = currentTime
      this.stillSince = paused || !shouldMove ? null : now
      if (moved && !paused) this.handlers.onMoving()
      return
    }
    if (this.stillSince === null) this.stillSince = now
    if (now - this.stillSince > this.handlers.limitSeconds() * 1000) {
      this.stillSince = null
      this.handlers.onFrozen()
    }
  }
}
