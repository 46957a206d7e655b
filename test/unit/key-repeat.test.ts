import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { KeyRepeatThrottle, repeatDecision, stepForHold, DEFAULT_REPEAT_POLICY } from '../../src/input/key-repeat'

const DOWN = 40
const UP = 38

/** Holds `key` for `ms`, with keydowns every `everyMs` as a TV remote sends them; returns the passed steps. */
function hold(throttle: KeyRepeatThrottle, clock: ManualClock, key: number, ms: number, everyMs = 40, flagsRepeat = true): number[] {
  const passed: number[] = []
  for (let t = 0; t <= ms; t += everyMs) {
    if (t > 0) clock.advance(everyMs)
    const decision = throttle.keydown(key, flagsRepeat && t > 0)
    if (decision.pass) passed.push(decision.step)
  }
  throttle.keyup(key)
  return passed
}

describe('KeyRepeatThrottle', () => {
  it('a single press always goes through', () => {
    const throttle = new KeyRepeatThrottle(new ManualClock())
    expect(throttle.keydown(DOWN, false)).toEqual({ pass: true, step: 1 })
  })

  it('quick separate presses all go through, however fast the viewer taps', () => {
    const clock = new ManualClock()
    const throttle = new KeyRepeatThrottle(clock)
    for (let i = 0; i < 10; i++) {
      expect(throttle.keydown(DOWN, false).pass).toBe(true)
      clock.advance(20)
      throttle.keyup(DOWN)
      clock.advance(20)
    }
  })

  it('holding Down for 2 s at 25 repeats a second passes at most 25 keys, not 51', () => {
    const clock = new ManualClock()
    const passed = hold(new KeyRepeatThrottle(clock), clock, DOWN, 2000)
    // 1 press + ~1000/150 slow repeats + ~1000/60 fast repeats.
    expect(passed.length).toBeLessThanOrEqual(25)
    expect(passed.length).toBeGreaterThanOrEqual(15)
  })

  it('repeats come slowly in the first second and faster after it', () => {
    const clock = new ManualClock()
    const throttle = new KeyRepeatThrottle(clock)
    const times: number[] = []
    for (let t = 0; t <= 2000; t += 20) {
      if (t > 0) clock.advance(20)
      if (throttle.keydown(DOWN, t > 0).pass) times.push(t)
    }
    const gaps = times.slice(1).map((time, i) => time - times[i]!)
    const early = gaps.filter((_, i) => times[i + 1]! < 1000)
    const late = gaps.filter((_, i) => times[i]! >= 1100)
    expect(Math.min(...early)).toBeGreaterThanOrEqual(150)
    expect(Math.max(...late)).toBeLessThanOrEqual(80)
    expect(Math.min(...late)).toBeGreaterThanOrEqual(60)
  })

  it('a long hold makes lists jump: step 1 for 3 s, then up to 5', () => {
    const clock = new ManualClock()
    const throttle = new KeyRepeatThrottle(clock)
    const steps = hold(throttle, clock, DOWN, 8000)
    expect(steps[0]).toBe(1)
    expect(Math.max(...steps)).toBe(5)
    expect(new Set(steps)).toEqual(new Set([1, 2, 3, 4, 5]))
  })

  it('letting go resets: the next press is step 1 and passes at once', () => {
    const clock = new ManualClock()
    const throttle = new KeyRepeatThrottle(clock)
    hold(throttle, clock, DOWN, 5000)
    clock.advance(10)
    expect(throttle.keydown(DOWN, false)).toEqual({ pass: true, step: 1 })
  })

  it('works on TV browsers that never set KeyboardEvent.repeat', () => {
    const clock = new ManualClock()
    const passed = hold(new KeyRepeatThrottle(clock), clock, DOWN, 2000, 40, false)
    expect(passed.length).toBeLessThanOrEqual(25)
  })

  it('once the browser flags repeats, an unflagged keydown is a fresh press even if a keyup was lost', () => {
    const clock = new ManualClock()
    const throttle = new KeyRepeatThrottle(clock)
    throttle.keydown(DOWN, false)
    clock.advance(40)
    throttle.keydown(DOWN, true)
    clock.advance(10) // no keyup: the window lost focus
    expect(throttle.keydown(DOWN, false).pass).toBe(true)
  })

  it('pressing another key while one is held passes the new key at once', () => {
    const clock = new ManualClock()
    const throttle = new KeyRepeatThrottle(clock)
    throttle.keydown(DOWN, false)
    clock.advance(40)
    expect(throttle.keydown(DOWN, true).pass).toBe(false)
    expect(throttle.keydown(UP, false).pass).toBe(true)
  })
})

describe('repeat policy', () => {
  it('needs 150 ms between repeats in the first second and 60 ms after', () => {
    expect(repeatDecision(500, 149).pass).toBe(false)
    expect(repeatDecision(500, 150).pass).toBe(true)
    expect(repeatDecision(1500, 59).pass).toBe(false)
    expect(repeatDecision(1500, 60).pass).toBe(true)
  })

  it('steps grow by one a second after 3 s, capped at maxStep', () => {
    expect([0, 2999, 3000, 4000, 5000, 6000, 60_000].map((ms) => stepForHold(ms))).toEqual([1, 1, 2, 3, 4, 5, 5])
    expect(stepForHold(60_000, { ...DEFAULT_REPEAT_POLICY, maxStep: 3 })).toBe(3)
  })
})
