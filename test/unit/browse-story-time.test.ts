import { describe, it, expect } from 'vitest'
import { timeAgo, formatPublished } from '../../src/browse/story-time'

const NOW = Date.UTC(2025, 10, 20, 12, 0)
const MIN = 60_000

describe('timeAgo', () => {
  it.each([
    [30_000, 'just now'],
    [MIN, '1 min ago'],
    [5 * MIN + 59_000, '5 min ago'],
    [59 * MIN, '59 min ago'],
    [60 * MIN, '1 h ago'],
    [3 * 60 * MIN + 10 * MIN, '3 h ago'],
    [23 * 60 * MIN + 59 * MIN, '23 h ago'],
    [24 * 60 * MIN, '1 day ago'],
    [2 * 24 * 60 * MIN + 60 * MIN, '2 days ago'],
    [40 * 24 * 60 * MIN, '40 days ago'],
  ])('%i ms old reads "%s"', (age, text) => {
    expect(timeAgo(NOW - age, NOW)).toBe(text)
  })

  it('says "just now" for a time a little ahead of the TV’s clock', () => {
    expect(timeAgo(NOW + 5 * MIN, NOW)).toBe('just now')
  })

  it('says nothing when the feed gave no date', () => {
    expect(timeAgo(null, NOW)).toBe('')
  })
})

describe('formatPublished', () => {
  it('gives day, short month, year and 24-hour time', () => {
    expect(formatPublished(Date.UTC(2025, 10, 19, 19, 38), 'UTC')).toBe('19 Nov 2025, 19:38')
    expect(formatPublished(Date.UTC(2025, 0, 2, 7, 5), 'America/New_York')).toBe('2 Jan 2025, 02:05')
  })

  it('is empty without a date', () => {
    expect(formatPublished(null)).toBe('')
  })
})
