import { describe, expect, it } from 'vitest'
import { parseJsonSchedule, parseIsoWithZone } from '../../src/schedule/parse-json-schedule'
import { programmesFromDateRanges, PROGRAMME_CLASS } from '../../src/schedule/stream-programmes'
import type { DateRangeLike } from '../../src/schedule/date-range-fields'

describe('JSON schedules', () => {
  it('reads ISO times with their zone', () => {
    const { programmes, issues } = parseJsonSchedule([
      { start: '2025-12-01T18:30:00+01:00', end: '2025-12-01T19:00:00+01:00', title: 'Evening Bulletin', description: 'The news.' },
      { start: '2025-12-01T18:00:00Z', end: '2025-12-01T18:30:00Z', title: 'World Tonight' },
    ])
    expect(issues).toEqual([])
    expect(programmes.map((p) => [p.title, p.start, p.end, p.description, p.source])).toEqual([
      ['Evening Bulletin', Date.UTC(2025, 11, 1, 17, 30), Date.UTC(2025, 11, 1, 18), 'The news.', 'json'],
      ['World Tonight', Date.UTC(2025, 11, 1, 18), Date.UTC(2025, 11, 1, 18, 30), '', 'json'],
    ])
  })

  it('reports each bad entry and keeps the rest', () => {
    const { programmes, issues } = parseJsonSchedule([
      'nope',
      { start: '2025-12-01T18:30:00', end: '2025-12-01T19:00:00Z', title: 'No zone' },
      { start: '2025-12-01T18:30:00Z', end: '2025-12-01T18:00:00Z', title: 'Backwards' },
      { start: '2025-12-01T18:30:00Z', end: '2025-12-01T19:00:00Z', title: '  ' },
      { start: '2025-12-01T19:00:00Z', end: '2025-12-01T19:30:00Z', title: 'Good' },
    ])
    expect(programmes.map((p) => p.title)).toEqual(['Good'])
    expect(issues.map((i) => i.where)).toEqual(['entry 1', 'entry 2', 'entry 3', 'entry 4'])
    expect(issues[1]!.message).toMatch(/not an ISO time with a zone/)
  })

  it('says so when the schedule is not a list', () => {
    expect(parseJsonSchedule({ start: 'x' }).issues[0]!.message).toMatch(/not a list/)
  })

  it('reads +hhmm offsets without a colon', () => {
    expect(parseIsoWithZone('2025-12-01T18:30:00+0100')).toBe(Date.UTC(2025, 11, 1, 17, 30))
  })
})

function range(fields: Partial<DateRangeLike> & { start: string; title?: string }): DateRangeLike {
  const { start, title, ...rest } = fields
  return {
    id: start,
    class: PROGRAMME_CLASS,
    startDate: new Date(start),
    endDate: null,
    duration: null,
    attr: title === undefined ? {} : { 'X-TITLE': title },
    ...rest,
  }
}

describe('EXT-X-DATERANGE programmes', () => {
  it('takes ranges whose CLASS ends in "programme", ending at END-DATE or START-DATE + DURATION', () => {
    const programmes = programmesFromDateRanges([
      range({ start: '2025-12-01T18:00:00Z', title: 'Ends by date', endDate: new Date('2025-12-01T18:30:00Z') }),
      range({ start: '2025-12-01T18:30:00Z', title: 'Ends by duration', duration: 1800, class: 'com.example.programme' }),
      range({ start: '2025-12-01T18:40:00Z', title: 'An ad', duration: 30, class: 'com.apple.hls.interstitial' }),
      range({ start: '2025-12-01T19:00:00Z', title: 'No class', duration: 60, class: '' }),
    ])
    expect(programmes.map((p) => [p.title, new Date(p.start).toISOString(), new Date(p.end).toISOString(), p.source])).toEqual([
      ['Ends by date', '2025-12-01T18:00:00.000Z', '2025-12-01T18:30:00.000Z', 'stream'],
      ['Ends by duration', '2025-12-01T18:30:00.000Z', '2025-12-01T19:00:00.000Z', 'stream'],
    ])
  })

  it('ends an open range at the next programme, drops the last open one and any without X-TITLE', () => {
    const programmes = programmesFromDateRanges([
      range({ start: '2025-12-01T18:00:00Z', title: 'Open' }),
      range({ start: '2025-12-01T18:20:00Z' }),
      range({ start: '2025-12-01T18:45:00Z', title: 'Last, open' }),
    ])
    expect(programmes.map((p) => [p.title, new Date(p.end).toISOString()])).toEqual([['Open', '2025-12-01T18:45:00.000Z']])
  })

  it('reads X-DESCRIPTION, X-CATEGORY, X-EPISODE, X-RATING and PLANNED-DURATION', () => {
    const [p] = programmesFromDateRanges([
      range({
        start: '2025-12-01T18:00:00Z',
        plannedDuration: 600,
        attr: { 'X-TITLE': 'Live', 'X-DESCRIPTION': 'Desk', 'X-CATEGORY': 'News', 'X-EPISODE': '12', 'X-RATING': 'TV-G' },
      }),
    ])
    expect(p).toMatchObject({ title: 'Live', description: 'Desk', category: 'News', episode: '12', rating: 'TV-G', end: Date.UTC(2025, 11, 1, 18, 10) })
  })
})

describe('EXT-X-DATERANGE programmes as hls.js parses them', () => {
  it('reads hls.js\'s own DateRange objects from a live playlist', async () => {
    const { M3U8Parser } = await import('hls.js')
    const playlist = [
      '#EXTM3U',
      '#EXT-X-VERSION:6',
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-MEDIA-SEQUENCE:100',
      '#EXT-X-PROGRAM-DATE-TIME:2025-12-01T18:10:00.000Z',
      '#EXT-X-DATERANGE:ID="p1",CLASS="com.livenews.programme",START-DATE="2025-12-01T18:00:00.000Z",DURATION=1800,X-TITLE="Evening Bulletin",X-DESCRIPTION="The day\'s news"',
      '#EXT-X-DATERANGE:ID="p2",CLASS="com.livenews.programme",START-DATE="2025-12-01T18:30:00.000Z",END-DATE="2025-12-01T19:00:00.000Z",X-TITLE="Sports Desk"',
      '#EXT-X-DATERANGE:ID="ad",CLASS="com.example.ad",START-DATE="2025-12-01T18:10:00.000Z",DURATION=30',
      '#EXTINF:2.0,',
      'seg100.ts',
      '#EXTINF:2.0,',
      'seg101.ts',
    ].join('\n')
    const details = (M3U8Parser as unknown as { parseLevelPlaylist(...args: unknown[]): { dateRanges: Record<string, DateRangeLike> } }).parseLevelPlaylist(
      playlist,
      'https://x/live/news/720p/index.m3u8',
      0,
      'main',
      0,
      null,
    )
    const programmes = programmesFromDateRanges(Object.values(details.dateRanges))
    expect(programmes.map((p) => [p.title, new Date(p.start).toISOString(), new Date(p.end).toISOString(), p.description])).toEqual([
      ['Evening Bulletin', '2025-12-01T18:00:00.000Z', '2025-12-01T18:30:00.000Z', "The day's news"],
      ['Sports Desk', '2025-12-01T18:30:00.000Z', '2025-12-01T19:00:00.000Z', ''],
    ])
  })
})
