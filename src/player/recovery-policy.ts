/**
 * What to do after a fatal hls.js error: a pure policy following hls.js's documented error contract.
 * - network: hls.js's own retries are spent, so restart loading only after a backed-off delay
 *   (RECOVERY_BACKOFF, recovery-tunables.ts); a live channel never gives up on the network.
 * - media: recoverMediaError(), then swapAudioCodec() + recover, then a full reload after a
 *   delay backed off to at most 8 s (MEDIA_RELOAD_BACKOFF).
 * - anything else (mux, key system, internal, a frozen picture): a full reload after that delay.
 */
import { backoffDelay } from '../lib/backoff'
import { MEDIA_LADDER_RESET_MS, MEDIA_RELOAD_BACKOFF, RECOVERY_BACKOFF } from './recovery-tunables'

export type FatalErrorKind = 'network' | 'media' | 'other'

export type RecoveryAction =
  | { type: 'restartLoad'; delayMs: number }
  | { type: 'recoverMediaError' }
  | { type: 'swapAudioCodecAndRecover' }
  | { type: 'reload'; delayMs: number }

export interface RecoveryHistory {
  /** Fatal errors of each kind since playback was last healthy. */
  network: number
  media: number
  other: number
  /** When recoverMediaError last ran (ms). */
  lastMediaRecoveryAt: number | null
}

export function emptyRecoveryHistory(): RecoveryHistory {
  return { network: 0, media: 0, other: 0, lastMediaRecoveryAt: null }
}

export function recoveryAction(kind: FatalErrorKind, history: RecoveryHistory, now: number): RecoveryAction {
  if (kind === 'network') return { type: 'restartLoad', delayMs: backoffDelay(RECOVERY_BACKOFF, history.network) }
  if (kind === 'media') {
    // A media error long after the last recovery is a new problem: start the ladder again.
    const attempt =
      history.lastMediaRecoveryAt !== null && now - history.lastMediaRecoveryAt > MEDIA_LADDER_RESET_MS ? 0 : history.media
    if (attempt === 0) return { type: 'recoverMediaError' }
    if (attempt === 1) return { type: 'swapAudioCodecAndRecover' }
    return { type: 'reload', delayMs: backoffDelay(MEDIA_RELOAD_BACKOFF, attempt - 2) }
  }
  return { type: 'reload', delayMs: backoffDelay(MEDIA_RELOAD_BACKOFF, history.other) }
}

/** The history after taking `action` for an error of `kind` at `now`. */
export function recordRecovery(history: RecoveryHistory, kind: FatalErrorKind, action: RecoveryAction, now: number): RecoveryHistory {
  const next = { ...history, [kind]: history[kind] + 1 }
  if (kind === 'media' && action.type === 'recoverMediaError') next.media = 1
  if (action.type === 'recoverMediaError' || action.type === 'swapAudioCodecAndRecover') next.lastMediaRecoveryAt = now
  return next
}
