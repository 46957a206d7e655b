import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { ChannelNumberEntry } from '../../src/input/channel-number-entry'

function setup() {
  const clock = new ManualClock()
  const tuned: number[] = []
  const entry = new ChannelNumberEntry(clock, (n) => tuned.push(n))
  return { clock, tuned, entry }
}

describe('ChannelNumberEntry', () => {
  it('typing 1 then 2 tunes 12 after the pause, not 1', () => {
    const { clock, tuned, entry } = setup()
    entry.digit(1)
    clock.advance(800)
    entry.digit(2)
    expect(entry.typed).toBe('12')
    clock.advance(1499)
    expect(tuned).toEqual([])
    clock.advance(1)
    expect(tuned).toEqual([12])
    expect(entry.typed).toBe('')
  })

  it('a single digit tunes after the pause', () => {
    const { clock, tuned, entry } = setup()
    entry.digit(7)
    clock.advance(1500)
    expect(tuned).toEqual([7])
  })

  it('the third digit tunes at once: no channel number is longer', () => {
    const { clock, tuned, entry } = setup()
    entry.digit(1)
    entry.digit(0)
    entry.digit(5)
    expect(tuned).toEqual([105])
    clock.advance(5000)
    expect(tuned).toEqual([105])
    expect(clock.pendingTimers()).toBe(0)
  })

  it('OK tunes what was typed without waiting', () => {
    const { tuned, entry } = setup()
    entry.digit(0)
    entry.digit(4)
    entry.commit()
    expect(tuned).toEqual([4])
  })

  it('another key cancels: nothing tunes', () => {
    const { clock, tuned, entry } = setup()
    entry.digit(3)
    entry.cancel()
    clock.advance(5000)
    expect(tuned).toEqual([])
    expect(entry.typed).toBe('')
  })

  it('digits typed after a long pause start a new number', () => {
    const { clock, tuned, entry } = setup()
    entry.digit(2)
    clock.advance(2000)
    entry.digit(3)
    clock.advance(2000)
    expect(tuned).toEqual([2, 3])
  })

  it('ignores anything that is not a digit, and OK with nothing typed does nothing', () => {
    const { clock, tuned, entry } = setup()
    entry.digit(10)
    entry.digit(-1)
    entry.digit(1.5)
    entry.commit()
    clock.advance(5000)
    expect(tuned).toEqual([])
  })

  it('honours a shorter pause and a longer channel number', () => {
    const clock = new ManualClock()
    const tuned: number[] = []
    const entry = new ChannelNumberEntry(clock, (n) => tuned.push(n), { pauseMs: 1000, maxDigits: 4 })
    for (const d of [1, 2, 3]) entry.digit(d)
    clock.advance(1000)
    expect(tuned).toEqual([123])
  })
})
