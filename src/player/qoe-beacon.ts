/**
 * Sends QoE figures to an optional beacon URL: batched (one report per interval, and on page
 * hide), never blocking playback: `navigator.sendBeacon` where it exists, else a fire-and-forget
 * fetch with keepalive. A failed send is dropped, never retried in a loop.
 */
import type { Clock, TimerId } from '../lib/clock'
import type { QoeFigures } from './qoe-stats'

export interface BeaconTransport {
  send(url: string, body: string): void
}

export function browserBeaconTransport(): BeaconTransport {
  return {
    send(url, body) {
      try {
        if (typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body)) return
        if (typeof fetch === 'function') void fetch(url, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(() => undefined)
      } catch {
        // A beacon must never disturb the app.
      }
    },
  }
}

export interface QoeReportContext {
  appId: string
  version: string
  sessionId: string
  channelId: () => string | null
}

export class QoeBeacon {
  private timer: TimerId | null = null
  private sent = 0

  constructor(
    private readonly url: string,
    private readonly intervalMs: number,
    private readonly clock: Clock,
    private readonly transport: BeaconTransport,
    private readonly context: QoeReportContext,
    private readonly figures: () => QoeFigures,
  ) {}

  start(): void {
    this.stop()
    const tick = () => {
      this.timer = this.clock.setTimeout(tick, this.intervalMs)
      this.flush()
    }
    this.timer = this.clock.setTimeout(tick, this.intervalMs)
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  /** Sends one report now (also called when the page is hidden). */
  flush(): void {
    const report = {
      app: this.context.appId,
      version: this.context.version,
      session: this.context.sessionId,
      sequence: this.sent++,
      at: new Date(this.clock.now()).toISOString(),
      channel: this.context.channelId(),
      ...this.figures(),
    }
    this.transport.send(this.url, JSON.stringify(report))
  }
}
