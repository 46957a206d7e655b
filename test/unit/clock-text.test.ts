import { describe, expect, it } from 'vitest'
import { clockFormatter } from '../../src/crawl/clock-text'

describe('the crawl clock', () => {
  const evening = new Date('2026-12-01T17:05:00Z')
  it('follows the TV\'s 12/24 h habit, like programme times', () => {
    expect(clockFormatter({ timeZone: 'UTC', hour12: false, locale: 'en-GB' })(evening)).toBe('17:05')
    expect(clockFormatter({ timeZone: 'UTC', hour12: true, locale: 'en-US' })(evening)).toMatch(/^5:05\sPM$/)
  })
  it('in the TV\'s time zone', () => {
    expect(clockFormatter({ timeZone: 'Europe/Berlin', hour12: false, locale: 'de-DE' })(evening)).toBe('18:05')
    expect(clockFormatter({ timeZone: 'UTC', hour12: false, locale: 'en-GB' })(new Date('2026-12-01T00:07:00Z'))).toBe('00:07')
  })
  it('in the locale\'s own habit when none is forced: two-digit hours where the day runs 00–23', () => {
    const justAfterMidnight = new Date('2026-12-02T00:55:00Z')
    expect(clockFormatter({ timeZone: 'Europe/London', locale: 'en-GB' })(justAfterMidnight)).toBe('00:55')
    expect(clockFormatter({ timeZone: 'Europe/Berlin', locale: 'de-DE' })(new Date('2026-12-02T08:05:00Z'))).toBe('09:05')
    expect(clockFormatter({ timeZone: 'America/New_York', locale: 'en-US' })(justAfterMidnight)).toMatch(/^7:55\sPM$/)
  })
})
