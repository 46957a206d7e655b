/**
 * Retry delays: exponential with a cap, with optional jitter. A pure policy; callers own timers.
 * Used by the feed poller (failed fetches) and the player (fatal network errors).
 */
export interface BackoffPolicy {
  /** First delay, ms. */
  initialMs: number
  /** Largest delay, ms. */
  maxMs: number
  /** Multiplier per failed attempt (default 2). */
  factor?: number
  /** 0..1: the delay is spread by ±jitter×delay (default 0). */
  jitter?: number
}

/** Delay before retry number `attempt` (0 = first retry). `random` in [0,1) is injectable for tests. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const factor = policy.factor ?? 2
  const base = Math.min(policy.maxMs, policy.initialMs * Math.pow(factor, Math.max(0, attempt)))
  const jitter = policy.jitter ?? 0
  if (jitter <= 0) return base
  const spread = base * jitter * (random() * 2 - 1)
  return Math.max(0, Math.min(policy.maxMs, Math.round(base + spread)))
}
