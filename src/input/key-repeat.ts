/**
 * Held keys. A TV remote repeats a held key 10–30 times a second; passing every repeat on makes
 * focus race past the item the viewer wanted and queues work a slow TV cannot finish. The policy
 * passes a repeat at most every 150 ms, every 60 ms once the key has been held about a second,
 * and after a few seconds reports a larger `step` so long lists can jump several items at once.
 *
 * Some TV browsers never set `KeyboardEvent.repeat`, so until the browser has shown that it does,
 * a second keydown of the same key without a keyup in between counts as a repeat too.
 */
import type { Clock } from '../lib/clock'

export interface RepeatPolicy {
  /** Least time between two passed repeats while the hold is young, ms. */
  slowIntervalMs: number
  /** Least time between two passed repeats once the hold is old, ms. */
  fastIntervalMs: number
  /** How long a key must be held before repeats speed up, ms. */
  fastAfterMs: number
  /** How long a key must be held before `step` grows beyond 1, ms. */
  stepAfterMs: number
  /** Each further this-many ms held adds 1 to `step`, ms. */
  stepEveryMs: number
  maxStep: number
}

export const DEFAULT_REPEAT_POLICY: RepeatPolicy = {
  slowIntervalMs: 150,
  fastIntervalMs: 60,
  fastAfterMs: 1000,
  stepAfterMs: 3000,
  stepEveryMs: 1000,
  maxStep: 5,
}

export interface RepeatDecision {
  /** Whether to hand the key to the app. */
  pass: boolean
  /** How many items a list should move for this key: 1, growing to `maxStep` on a long hold. */
  step: number
}

/** How far a list should move per passed key after the key has been held `heldMs`. */
export function stepForHold(heldMs: number, policy: RepeatPolicy = DEFAULT_REPEAT_POLICY): number {
  if (heldMs < policy.stepAfterMs) return 1
  const extra = 1 + Math.floor((heldMs - policy.stepAfterMs) / policy.stepEveryMs)
  return Math.min(policy.maxStep, 1 + extra)
}

/** Whether a repeat, `heldMs` into a hold and `sinceLastPassMs` after the last passed one, goes on. */
export function repeatDecision(
  heldMs: number,
  sinceLastPassMs: number,
  policy: RepeatPolicy = DEFAULT_REPEAT_POLICY,
): RepeatDecision {
  const interval = heldMs < policy.fastAfterMs ? policy.slowIntervalMs : policy.fastIntervalMs
  return { pass: sinceLastPassMs >= interval, step: stepForHold(heldMs, policy) }
}

export type KeyId = number | string

interface Hold {
  key: KeyId
  startedAt: number
  lastPassAt: number
}

/** Applies the policy to a stream of keydown / keyup events, timed by the injected clock. */
export class KeyRepeatThrottle {
  private hold: Hold | null = null
  private browserFlagsRepeats = false

  constructor(
    private readonly clock: Clock,
    private readonly policy: RepeatPolicy = DEFAULT_REPEAT_POLICY,
  ) {}

  /** Call on every keydown; `repeat` is `KeyboardEvent.repeat` (false where the browser lacks it). */
  keydown(key: KeyId, repeat: boolean): RepeatDecision {
    const now = this.clock.now()
    if (repeat) this.browserFlagsRepeats = true
    const hold = this.hold
    // Trusting the flag once seen means a keyup lost with window focus cannot swallow a real press.
    const heldDown = hold !== null && hold.key === key && (repeat || !this.browserFlagsRepeats)
    if (!heldDown) {
      this.hold = { key, startedAt: now, lastPassAt: now }
      return { pass: true, step: 1 }
    }
    const decision = repeatDecision(now - hold.startedAt, now - hold.lastPassAt, this.policy)
    if (decision.pass) hold.lastPassAt = now
    return decision
  }

  /** Call on every keyup: the next keydown of that key is a fresh press. */
  keyup(key: KeyId): void {
    if (this.hold !== null && this.hold.key === key) this.hold = null
  }
}
