/**
 * Reading hls.js's parsed `EXT-X-DATERANGE` tags (a level's `details.dateRanges`), one way for
 * every reader: the stream's programmes (stream-programmes.ts), its story marks
 * (src/onair/article-ranges.ts), its SCTE-35 ad markers (src/ads/ad-markers.ts) and the watches
 * that collect them from hls.js.
 */

/** The part of hls.js's DateRange read here (tests hand in plain objects). */
export interface DateRangeLike {
  id: string
  class: string
  startDate: Date
  endDate: Date | null
  duration: number | null
  plannedDuration?: number | null
  attr: Record<string, unknown>
}

/** hls.js's `dateRanges` (id → range) as a list. */
export function dateRangeList<T>(record: Record<string, T | undefined> | null | undefined): T[] {
  const list: T[] = []
  if (record) for (const id of Object.keys(record)) if (record[id]) list.push(record[id]!)
  return list
}

/** An attribute (`X-TITLE`, `SCTE35-OUT`…) as trimmed text; null when absent, empty or not text. */
export function dateRangeAttr(attr: Record<string, unknown>, key: string): string | null {
  const value = attr[key]
  const trimmed = typeof value === 'string' ? value.trim() : ''
  return trimmed || null
}

/**
 * When a range starts and ends (ms since the epoch): it ends at `END-DATE`, else `START-DATE` +
 * `DURATION` (or `PLANNED-DURATION`); `end` null when it gives none (open). Null without a start.
 */
export function dateRangeTimes(range: Pick<DateRangeLike, 'startDate' | 'endDate' | 'plannedDuration'> & { duration?: number | null }): { start: number; end: number | null } | null {
  const start = range.startDate instanceof Date ? range.startDate.getTime() : NaN
  if (!Number.isFinite(start)) return null
  let end = range.endDate instanceof Date ? range.endDate.getTime() : NaN
  if (!Number.isFinite(end)) {
    const seconds = range.duration ?? range.plannedDuration ?? null
    end = seconds !== null && seconds > 0 ? start + seconds * 1000 : NaN
  }
  return { start, end: Number.isFinite(end) ? end : null }
}
