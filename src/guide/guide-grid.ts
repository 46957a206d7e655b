/**
 * The Guide's grid (docs/architecture.md, "Guide"): one row per configured channel, in the
 * configured order, and columns of time from the current half hour to `hours` later, reaching back
 * (at most MAX_BACK_HOURS) to the half hour of `from`, where the tuned channel's DVR window begins,
 * so programmes that have ended but can still be watched from their start are there too. Each row is
 * its programmes clipped to that window, and "No listing" cells where the schedule says nothing,
 * so a row always covers the whole window and focus always has somewhere to land.
 * Plain data: the GuidePage draws it, guide-focus.ts moves over it.
 */
import { nowNext } from '../schedule/now-next'
import type { Programme } from '../schedule/programme'

export const HALF_HOUR_MS = 30 * 60_000
export const GUIDE_HOURS = 6
/** How far back the grid reaches for a long DVR window. */
export const MAX_BACK_HOURS = 3
/** A sliver shorter than this is not a cell of its own (merged into "No listing" or dropped). */
const MIN_CELL_MS = 60_000

export interface GuideChannel {
  id: string
  number: number
  name: string
}

export interface GuideCell {
  /** The programme, or null for a "No listing" gap. */
  programme: Programme | null
  /** Where the cell is drawn: the programme's span clipped to the window (ms since the epoch). */
  start: number
  end: number
  /** On air now (the outlined cell). */
  current: boolean
}

export interface GuideRow {
  channel: GuideChannel
  cells: GuideCell[]
}

export interface GuideGrid {
  /** The window: the half hour of `from` (or the current one) … the current half hour + hours. */
  start: number
  end: number
  /** The current half hour's start: where the visible span starts when the Guide opens. */
  halfHour: number
  /** The instant the grid was built for. */
  now: number
  rows: GuideRow[]
}

/**
 * The start of the half hour holding `at`, in the TV's zone: `offsetMinutes` is the zone's offset
 * east of UTC at that instant (−Date#getTimezoneOffset), so a zone 45 minutes off the hour still
 * gets its :00 and :30 columns.
 */
export function halfHourStart(at: number, offsetMinutes = 0): number {
  const shifted = at + offsetMinutes * 60_000
  return shifted - (((shifted % HALF_HOUR_MS) + HALF_HOUR_MS) % HALF_HOUR_MS) - offsetMinutes * 60_000
}

/**
 * A row's cells over [start, end): the programmes in order, each clipped to the window; where two
 * overlap, the one `nowNext` prefers at the overlap's start wins it (the stream over the listing),
 * and the other keeps what is left; gaps become "No listing" cells.
 */
export function rowCells(programmes: readonly Programme[], start: number, end: number, now: number): GuideCell[] {
  const cells: GuideCell[] = []
  const within = programmes.filter((p) => p.end > start && p.start < end)
  let at = start
  while (at < end) {
    const on = nowNext(within, at)
    if (on.now) {
      // The winner at `at` holds until it ends or a programme that beats it starts.
      let until = Math.min(on.now.end, end)
      for (const p of within) if (p !== on.now && p.start > at && p.start < until && nowNext([on.now, p], p.start).now === p) until = p.start
      push(cells, { programme: on.now, start: at, end: until, current: on.now.start <= now && now < on.now.end })
      at = until
    } else {
      const until = Math.min(on.next ? on.next.start : end, end)
      push(cells, { programme: null, start: at, end: until, current: false })
      at = until
    }
  }
  return cells
}

/** Appends `cell`, merging it with the last one when both are the same programme (or both gaps), and dropping slivers. */
function push(cells: GuideCell[], cell: GuideCell): void {
  const last = cells[cells.length - 1]
  if (last && last.programme === cell.programme && last.end === cell.start) {
    last.end = cell.end
    return
  }
  if (cell.end - cell.start < MIN_CELL_MS) {
    // A sliver: the neighbour before takes its time (a gap of seconds between two listings).
    if (last && last.end === cell.start) last.end = cell.end
    else cells.push(cell)
    return
  }
  cells.push(cell)
}

export interface GridInput {
  channels: readonly GuideChannel[]
  /** Each channel's merged schedule (ChannelSchedules.programmes). */
  programmes: (channelId: string) => readonly Programme[]
  now: number
  hours?: number
  /** The TV zone's offset east of UTC, minutes (default: the engine's). */
  offsetMinutes?: number
  /** Reach back to this instant's half hour (the tuned channel's DVR window start); none: the current half hour. */
  from?: number | null
}

export function buildGuideGrid({ channels, programmes, now, hours = GUIDE_HOURS, offsetMinutes = -new Date(now).getTimezoneOffset(), from = null }: GridInput): GuideGrid {
  const halfHour = halfHourStart(now, offsetMinutes)
  const earliest = halfHour - MAX_BACK_HOURS * 3_600_000
  const start = from !== null && from < halfHour ? Math.max(earliest, halfHourStart(from, offsetMinutes)) : halfHour
  const end = halfHour + hours * 3_600_000
  return { start, end, halfHour, now, rows: channels.map((channel) => ({ channel, cells: rowCells(programmes(channel.id), start, end, now) })) }
}

/**
 * What the grid draws, as a string: equal for two grids whose cells, titles and on-air flags are the
 * same (a rebuild a minute later usually), so the page redraws, and focus and voice guidance move,
 * only when something a viewer sees has changed.
 */
export function gridLayoutKey(grid: GuideGrid): string {
  const rows = grid.rows.map((row) => `${row.channel.id}:` + row.cells.map((c) => `${c.start}-${c.end}${c.current ? '*' : ''}${c.programme ? c.programme.title : ''}`).join(','))
  return `${grid.start}/${grid.end}|${rows.join('|')}`
}

/** The half-hour marks of the ruler: start, start + 30 min, … (before the end). */
export function rulerMarks(grid: Pick<GuideGrid, 'start' | 'end'>): number[] {
  const marks: number[] = []
  for (let t = grid.start; t < grid.end; t += HALF_HOUR_MS) marks.push(t)
  return marks
}

/** The Guide shows this much of the 6 h at a time, and scrolls by the half hour to keep focus in view. */
export const VIEW_SPAN_MS = 3 * 3_600_000

/**
 * Where the visible span starts (a half-hour mark of the grid) so that a cell starting at
 * `cellStart` shows: kept while the cell starts inside it, else moved to the cell's half hour
 * (never past the point where the span would run beyond the grid's end).
 */
export function viewStartFor(grid: Pick<GuideGrid, 'start' | 'end'>, cellStart: number, current: number, span = VIEW_SPAN_MS): number {
  const latest = Math.max(grid.start, grid.end - span)
  const from = Math.max(grid.start, Math.min(current, latest))
  const at = Math.max(grid.start, Math.min(cellStart, grid.end))
  if (at >= from && at < from + span - HALF_HOUR_MS / 2) return from
  const mark = grid.start + Math.floor((at - grid.start) / HALF_HOUR_MS) * HALF_HOUR_MS
  return Math.min(mark, latest)
}
