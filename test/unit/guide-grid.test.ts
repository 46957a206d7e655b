import { describe, expect, it } from 'vitest'
import { buildGuideGrid, gridLayoutKey, halfHourStart, rowCells, rulerMarks, type GuideGrid } from '../../src/guide/guide-grid'
import { cellAt, initialFocus, moveAlongRow, moveBetweenRows, refocus, type GuideFocus } from '../../src/guide/guide-focus'
import { programme, type Programme, type ProgrammeSource } from '../../src/schedule/programme'

const at = (hhmm: string) => Date.parse(`2025-12-01T${hhmm}:00Z`)
const hm = (ms: number) => new Date(ms).toISOString().slice(11, 16)
const p = (title: string, from: string, to: string, source: ProgrammeSource = 'xmltv'): Programme => programme({ title, start: at(from), end: at(to), source })
const cellsOf = (grid: GuideGrid, row: number) => grid.rows[row]!.cells.map((c) => `${c.programme ? c.programme.title : '-'} ${hm(c.start)}-${hm(c.end)}${c.current ? ' *' : ''}`)

const channels = [
  { id: 'news', number: 1, name: 'Newsroom 24' },
  { id: 'world', number: 2, name: 'World Desk' },
  { id: 'empty', number: 3, name: 'Nothing Listed' },
]
const schedules: Record<string, Programme[]> = {
  news: [p('Briefing', '17:30', '18:40'), p('Markets', '18:40', '19:00'), p('Evening', '19:00', '20:00'), p('Late', '20:00', '23:45')],
  world: [p('Tonight', '18:00', '18:50'), p('Dispatches', '19:10', '19:30'), p('Interview', '19:30', '23:00')],
  empty: [],
}
const title = (g: GuideGrid, f: GuideFocus | null) => (f ? (g.rows[f.row]!.cells[f.cell]!.programme?.title ?? '-') : null)
const grid = (now = at('18:47')) => buildGuideGrid({ channels, programmes: (id) => schedules[id] ?? [], now, offsetMinutes: 0 })

describe('the Guide grid', () => {
  it('starts at the current half hour and runs 6 h; rows are the configured channels in order', () => {
    const g = grid()
    expect([hm(g.start), hm(g.end)]).toEqual(['18:30', '00:30'])
    expect(g.rows.map((r) => r.channel.id)).toEqual(['news', 'world', 'empty'])
    expect(rulerMarks(g).map(hm)).toEqual(['18:30', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30', '22:00', '22:30', '23:00', '23:30', '00:00'])
  })

  it('reaches back to the half hour of the DVR window\'s start (at most 3 h), keeping the current half hour', () => {
    const back = buildGuideGrid({ channels, programmes: (id) => schedules[id] ?? [], now: at('18:47'), offsetMinutes: 0, from: at('17:41') })
    expect([hm(back.start), hm(back.halfHour), hm(back.end)]).toEqual(['17:30', '18:30', '00:30'])
    // The programmes over since are there (Briefing whole), the one on air still outlined.
    expect(cellsOf(back, 0).slice(0, 2)).toEqual(['Briefing 17:30-18:40', 'Markets 18:40-19:00 *'])
    expect(title(back, initialFocus(back, 0))).toBe('Markets')
    const far = buildGuideGrid({ channels, programmes: () => [], now: at('18:47'), offsetMinutes: 0, from: at('12:00') })
    expect(hm(far.start)).toBe('15:30')
    // A window that begins inside the current half hour (or none) changes nothing.
    for (const from of [at('18:35'), null]) expect(hm(buildGuideGrid({ channels, programmes: () => [], now: at('18:47'), offsetMinutes: 0, from }).start)).toBe('18:30')
  })

  it('has a layout key that changes only with what is drawn (the cells, their titles, the one on air)', () => {
    expect(gridLayoutKey(grid(at('18:47')))).toBe(gridLayoutKey(grid(at('18:48'))))
    // 18:50: Tonight ends on World Desk (a gap is on air); 19:00: the half hour turned.
    expect(gridLayoutKey(grid(at('18:50')))).not.toBe(gridLayoutKey(grid(at('18:49'))))
    expect(gridLayoutKey(grid(at('19:00')))).not.toBe(gridLayoutKey(grid(at('18:59'))))
    const renamed = buildGuideGrid({ channels, programmes: (id) => (id === 'news' ? [p('Briefing', '17:30', '18:40'), p('Markets Live', '18:40', '19:00')] : []), now: at('18:47'), offsetMinutes: 0 })
    const same = buildGuideGrid({ channels, programmes: (id) => (id === 'news' ? [p('Briefing', '17:30', '18:40'), p('Markets', '18:40', '19:00')] : []), now: at('18:47'), offsetMinutes: 0 })
    expect(gridLayoutKey(renamed)).not.toBe(gridLayoutKey(same))
  })

  it('clips programmes to the window, outlines the one on air, and fills gaps with "No listing"', () => {
    const g = grid()
    expect(cellsOf(g, 0)).toEqual(['Briefing 18:30-18:40', 'Markets 18:40-19:00 *', 'Evening 19:00-20:00', 'Late 20:00-23:45', '- 23:45-00:30'])
    expect(cellsOf(g, 1)).toEqual(['Tonight 18:30-18:50 *', '- 18:50-19:10', 'Dispatches 19:10-19:30', 'Interview 19:30-23:00', '- 23:00-00:30'])
    expect(cellsOf(g, 2)).toEqual(['- 18:30-00:30'])
    // The clipped cell keeps its programme's own times.
    expect(hm(g.rows[0]!.cells[0]!.programme!.start)).toBe('17:30')
  })

  it('aligns the half hour in the TV\'s zone (a zone 45 minutes off the hour)', () => {
    // UTC+5:45: 18:47 UTC is 00:32 local; the half hour starts at 00:30 local = 18:45 UTC.
    expect(hm(halfHourStart(at('18:47'), 345))).toBe('18:45')
    expect(hm(halfHourStart(at('18:47'), -300))).toBe('18:30')
  })

  it('lets the stream\'s programme win where it overlaps the listing, the listing keeping the rest', () => {
    const cells = rowCells([p('Listed', '18:00', '19:30'), p('Special', '18:45', '19:05', 'stream')], at('18:30'), at('20:00'), at('18:50'))
    expect(cells.map((c) => `${c.programme ? c.programme.title : '-'} ${hm(c.start)}-${hm(c.end)}`)).toEqual([
      'Listed 18:30-18:45', 'Special 18:45-19:05', 'Listed 19:05-19:30', '- 19:30-20:00',
    ])
  })

  it('gives a gap of seconds between two listings to the programme before, not a cell of its own', () => {
    const cells = rowCells([p('A', '18:00', '18:59'), programme({ title: 'B', start: at('18:59') + 20_000, end: at('20:00'), source: 'xmltv' })], at('18:30'), at('20:00'), at('18:31'))
    expect(cells.map((c) => (c.programme ? c.programme.title : '-'))).toEqual(['A', 'B'])
  })
})

describe('focus on the Guide', () => {

  it('starts on the channel\'s programme on air', () => {
    const g = grid()
    expect(title(g, initialFocus(g, 1))).toBe('Tonight')
    expect(title(g, initialFocus(g, 0))).toBe('Markets')
  })

  it('moves by programme along a row, and not past its ends', () => {
    const g = grid()
    let f: GuideFocus | null = initialFocus(g, 0)
    f = moveAlongRow(g, f, 1)
    expect(title(g, f)).toBe('Evening')
    expect(hm(f!.column)).toBe('19:00')
    f = moveAlongRow(g, f!, -1)
    // Back on the programme on air: the column is now again, not its start.
    expect(title(g, f)).toBe('Markets')
    expect(f!.column).toBe(at('18:47'))
    f = moveAlongRow(g, f!, -1)
    expect(title(g, f)).toBe('Briefing')
    expect(hm(f!.column)).toBe('18:30')
    expect(moveAlongRow(g, f!, -1)).toBeNull()
    const last = { row: 0, cell: g.rows[0]!.cells.length - 1, column: at('20:00') }
    expect(moveAlongRow(g, last, 1)).toBeNull()
  })

  it('moves between rows to the programme covering the time column, which it keeps past long programmes', () => {
    const g = grid()
    // Row 0, "Late" from 20:00: the column is 20:00.
    let f: GuideFocus | null = { row: 0, cell: 3, column: at('20:00') }
    f = moveBetweenRows(g, f, 1)
    expect(title(g, f)).toBe('Interview')
    f = moveBetweenRows(g, f!, 1)
    expect(title(g, f)).toBe('-')
    expect(moveBetweenRows(g, f!, 1)).toBeNull()
    // Up again along the same column, not the long cell's start.
    f = moveBetweenRows(g, f!, -1)
    expect(title(g, f)).toBe('Interview')
    f = moveBetweenRows(g, f!, -1)
    expect(title(g, f)).toBe('Late')
    expect(moveBetweenRows(g, f!, -1)).toBeNull()
    // From the programme on air: what is on air in the next row.
    expect(title(g, moveBetweenRows(g, initialFocus(g, 0), 1))).toBe('Tonight')
  })

  it('keeps the focus on the same row and column in a rebuilt grid', () => {
    const before = grid(at('18:47'))
    const after = grid(at('19:02'))
    const f = refocus(after, { row: 1, cell: 3, column: at('19:30') })
    expect(title(after, f)).toBe('Interview')
    // A column that slid out of the window (the half hour turned): the row's first cell.
    const slid = refocus(after, { row: 0, cell: 0, column: at('18:35') })
    expect(title(after, slid)).toBe('Evening')
    expect(cellAt(before, 0, at('17:00'))).toBe(0)
  })
})

describe('the Guide\'s visible span and the way back to Live', async () => {
  const { viewStartFor, HALF_HOUR_MS, VIEW_SPAN_MS } = await import('../../src/guide/guide-grid')
  const { historyUpToLive } = await import('../../src/guide/back-to-live')

  it('keeps the span while the focused cell starts in it, else scrolls to its half hour, never past the end', () => {
    const g = { start: at('18:30'), end: at('18:30') + 6 * 3_600_000 }
    expect(hm(viewStartFor(g, at('19:00'), g.start))).toBe('18:30')
    expect(hm(viewStartFor(g, at('21:20'), g.start))).toBe('21:00')
    expect(hm(viewStartFor(g, at('19:40'), at('21:00')))).toBe('19:30')
    expect(hm(viewStartFor(g, at('23:50'), g.start))).toBe('21:30')
    expect(viewStartFor(g, at('17:00'), g.start)).toBe(g.start)
    expect(VIEW_SPAN_MS % HALF_HOUR_MS).toBe(0)
  })

  it('cuts the history back to where Live was left (from Live, from Browse), or says there is none', () => {
    expect(historyUpToLive([{ hash: 'live' }])).toEqual([{ hash: 'live' }])
    expect(historyUpToLive([{ hash: 'live' }, { hash: 'browse' }])).toEqual([{ hash: 'live' }])
    expect(historyUpToLive([{ hash: 'browse' }])).toBeNull()
  })
})
