import { describe, it, expect } from 'vitest'
import { emptyRecoveryHistory, recordRecovery, recoveryAction, type FatalErrorKind, type RecoveryHistory } from '../../src/player/recovery-policy'

/** The delays of `count` fatal errors of `kind` in a row, with no healthy playback between them. */
function delays(kind: FatalErrorKind, count: number): Array<string | number> {
  let history: RecoveryHistory = emptyRecoveryHistory()
  const out: Array<string | number> = []
  for (let i = 0; i < count; i++) {
    const now = 1000 * i
    const action = recoveryAction(kind, history, now)
    out.push('delayMs' in action ? action.delayMs : action.type)
    history = recordRecovery(history, kind, action, now)
  }
  return out
}

describe('recoveryAction', () => {
  it('backs network restarts off from 1 s to 30 s (the reachability probe cuts them short)', () => {
    expect(delays('network', 7)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000])
  })

  it('climbs the media ladder, then reloads at most 8 s apart: corrupt data heals without a probe to say so', () => {
    expect(delays('media', 8)).toEqual(['recoverMediaError', 'swapAudioCodecAndRecover', 1000, 2000, 4000, 8000, 8000, 8000])
  })

  it('reloads a frozen picture at most 8 s apart', () => {
    expect(delays('other', 6)).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
  })

  it('starts the media ladder over for an error long after the last recovery', () => {
    let history = emptyRecoveryHistory()
    for (const now of [0, 1000]) history = recordRecovery(history, 'media', recoveryAction('media', history, now), now)
    expect(recoveryAction('media', history, 2000).type).toBe('reload')
    expect(recoveryAction('media', history, 1000 + 61_000).type).toBe('recoverMediaError')
  })
})
