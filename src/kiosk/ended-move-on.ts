/**
 * Kiosk mode: a channel whose broadcast has ended (EXT-X-ENDLIST: a live event over, a VOD played
 * out) is left for the next channel by itself, after a few seconds of "This broadcast has ended"
 * on screen. Any other state before then (a channel change, a replay) cancels the move.
 */
import type { Clock, TimerId } from '../lib/clock'
import type { PlaybackState } from '../player/playback-state'

/** How long "This broadcast has ended" shows before the kiosk moves on. */
export const MOVE_ON_AFTER_MS = 5000

/** Whether a kiosk in this playback state should move on to the next channel. */
export function shouldMoveOn(state: PlaybackState): boolean {
  return state === 'ended'
}

export class EndedMoveOn {
  private timer: TimerId | null = null

  constructor(
    private readonly clock: Clock,
    private readonly moveOn: () => void,
    private readonly afterMs = MOVE_ON_AFTER_MS,
  ) {}

  recordState(state: PlaybackState): void {
    if (!shouldMoveOn(state)) {
      this.stop()
      return
    }
    if (this.timer !== null) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      this.moveOn()
    }, this.afterMs)
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
