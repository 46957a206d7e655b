import { describe, expect, it } from 'vitest'
import { AreaCodeEntry } from '../../src/alerts/area-code-entry'

const type = (entry: AreaCodeEntry, digits: string) => [...digits].map((d) => entry.digit(Number(d)))

describe('typing an alert area code on the remote', () => {
  it('six digits (a SAME code) finish the code at once', () => {
    const entry = new AreaCodeEntry()
    const steps = type(entry, '006037')
    expect(steps.slice(0, 5)).toEqual([{ typing: '0' }, { typing: '00' }, { typing: '006' }, { typing: '0060' }, { typing: '00603' }])
    expect(steps[5]).toEqual({ code: '006037' })
    expect(entry.typed).toBe('')
  })

  it('OK finishes five digits (a FIPS6 county code) and drops fewer', () => {
    const five = new AreaCodeEntry()
    type(five, '06037')
    expect(five.commit()).toEqual({ code: '06037' })
    const three = new AreaCodeEntry()
    type(three, '060')
    expect(three.commit()).toEqual({ idle: true })
    expect(three.typed).toBe('')
  })

  it('another key drops the entry; a non-digit value changes nothing', () => {
    const entry = new AreaCodeEntry()
    type(entry, '00')
    expect(entry.digit(12)).toEqual({ typing: '00' })
    expect(entry.cancel()).toEqual({ idle: true })
    expect(entry.typed).toBe('')
    expect(new AreaCodeEntry().digit(-1)).toEqual({ idle: true })
  })

  it('shows the places still to type', () => {
    expect(AreaCodeEntry.placeholder('006')).toBe('006___')
    expect(AreaCodeEntry.placeholder('')).toBe('______')
  })
})
