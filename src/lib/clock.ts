/**
 * The one source of time for the app. Anything that waits, polls, animates or backs off takes a
 * Clock, so tests and the soak benchmark can drive hours in seconds (time is injected, never read from the globals).
 */
export type TimerId = unknown

export interface Clock {
  /** Milliseconds since the epoch (wall clock). */
  now(): number
  setTimeout(fn: () => void, ms: number): TimerId
  clearTimeout(id: TimerId): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
}

/** A clock that only moves when told to: for unit tests and accelerated soaks. */
export class ManualClock implements Clock {
  private current: number
  private nextId = 1
  private timers = new Map<number, { at: number; fn: () => void }>()

  constructor(start = 0) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    const id = this.nextId++
    this.timers.set(id, { at: this.current + Math.max(0, ms), fn })
    return id
  }

  clearTimeout(id: TimerId): void {
    this.timers.delete(id as number)
  }

  /** Moves time forward by ms, firing due timers in order (timers set while firing are honoured). */
  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      let dueId: number | undefined
      let dueAt = Infinity
      for (const [id, t] of this.timers) {
        if (t.at <= target && t.at < dueAt) {
          dueAt = t.at
          dueId = id
        }
      }
      if (dueId === undefined) break
      const timer = this.timers.get(dueId)!
      this.timers.delete(dueId)
      this.current = Math.max(this.current, timer.at)
      timer.fn()
    }
    this.current = target
  }

  pendingTimers(): number {
    return this.timers.size
  }
}
