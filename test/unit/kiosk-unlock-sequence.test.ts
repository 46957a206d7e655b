import { describe, it, expect } from 'vitest'
import { UnlockSequence } from '../../src/kiosk/unlock-sequence'

const KONAMI = ['Up', 'Up', 'Down', 'Down', 'Left', 'Right', 'Left', 'Right', 'Enter']

const typeKeys = (matcher: UnlockSequence, keys: string[]) => keys.map((key) => matcher.press(key))

describe('UnlockSequence', () => {
  it('is true exactly when the last key of the sequence completes it', () => {
    const results = typeKeys(new UnlockSequence(KONAMI), KONAMI)
    expect(results).toEqual([false, false, false, false, false, false, false, false, true])
  })

  it('ignores stray keys before the sequence, and a repeated first key', () => {
    const matcher = new UnlockSequence(KONAMI)
    expect(typeKeys(matcher, ['Enter', 'Back', 'Up', 'Up', 'Up', ...KONAMI.slice(2)]).pop()).toBe(true)
  })

  it('a mistake in the middle means starting the sequence again', () => {
    const matcher = new UnlockSequence(KONAMI)
    expect(typeKeys(matcher, [...KONAMI.slice(0, 5), 'Down', ...KONAMI.slice(5)]).some(Boolean)).toBe(false)
    expect(typeKeys(matcher, KONAMI).pop()).toBe(true)
  })

  it('starts over after a match: one extra key does not match again', () => {
    const matcher = new UnlockSequence(['Red', 'Red'])
    expect(typeKeys(matcher, ['Red', 'Red', 'Red'])).toEqual([false, true, false])
    expect(matcher.press('Red')).toBe(true)
  })

  it('refuses an empty sequence', () => {
    expect(() => new UnlockSequence([])).toThrow(RangeError)
  })
})
