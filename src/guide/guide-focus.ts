/**
 * Focus on the Guide's grid, by programme as every EPG does: ◄/► go to the previous/next cell of
 * the row; ▲/▼ go to the cell of the next row that covers the "time column" the viewer has been
 * moving along (not the focused cell's start, which would drift earlier row by row past long
 * programmes). The column is now at first, and each ◄/► sets it to the new cell's start (clipped
 * to the window, and never before now for the programme on air).
 */
import type { GuideGrid } from './guide-grid'

export interface GuideFocus {
  row: number
  cell: number
  /** The time column (ms since the epoch) ▲/▼ keep. */
  column: number
}

/** The index of the cell of `row` that covers `at` (the last one before it, or the first, when none does). */
export function cellAt(grid: GuideGrid, row: number, at: number): number {
  const cells = grid.rows[row]?.cells ?? []
  for (let i = 0; i < cells.length; i++) if (cells[i]!.start <= at && at < cells[i]!.end) return i
  if (cells.length === 0) return -1
  return at < cells[0]!.start ? 0 : cells.length - 1
}

/** Focus on `row`'s programme on air (the tuned channel's row when the Guide opens). */
export function initialFocus(grid: GuideGrid, row: number): GuideFocus {
  const r = Math.max(0, Math.min(row, grid.rows.length - 1))
  return { row: r, cell: cellAt(grid, r, grid.now), column: grid.now }
}

function columnOf(grid: GuideGrid, row: number, cell: number): number {
  const c = grid.rows[row]!.cells[cell]!
  return c.start <= grid.now && grid.now < c.end ? grid.now : c.start
}

/** ◄ (-1) / ► (+1): the previous/next cell of the row; null at the row's end (the key is not used). */
export function moveAlongRow(grid: GuideGrid, focus: GuideFocus, delta: -1 | 1): GuideFocus | null {
  const cells = grid.rows[focus.row]?.cells ?? []
  const cell = focus.cell + delta
  if (cell < 0 || cell >= cells.length) return null
  return { row: focus.row, cell, column: columnOf(grid, focus.row, cell) }
}

/** ▲ (-1) / ▼ (+1): the cell of the row above/below covering the time column; null past the first/last row. */
export function moveBetweenRows(grid: GuideGrid, focus: GuideFocus, delta: -1 | 1): GuideFocus | null {
  const row = focus.row + delta
  if (row < 0 || row >= grid.rows.length) return null
  const cell = cellAt(grid, row, focus.column)
  if (cell < 0) return null
  return { row, cell, column: focus.column }
}

/**
 * The same focus in a rebuilt grid (a schedule arrived, the half hour turned): the same row and the
 * cell covering the same column, or the first cell once the column has slid out of the window.
 */
export function refocus(grid: GuideGrid, focus: GuideFocus): GuideFocus {
  const row = Math.max(0, Math.min(focus.row, grid.rows.length - 1))
  const column = Math.max(focus.column, grid.start)
  return { row, cell: cellAt(grid, row, column), column }
}
