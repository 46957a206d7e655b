import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import {
  KioskWatchdog,
  reloadDecision,
  nextDailyReload,
  reachableWithin,
  MIN_RELOAD_GAP_MS,
  type WatchdogFacts,
  type WatchdogLimits,
} from '../../src/kiosk/kiosk-watchdog'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const LIMITS: WatchdogLimits = { unhealthyMs: 3 * MINUTE, maxErrorsPerHour: 20, dailyReloadHour: null }
/** Local midnight of an ordinary day (no DST change near it), whatever the test machine's zone. */
const DAY = new Date(2025, 2, 12).getTime()
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const facts = (f: Partial<WatchdogFacts>): WatchdogFacts => ({
  now: DAY + HOUR,
  state: 'playing',
  unhealthySince: null,
  errorTimes: [],
  dailyReloadAt: null,
  lastReloadAt: DAY,
  ...f,
})

describe('reloadDecision', () => {
  it('leaves a playing app alone', () => {
    expect(reloadDecision(facts({}), LIMITS)).toBeNull()
  })

  it('reloads once playback has not played for the limit, and says for how long and in what state', () => {
    const now = DAY + HOUR
    expect(reloadDecision(facts({ state: 'stalled', unhealthySince: now - 3 * MINUTE + 1 }), LIMITS)).toBeNull()
    expect(reloadDecision(facts({ state: 'stalled', unhealthySince: now - 3 * MINUTE }), LIMITS)).toEqual({
      kind: 'unhealthy',
      message: 'playback not playing for 3 min (stalled)',
    })
  })

  it('reloads on more errors than the limit within the last hour; older ones do not count', () => {
    const now = DAY + 2 * HOUR
    const twenty = Array.from({ length: 20 }, (_, i) => now - i * MINUTE)
    expect(reloadDecision(facts({ now, errorTimes: twenty }), LIMITS)).toBeNull()
    expect(reloadDecision(facts({ now, errorTimes: [...twenty, now - HOUR] }), LIMITS)).toBeNull()
    expect(reloadDecision(facts({ now, errorTimes: [...twenty, now - HOUR + 1] }), LIMITS)!.message).toBe(
      '21 fatal playback errors in the last hour (limit 20)',
    )
  })

  it('reloads when the daily reload falls due', () => {
    const at = DAY + 4 * HOUR
    const limits = { ...LIMITS, dailyReloadHour: 4 }
    expect(reloadDecision(facts({ now: at - 1, dailyReloadAt: at }), limits)).toBeNull()
    expect(reloadDecision(facts({ now: at, dailyReloadAt: at }), limits)).toEqual({ kind: 'daily', message: 'daily reload at 04:00' })
  })

  it('never reloads within a few minutes of the last reload (or of starting)', () => {
    const now = DAY + HOUR
    const bad = { state: 'failed' as const, unhealthySince: now - HOUR, now }
    expect(reloadDecision(facts({ ...bad, lastReloadAt: now - MIN_RELOAD_GAP_MS + 1 }), LIMITS)).toBeNull()
    expect(reloadDecision(facts({ ...bad, lastReloadAt: now - MIN_RELOAD_GAP_MS }), LIMITS)!.kind).toBe('unhealthy')
  })
})

describe('nextDailyReload', () => {
  it('is the next local hour:00 strictly after now', () => {
    expect(nextDailyReload(DAY + 3 * HOUR, 4)).toBe(DAY + 4 * HOUR)
    expect(nextDailyReload(DAY + 4 * HOUR, 4)).toBe(new Date(2025, 2, 13, 4).getTime())
    // A page started by the daily reload itself, seconds past the hour, waits for tomorrow.
    expect(nextDailyReload(DAY + 4 * HOUR + 5 * SECOND, 4)).toBe(new Date(2025, 2, 13, 4).getTime())
    expect(nextDailyReload(DAY + 23 * HOUR, 0)).toBe(new Date(2025, 2, 13, 0).getTime())
  })
})

describe('reachableWithin', () => {
  it('is true for an ok answer, false for an error status, a failure or no answer in time', async () => {
    const clock = new ManualClock()
    expect(await reachableWithin(() => Promise.resolve({ ok: true }), clock, 5000)).toBe(true)
    expect(await reachableWithin(() => Promise.resolve({ ok: false }), clock, 5000)).toBe(false)
    expect(await reachableWithin(() => Promise.reject(new TypeError('Failed to fetch')), clock, 5000)).toBe(false)
    const hanging = reachableWithin(() => new Promise(() => undefined), clock, 5000)
    clock.advance(5000)
    expect(await hanging).toBe(false)
    expect(clock.pendingTimers()).toBe(0)
  })
})

describe('KioskWatchdog', () => {
  function watchdog(limits: Partial<WatchdogLimits> = {}, appReachable?: () => Promise<boolean>, start = DAY + 10 * HOUR) {
    const clock = new ManualClock(start)
    const reloads: number[] = []
    const log: string[] = []
    const dog = new KioskWatchdog({
      clock,
      limits: { ...LIMITS, ...limits },
      reloadApp: () => reloads.push(clock.now()),
      appReachable,
      log: (m) => log.push(m),
    })
    dog.start()
    return { clock, reloads, log, dog }
  }

  it('leaves a channel that plays alone for a day', () => {
    const { clock, reloads, dog } = watchdog()
    dog.recordState('loading')
    clock.advance(2 * SECOND)
    dog.recordState('playing')
    clock.advance(24 * HOUR)
    expect(reloads).toEqual([])
  })

  it('rides out a one-minute outage without reloading', () => {
    const { clock, reloads, dog } = watchdog()
    dog.recordState('playing')
    clock.advance(10 * MINUTE)
    dog.recordState('recovering')
    for (let i = 0; i < 6; i++) {
      clock.advance(10 * SECOND)
      dog.recordError()
    }
    dog.recordState('playing')
    clock.advance(HOUR)
    expect(reloads).toEqual([])
  })

  it('reloads when playback has not played for the limit, and logs why', () => {
    const { clock, reloads, log, dog } = watchdog()
    dog.recordState('playing')
    clock.advance(10 * MINUTE)
    const brokeAt = clock.now()
    dog.recordState('stalled')
    clock.advance(1 * MINUTE)
    dog.recordState('recovering')
    clock.advance(2 * MINUTE + 10 * SECOND)
    expect(reloads).toHaveLength(1)
    expect(reloads[0]! - brokeAt).toBeGreaterThanOrEqual(3 * MINUTE)
    expect(reloads[0]! - brokeAt).toBeLessThanOrEqual(3 * MINUTE + 10 * SECOND)
    expect(dog.lastReason!.kind).toBe('unhealthy')
    expect(log).toEqual(['[kiosk] reloading the app: playback not playing for 3 min (recovering)'])
  })

  it('a player that never starts trips it too, but not before a few minutes after start', () => {
    const { clock, reloads } = watchdog({ unhealthyMs: MINUTE })
    clock.advance(MIN_RELOAD_GAP_MS - SECOND)
    expect(reloads).toEqual([])
    clock.advance(10 * SECOND)
    expect(reloads).toHaveLength(1)
  })

  it('does not reload twice within a few minutes when reloadApp leaves the page running', () => {
    const { clock, reloads, dog } = watchdog()
    dog.recordState('failed')
    clock.advance(30 * MINUTE)
    expect(reloads.length).toBeGreaterThan(1)
    for (let i = 1; i < reloads.length; i++) expect(reloads[i]! - reloads[i - 1]!).toBeGreaterThanOrEqual(MIN_RELOAD_GAP_MS)
  })

  it('reloads when fatal errors repeat, even with brief playing in between', () => {
    const { clock, reloads, dog } = watchdog({ maxErrorsPerHour: 5 })
    dog.recordState('playing')
    clock.advance(MIN_RELOAD_GAP_MS)
    for (let i = 0; i < 6; i++) {
      dog.recordState('recovering')
      dog.recordError()
      clock.advance(5 * SECOND)
      dog.recordState('playing')
      clock.advance(60 * SECOND)
    }
    expect(reloads).toHaveLength(1)
    expect(dog.lastReason!.kind).toBe('errors')
  })

  it('reloads at the daily hour once a day, not again when the page restarts within that hour', () => {
    const { clock, reloads, dog } = watchdog({ dailyReloadHour: 4 }, undefined, DAY + 10 * HOUR)
    dog.recordState('playing')
    clock.advance(3 * 24 * HOUR)
    const hours = reloads.map((t) => new Date(t).getHours())
    expect(hours).toEqual([4, 4, 4])
    expect(reloads.every((t) => new Date(t).getMinutes() === 0)).toBe(true)

    const restarted = watchdog({ dailyReloadHour: 4 }, undefined, DAY + 4 * HOUR + 3 * SECOND)
    restarted.dog.recordState('playing')
    restarted.clock.advance(HOUR)
    expect(restarted.reloads).toEqual([])
  })

  it('does not reload while the app cannot be reached, and does once it can', async () => {
    let reachable = false
    let asked = 0
    const { clock, reloads, log, dog } = watchdog({}, () => {
      asked++
      return Promise.resolve(reachable)
    })
    dog.recordState('failed')
    clock.advance(MIN_RELOAD_GAP_MS)
    await flush()
    expect(asked).toBe(1)
    expect(reloads).toEqual([])
    expect(log[0]).toBe('[kiosk] would reload (playback not playing for 5 min (failed)), but the app cannot be reached: trying again later')
    reachable = true
    clock.advance(10 * SECOND)
    await flush()
    expect(reloads).toHaveLength(1)
  })

  it('asks once at a time, and not at all after stop()', async () => {
    let answer: (ok: boolean) => void = () => undefined
    let asked = 0
    const { clock, reloads, dog } = watchdog({}, () => {
      asked++
      return new Promise((resolve) => (answer = resolve))
    })
    dog.recordState('failed')
    clock.advance(MIN_RELOAD_GAP_MS + MINUTE)
    expect(asked).toBe(1)
    dog.stop()
    answer(true)
    await flush()
    expect(reloads).toEqual([])
    expect(clock.pendingTimers()).toBe(0)
  })
})
