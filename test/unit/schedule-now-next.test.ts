import { describe, expect, it } from 'vitest'
import { mergeSchedules } from '../../src/schedule/merge-schedules'
import { nowNext, progressThrough } from '../../src/schedule/now-next'
import { programme, type Programme, type ProgrammeSource } from '../../src/schedule/programme'
import { programmeTimeFormatter } from '../../src/schedule/schedule-time'
import { parseXmltv } from '../../src/schedule/parse-xmltv'
import { xmldomXml } from '../../src/feed/xmldom-reader'

const at = (hhmm: string) => Date.parse(`2025-12-01T${hhmm}:00Z`)
const p = (title: string, from: string, to: string, source: ProgrammeSource = 'xmltv'): Programme => programme({ title, start: at(from), end: at(to), source })
const titles = (list: Programme[]) => list.map((x) => `${x.title} ${new Date(x.start).toISOString().slice(11, 16)}-${new Date(x.end).toISOString().slice(11, 16)}`)

describe('now and next', () => {
  const day = [p('A', '18:00', '18:30'), p('B', '18:30', '19:00'), p('C', '19:30', '20:00')]

  it('gives the programme on air and the one after it; a programme ends before its end instant', () => {
    expect(nowNext(day, at('18:10'))).toEqual({ now: day[0], next: day[1] })
    expect(nowNext(day, at('18:30'))).toEqual({ now: day[1], next: day[2] })
  })

  it('has nothing on in a gap, and the next to start as next', () => {
    expect(nowNext(day, at('19:10'))).toEqual({ now: null, next: day[2] })
    expect(nowNext(day, at('21:00'))).toEqual({ now: null, next: null })
  })

  it('picks the later start where listing programmes overlap, and the stream over the listing', () => {
    const overlapping = [p('Long', '18:00', '20:00'), p('Special', '18:30', '19:00')]
    expect(nowNext(overlapping, at('18:45')).now!.title).toBe('Special')
    expect(nowNext(overlapping, at('18:15'))).toMatchObject({ now: { title: 'Long' }, next: { title: 'Special' } })
    const withStream = [p('Stream', '18:00', '19:00', 'stream'), p('Listing', '18:30', '19:00')]
    expect(nowNext(withStream, at('18:45')).now!.title).toBe('Stream')
  })

  it('says how far through a programme the instant is', () => {
    expect(progressThrough(day[0]!, at('18:15'))).toBe(0.5)
    expect(progressThrough(day[0]!, at('17:00'))).toBe(0)
    expect(progressThrough(day[0]!, at('19:00'))).toBe(1)
  })
})

describe('merging the listing with the stream', () => {
  it('lets the stream win where both cover the same time, cutting and splitting the listing', () => {
    const listing = [p('A', '18:00', '18:30'), p('B', '18:30', '20:00'), p('C', '20:00', '20:30')]
    const stream = [p('Breaking', '18:15', '18:45', 'stream'), p('Interview', '19:00', '19:15', 'stream')]
    expect(titles(mergeSchedules(listing, stream))).toEqual([
      'A 18:00-18:15',
      'Breaking 18:15-18:45',
      'B 18:45-19:00',
      'Interview 19:00-19:15',
      'B 19:15-20:00',
      'C 20:00-20:30',
    ])
    expect(nowNext(mergeSchedules(listing, stream), at('18:20')).now!.title).toBe('Breaking')
  })

  it('keeps the listing as it is without stream programmes', () => {
    const listing = [p('B', '18:30', '19:00'), p('A', '18:00', '18:30')]
    expect(titles(mergeSchedules(listing, []))).toEqual(['A 18:00-18:30', 'B 18:30-19:00'])
  })
})

describe('programme times in the TV\'s zone and hour habit', () => {
  const evening = Date.UTC(2025, 11, 1, 17, 30)

  it('formats 24 h and 12 h in a named zone', () => {
    expect(programmeTimeFormatter({ timeZone: 'Europe/Berlin', hour12: false, locale: 'en-GB' })(evening)).toBe('18:30')
    expect(programmeTimeFormatter({ timeZone: 'America/New_York', hour12: true, locale: 'en-US' })(evening)).toMatch(/^12:30\sPM$/)
    expect(programmeTimeFormatter({ timeZone: 'Asia/Kolkata', hour12: false, locale: 'en-US' })(evening)).toBe('23:00')
  })

  it('writes midnight as 00:xx in 24 h, even in a locale whose habit is 12 h', () => {
    expect(programmeTimeFormatter({ timeZone: 'UTC', hour12: false, locale: 'en-US' })(Date.UTC(2025, 11, 1, 0, 5))).toBe('00:05')
  })

  it('falls back to the engine\'s zone for an unknown one, without throwing', () => {
    const format = programmeTimeFormatter({ timeZone: 'Mars/Olympus_Mons', hour12: false })
    expect(format(evening)).toMatch(/^\d{2}:30$/)
  })

  it('on an engine without hourCycle (Chromium 63), asks with hour12 and writes its "24:05" as 00:05', () => {
    const saved = globalThis.Intl
    const asked: Intl.DateTimeFormatOptions[] = []
    try {
      // An old engine: hourCycle unknown (absent from resolvedOptions), hour12:false gives h24.
      class OldDateTimeFormat {
        constructor(_locale: unknown, readonly options: Intl.DateTimeFormatOptions = {}) {
          asked.push(options)
        }
        resolvedOptions() {
          return { timeZone: 'UTC' }
        }
        format(date: Date) {
          const h = date.getUTCHours()
          return `${this.options.hour12 === false && h === 0 ? 24 : h}:${String(date.getUTCMinutes()).padStart(2, '0')}`
        }
      }
      ;(globalThis as { Intl?: unknown }).Intl = { DateTimeFormat: OldDateTimeFormat }
      expect(programmeTimeFormatter({ timeZone: 'UTC', hour12: false })(Date.UTC(2025, 11, 1, 0, 5))).toBe('00:05')
      expect(asked.at(-1)).toMatchObject({ hour12: false, timeZone: 'UTC' })
    } finally {
      globalThis.Intl = saved
    }
  })

  it('falls back when the engine has no Intl at all', () => {
    const saved = globalThis.Intl
    try {
      ;(globalThis as { Intl?: unknown }).Intl = undefined
      const date = new Date(evening)
      expect(programmeTimeFormatter({ hour12: false })(evening)).toBe(`${String(date.getHours()).padStart(2, '0')}:30`)
    } finally {
      globalThis.Intl = saved
    }
  })

  it('crosses the DST change in Europe/Berlin: the hour from 02:00 happens twice, and now/next follow the instants', () => {
    // 26 Oct 2025: at 01:00 UTC Berlin's clocks go from 03:00 CEST back to 02:00 CET.
    const xml = `<tv><channel id="n"/>
      <programme start="20251026020000 +0200" stop="20251026023000 +0200" channel="n"><title>Night 1</title></programme>
      <programme start="20251026023000 +0200" stop="20251026020000 +0100" channel="n"><title>Night 2</title></programme>
      <programme start="20251026020000 +0100" stop="20251026023000 +0100" channel="n"><title>Night 3</title></programme></tv>`
    const { programmes } = parseXmltv(xml, { channelId: 'n', channelName: '' }, xmldomXml)
    const berlin = programmeTimeFormatter({ timeZone: 'Europe/Berlin', hour12: false, locale: 'de-DE' })
    expect(programmes.map((x) => `${x.title} ${berlin(x.start)}-${berlin(x.end)}`)).toEqual(['Night 1 02:00-02:30', 'Night 2 02:30-02:00', 'Night 3 02:00-02:30'])
    expect(programmes.map((x) => (x.end - x.start) / 60_000)).toEqual([30, 30, 30])
    // 02:15 wall-clock happens twice: once in Night 1 (CEST), once in Night 3 (CET).
    expect(nowNext(programmes, Date.UTC(2025, 9, 26, 0, 15))).toMatchObject({ now: { title: 'Night 1' }, next: { title: 'Night 2' } })
    expect(nowNext(programmes, Date.UTC(2025, 9, 26, 1, 15))).toMatchObject({ now: { title: 'Night 3' }, next: null })
  })
})
