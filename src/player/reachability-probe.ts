/**
 * While the channel is down, asks cheaply and often whether its playlist answers again, so
 * playback restarts within a second or two of the fault clearing instead of waiting out a long
 * backoff. A probe is one small GET with a timeout; it never touches the player.
 */
import type { Clock, TimerId } from '../lib/clock'
import { PROBE_INTERVAL_MS as INTERVAL_MS, PROBE_TIMEOUT_MS as TIMEOUT_MS } from './recovery-tunables'

export type ProbeFetch = (url: string, init: { signal?: AbortSignal; cache?: RequestCache }) => Promise<{ ok: boolean }>

export class ReachabilityProbe {
  private timer: TimerId | null = null
  private running = false

  constructor(
    private readonly clock: Clock,
    private readonly fetchFn: ProbeFetch | null,
  ) {}

  /** Calls `onReachable` once, the first time `url` answers 2xx; stops by itself then. */
  start(url: string, onReachable: () => void): void {
    this.stop()
    if (!this.fetchFn) return
    this.running = true
    const fetchFn = this.fetchFn
    const attempt = () => {
      this.timer = null
      const controller = typeof AbortController === 'function' ? new AbortController() : null
      const timeout = this.clock.setTimeout(() => controller && controller.abort(), TIMEOUT_MS)
      fetchFn(url, { signal: controller ? controller.signal : undefined, cache: 'no-store' })
        .then((response) => response.ok)
        .catch(() => false)
        .then((ok) => {
          this.clock.clearTimeout(timeout)
          if (!this.running) return
          if (ok) {
            this.stop()
            onReachable()
          } else this.timer = this.clock.setTimeout(attempt, INTERVAL_MS)
        })
    }
    this.timer = this.clock.setTimeout(attempt, INTERVAL_MS)
  }

  stop(): void {
    this.running = false
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
