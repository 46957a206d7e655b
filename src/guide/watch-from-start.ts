/**
 * "Watch from start": can a programme be played from its beginning. Only the tuned channel's DVR
 * window is known (its live playlist: the program date-times of the segments it still lists,
 * LiveChannel.dvrWindow, src/player/dvr-window.ts); another channel's is not until it is tuned, so
 * only the tuned channel's programmes ever offer it. Native HLS gives no program date-times, so
 * there it is never offered.
 */
import type { DvrWindow } from '../player/dvr-window'

/** Within this of the window's start a programme is not offered: the window slides on while the viewer decides. */
export const WINDOW_START_MARGIN_MS = 10_000

export interface FromStartQuestion {
  /** The programme's channel and its span. */
  channelId: string
  start: number
  /** The tuned channel: the only one whose window is known. */
  tunedChannelId: string
  /** The tuned channel's window now; null: unknown (native HLS, not loaded yet). */
  window: DvrWindow | null
  now: number
}

/**
 * A programme that has started (on air or over) on the tuned channel, whose start is still in its
 * DVR window with a margin to spare.
 */
export function canWatchFromStart({ channelId, start, tunedChannelId, window, now }: FromStartQuestion): boolean {
  if (channelId !== tunedChannelId || !window || start > now) return false
  return start >= window.start + WINDOW_START_MARGIN_MS && start < window.end
}
