/**
 * The kiosk's last line of defence: the player heals itself (player/recovery-policy), and when
 * it cannot — the picture has not played for minutes, or fatal errors keep coming — the whole
 * app is reloaded, as signage players' own watchdogs do (docs/platforms.md). Nobody is there to press
 * a key. The decision is a pure policy; the class keeps the facts and checks them on the Clock.
 */
import type { Clock, TimerId } from '../lib/clock'
import type { PlaybackState } from '../player/playback-state'

export interface WatchdogLimits {
  /** Not `playing` this long, continuously → reload. */
  unhealthyMs: number
  /** More fatal errors than this within the last hour → reload. */
  maxErrorsPerHour: number
  /** Local hour of the daily reload, or null. */
  dailyReloadHour: number | null
}

export interface WatchdogFacts {
  now: number
  state: PlaybackState | 'unknown'
  /** Since when playback has not been `playing`; null while it plays. */
  unhealthySince: number | null
  errorTimes: readonly number[]
  /** When the daily reload falls due; null when there is none. */
  dailyReloadAt: number | null
  /** The last reload, or when the watchdog started (a page start usually follows a reload). */
  lastReloadAt: number
}

export interface ReloadReason {
  kind: 'unhealthy' | 'errors' | 'daily'
  /** For the log. */
  message: string
}

const HOUR_MS = 3_600_000
/** Never two reloads closer than this: a reload loop would keep the picture off for good. */
export const MIN_RELOAD_GAP_MS = 5 * 60_000
const CHECK_EVERY_MS = 10_000

/** Whether to reload the app now, and why; null to leave it running. */
export function reloadDecision(facts: WatchdogFacts, limits: WatchdogLimits): ReloadReason | null {
  const { now } = facts
  if (now - facts.lastReloadAt < MIN_RELOAD_GAP_MS) return null
  if (facts.unhealthySince !== null && now - facts.unhealthySince >= limits.unhealthyMs) {
    const minutes = Math.round((now - facts.unhealthySince) / 6000) / 10
    return { kind: 'unhealthy', message: `playback not playing for ${minutes} min (${facts.state})` }
  }
  const recentErrors = errorsInLastHour(facts.errorTimes, now).length
  if (recentErrors > limits.maxErrorsPerHour) {
    return { kind: 'errors', message: `${recentErrors} fatal playback errors in the last hour (limit ${limits.maxErrorsPerHour})` }
  }
  if (facts.dailyReloadAt !== null && now >= facts.dailyReloadAt) {
    return { kind: 'daily', message: `daily reload at ${String(limits.dailyReloadHour).padStart(2, '0')}:00` }
  }
  return null
}

function errorsInLastHour(times: readonly number[], now: number): number[] {
  return times.filter((t) => now - t < HOUR_MS)
}

/**
 * The next local `hour`:00 strictly after `now`. Strictly after, so a page started by the daily
 * reload itself (a few seconds past the hour) waits for tomorrow.
 */
export function nextDailyReload(now: number, hour: number): number {
  const at = new Date(now)
  at.setHours(hour, 0, 0, 0)
  if (at.getTime() <= now) {
    at.setDate(at.getDate() + 1)
    at.setHours(hour, 0, 0, 0)
  }
  return at.getTime()
}

/** Resolves true if `request` answers with `ok` within `timeoutMs`; never rejects. */
export function reachableWithin(request: () => Promise<{ ok: boolean }>, clock: Clock, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => resolve(false), timeoutMs)
    request().then(
      (response) => {
        clock.clearTimeout(timer)
        resolve(response.ok)
      },
      () => {
        clock.clearTimeout(timer)
        resolve(false)
      },
    )
  })
}

export interface KioskWatchdogOptions {
  clock: Clock
  limits: WatchdogLimits
  reloadApp: () => void
  /**
   * Asked before each reload: reloading while the app's own server is unreachable would swap a
   * recovering player for the browser's error page, which nothing reloads again.
   */
  appReachable?: () => Promise<boolean>
  log: (message: string) => void
}

export class KioskWatchdog {
  /** Why the app was last reloaded (or wanted to be), for the log and QA. */
  lastReason: ReloadReason | null = null
  private state: PlaybackState | 'unknown' = 'unknown'
  private unhealthySince: number | null
  private errorTimes: number[] = []
  private dailyReloadAt: number | null
  private lastReloadAt: number
  private timer: TimerId | null = null
  private probing = false

  constructor(private readonly options: KioskWatchdogOptions) {
    const now = options.clock.now()
    // Until told otherwise playback counts as not playing: a player that never starts must trip it.
    this.unhealthySince = now
    this.lastReloadAt = now
    this.dailyReloadAt = this.nextDaily(now)
  }

  start(): void {
    if (this.timer === null) this.schedule()
  }

  stop(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer)
    this.timer = null
  }

  recordState(state: PlaybackState): void {
    this.state = state
    if (state === 'playing') this.unhealthySince = null
    else if (this.unhealthySince === null) this.unhealthySince = this.options.clock.now()
  }

  recordError(): void {
    const now = this.options.clock.now()
    this.errorTimes = errorsInLastHour(this.errorTimes, now)
    this.errorTimes.push(now)
  }

  private check(): void {
    if (this.probing) return
    const now = this.options.clock.now()
    const reason = reloadDecision(
      {
        now,
        state: this.state,
        unhealthySince: this.unhealthySince,
        errorTimes: this.errorTimes,
        dailyReloadAt: this.dailyReloadAt,
        lastReloadAt: this.lastReloadAt,
      },
      this.options.limits,
    )
    if (!reason) return
    this.lastReason = reason
    if (!this.options.appReachable) return this.reload(reason)
    this.probing = true
    void this.options.appReachable().then((reachable) => {
      this.probing = false
      if (this.timer === null) return // stopped while asking
      if (reachable) this.reload(reason)
      else this.options.log(`[kiosk] would reload (${reason.message}), but the app cannot be reached: trying again later`)
    })
  }

  private reload(reason: ReloadReason): void {
    const now = this.options.clock.now()
    this.options.log(`[kiosk] reloading the app: ${reason.message}`)
    // Where reloadApp does not end this page (tests, a soak), start counting afresh.
    this.lastReloadAt = now
    this.errorTimes = []
    if (this.unhealthySince !== null) this.unhealthySince = now
    this.dailyReloadAt = this.nextDaily(now)
    this.options.reloadApp()
  }

  private nextDaily(now: number): number | null {
    const hour = this.options.limits.dailyReloadHour
    return hour === null ? null : nextDailyReload(now, hour)
  }

  private schedule(): void {
    this.timer = this.options.clock.setTimeout(() => {
      this.schedule()
      this.check()
    }, CHECK_EVERY_MS)
  }
}
