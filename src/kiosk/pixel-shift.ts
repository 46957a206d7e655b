/**
 * Burn-in protection for static overlays (logo, clock, crawl bar, spotlight): every few minutes
 * they move one pixel along a fixed walk, so no pixel holds the same light for hours and the
 * panel's own still-image screensaver (Samsung: after 2 h) never kicks in. One pixel at a time is
 * too small for a viewer to notice; a jump of several would be seen.
 */
import type { Clock, TimerId } from '../lib/clock'
import { Emitter } from '../lib/emitter'

export interface PixelOffset {
  x: number
  y: number
}

/**
 * Where overlays sit after `step` moves: from home straight up to the edge of the ±maxPx square,
 * then round its perimeter clockwise forever. Every step is exactly one pixel from the last.
 */
export function pixelOffset(step: number, maxPx: number): PixelOffset {
  const m = Math.floor(maxPx)
  const s = Math.max(0, Math.floor(step))
  if (m <= 0 || s === 0) return { x: 0, y: 0 }
  if (s <= m) return { x: 0, y: -s }
  return perimeterPoint((s - m) % (8 * m), m)
}

/** Point `t` of the ±m square's perimeter, starting at the top middle and going clockwise. */
function perimeterPoint(t: number, m: number): PixelOffset {
  if (t < m) return { x: t, y: -m }
  t -= m
  if (t < 2 * m) return { x: m, y: -m + t }
  t -= 2 * m
  if (t < 2 * m) return { x: m - t, y: m }
  t -= 2 * m
  if (t < 2 * m) return { x: -m, y: m - t }
  t -= 2 * m
  return { x: -m + t, y: -m }
}

export interface PixelShifterOptions {
  clock: Clock
  everyMs: number
  maxPx: number
}

export interface PixelShifterEvents extends Record<string, unknown> {
  shift: PixelOffset
}

/** Emits the next offset every `everyMs` while started. */
export class PixelShifter {
  readonly events = new Emitter<PixelShifterEvents>()
  private step = 0
  private timer: TimerId | null = null

  constructor(private readonly options: PixelShifterOptions) {}

  get offset(): PixelOffset {
    return pixelOffset(this.step, this.options.maxPx)
  }

  start(): void {
    if (this.timer !== null || this.options.maxPx <= 0) return
    this.schedule()
  }

  /** Stops the walk and puts everything back home. */
  stop(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer)
    this.timer = null
    if (this.step === 0) return
    this.step = 0
    this.events.emit('shift', this.offset)
  }

  private schedule(): void {
    this.timer = this.options.clock.setTimeout(() => {
      this.step++
      this.events.emit('shift', this.offset)
      this.schedule()
    }, this.options.everyMs)
  }
}

/**
 * A shift target for anything placed by x/y (a Lightning element such as the crawl's widget
 * layer or the status banner): offsets move it from where it stood when this was called.
 */
export function shiftFromHome(element: { x: number; y: number }): { setOffset(offset: PixelOffset): void } {
  const home = { x: element.x, y: element.y }
  return {
    setOffset(offset) {
      element.x = home.x + offset.x
      element.y = home.y + offset.y
    },
  }
}
