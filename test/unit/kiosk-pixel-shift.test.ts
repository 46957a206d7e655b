import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { pixelOffset, PixelShifter, shiftFromHome, type PixelOffset } from '../../src/kiosk/pixel-shift'

const MINUTE = 60_000

describe('pixelOffset', () => {
  it('starts at home and walks straight up to the edge of the square', () => {
    expect([0, 1, 2, 3].map((s) => pixelOffset(s, 3))).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: -1 },
      { x: 0, y: -2 },
      { x: 0, y: -3 },
    ])
  })

  it('then goes round the ±max square clockwise, one pixel per step, and repeats', () => {
    const max = 6
    const ring = Array.from({ length: 8 * max }, (_, i) => pixelOffset(max + i, max))
    const corners = ring.filter((p) => Math.abs(p.x) === max && Math.abs(p.y) === max)
    expect(corners).toEqual([
      { x: 6, y: -6 },
      { x: 6, y: 6 },
      { x: -6, y: 6 },
      { x: -6, y: -6 },
    ])
    expect(new Set(ring.map((p) => `${p.x},${p.y}`)).size).toBe(8 * max)
    expect(pixelOffset(max + 8 * max, max)).toEqual(pixelOffset(max, max))
    expect(pixelOffset(max + 1000 * 8 * max + 5, max)).toEqual(pixelOffset(max + 5, max))
  })

  it('never moves more than one pixel in a step, and never beyond maxPx', () => {
    for (const max of [1, 2, 6, 20]) {
      let last = pixelOffset(0, max)
      for (let step = 1; step < 30 * max; step++) {
        const next = pixelOffset(step, max)
        expect(Math.abs(next.x - last.x) + Math.abs(next.y - last.y)).toBe(1)
        expect(Math.max(Math.abs(next.x), Math.abs(next.y))).toBeLessThanOrEqual(max)
        last = next
      }
    }
  })

  it('stays home with maxPx 0', () => {
    expect(pixelOffset(17, 0)).toEqual({ x: 0, y: 0 })
  })
})

describe('PixelShifter', () => {
  function shifter(everyMinutes: number, maxPx: number) {
    const clock = new ManualClock()
    const shifts: PixelOffset[] = []
    const s = new PixelShifter({ clock, everyMs: everyMinutes * MINUTE, maxPx })
    s.events.on('shift', (o) => shifts.push(o))
    return { clock, shifts, s }
  }

  it('emits the next offset every N minutes', () => {
    const { clock, shifts, s } = shifter(3, 6)
    s.start()
    clock.advance(3 * MINUTE - 1)
    expect(shifts).toEqual([])
    clock.advance(1)
    expect(shifts).toEqual([{ x: 0, y: -1 }])
    clock.advance(9 * MINUTE)
    expect(shifts).toHaveLength(4)
    expect(s.offset).toEqual(pixelOffset(4, 6))
  })

  it('stop() cancels the walk and sends everything home', () => {
    const { clock, shifts, s } = shifter(1, 6)
    s.start()
    clock.advance(2 * MINUTE)
    s.stop()
    expect(shifts.pop()).toEqual({ x: 0, y: 0 })
    expect(clock.pendingTimers()).toBe(0)
    clock.advance(10 * MINUTE)
    expect(shifts).toHaveLength(2)
  })

  it('does nothing with maxPx 0, and start() twice keeps one timer', () => {
    const off = shifter(1, 0)
    off.s.start()
    expect(off.clock.pendingTimers()).toBe(0)
    const on = shifter(1, 6)
    on.s.start()
    on.s.start()
    expect(on.clock.pendingTimers()).toBe(1)
  })
})

describe('shiftFromHome', () => {
  it('moves an element by the offset from where it stood, not cumulatively', () => {
    const banner = { x: 960, y: 74 }
    const target = shiftFromHome(banner)
    target.setOffset({ x: 2, y: -3 })
    target.setOffset({ x: 3, y: -3 })
    expect(banner).toEqual({ x: 963, y: 71 })
    target.setOffset({ x: 0, y: 0 })
    expect(banner).toEqual({ x: 960, y: 74 })
  })
})
