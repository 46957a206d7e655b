import { describe, it, expect } from 'vitest'
import { CrawlBelt } from '../../src/crawl/crawl-belt'
import type { Headline } from '../../src/crawl/crawl-headlines'

const h = (id: string, text = `Headline ${id}`, breaking = false): Headline => ({ id, text, breaking })
const make = (speed = 100) =>
  new CrawlBelt({ viewportWidth: 1000, speedPxPerSecond: speed, gapPx: 50, measure: (x) => x.text.length * 10, maxItems: 8 })

describe('CrawlBelt', () => {
  it('is empty until there is a headline', () => {
    const belt = make()
    expect(belt.isEmpty).toBe(true)
    belt.advance(5000)
    expect(belt.visible()).toEqual([])
  })

  it('enters from the right edge and moves by time, not frames', () => {
    const belt = make(100)
    belt.setHeadlines([h('a')])
    expect(belt.items[0]!.x).toBe(1000)
    belt.advance(1000)
    expect(belt.items[0]!.x).toBe(900)
    // Same elapsed time in many small frames: same place.
    for (let i = 0; i < 100; i++) belt.advance(10)
    expect(belt.items[0]!.x).toBeCloseTo(800, 6)
  })

  it('queues the next headline behind the tail, one gap apart', () => {
    const belt = make(100)
    belt.setHeadlines([h('a', 'x'.repeat(30)), h('b', 'y'.repeat(20))])
    belt.advance(3500) // a: 1000 -> 650, its end + gap = 1000 → b joins
    const [a, b] = belt.items
    expect(b!.headline.id).toBe('b')
    expect(b!.x).toBeCloseTo(a!.x + a!.width + 50, 6)
  })

  it('recycles headlines that have left the screen and cycles the rotation', () => {
    const belt = make(1000)
    belt.setHeadlines([h('a'), h('b')])
    const tripOrder = new Map<number, string>()
    for (let i = 0; i < 200; i++) {
      belt.advance(50)
      for (const item of belt.visible()) tripOrder.set(item.key, item.headline.id)
      expect(belt.items.length).toBeLessThanOrEqual(8)
      expect(belt.items.every((i) => i.x + i.width >= 0)).toBe(true)
    }
    expect([...tripOrder.values()].slice(0, 4)).toEqual(['a', 'b', 'a', 'b'])
  })

  it('adds new headlines at the tail without moving what is on screen', () => {
    const belt = make(100)
    belt.setHeadlines([h('a'), h('b')])
    belt.advance(4000)
    const before = belt.items.map((i) => [i.key, i.x])
    belt.setHeadlines([h('new'), h('a'), h('b')])
    expect(belt.items.map((i) => [i.key, i.x])).toEqual(before)
  })

  it('lets a removed headline finish crossing, then never shows it again', () => {
    const belt = make(100)
    belt.setHeadlines([h('gone', 'x'.repeat(20)), h('b', 'y'.repeat(20))])
    belt.advance(1000)
    belt.setHeadlines([h('b', 'y'.repeat(20))])
    expect(belt.items[0]!.headline.id).toBe('gone')
    belt.advance(60_000)
    expect(belt.items.some((i) => i.headline.id === 'gone')).toBe(false)
    for (let i = 0; i < 100; i++) {
      belt.advance(500)
      expect(belt.items.some((x) => x.headline.id === 'gone')).toBe(false)
    }
  })

  it('sends a new headline next, at the tail, ahead of the rest of the rotation', () => {
    const belt = make(100)
    belt.setHeadlines([h('a'), h('b'), h('c'), h('d')])
    belt.setHeadlines([h('a'), h('b'), h('fresh'), h('c'), h('d')])
    const order: string[] = []
    for (let i = 0; i < 200; i++) {
      belt.advance(100)
      for (const item of belt.items) if (!order.includes(item.headline.id)) order.push(item.headline.id)
    }
    expect(order.slice(0, 2)).toEqual(['a', 'fresh'])
  })
})
