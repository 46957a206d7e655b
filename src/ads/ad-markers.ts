/**
 * The ad markers a live media playlist carries, read from what hls.js hands over (pure; tests hand
 * in plain objects):
 *
 * - cue tags on segments (hls.js keeps tags it does not know in each fragment's `tagList`, as
 *   `[name, value]`): `#EXT-X-CUE-OUT:30` or `#EXT-X-CUE-OUT:DURATION=30` (a break starts at this
 *   segment's program date-time; no duration: until CUE-IN), `#EXT-X-CUE-OUT-CONT:ElapsedTime=5,Duration=30`
 *   (or `5/30`: a break under way, for a window that slid past its CUE-OUT), `#EXT-X-CUE-IN` (the
 *   programme is back at this segment);
 * - `EXT-X-DATERANGE` (hls.js's `details.dateRanges`) with `SCTE35-OUT` (a break from START-DATE to
 *   END-DATE, else DURATION, PLANNED-DURATION or the splice_insert's break_duration), `SCTE35-IN`
 *   on a range of its own (the programme is back at its START-DATE; the same ID as the OUT is merged
 *   by hls.js into the OUT's range, whose END-DATE then ends the break), or `SCTE35-CMD` with a
 *   splice_insert (out of network: a break; back in network: the end of one).
 *
 * Times are program date-time, ms since the epoch. Pairing, overlaps and the cap on breaks without
 * an end are ad-breaks.ts's.
 */
import { readSpliceInsert } from './scte35'
import { dateRangeAttr, dateRangeTimes } from '../schedule/date-range-fields'

/** A break starts at `start` and ends at `end` (null: not said yet, until an `in`). */
export interface AdOut {
  kind: 'out'
  start: number
  end: number | null
}

/** The programme is back at `at`. */
export interface AdIn {
  kind: 'in'
  at: number
}

export type AdMarker = AdOut | AdIn

/** The part of an hls.js Fragment read here. */
export interface SegmentLike {
  programDateTime: number | null
  tagList: string[][]
}

/** The part of an hls.js DateRange read here (the same shape src/schedule/stream-programmes.ts reads). */
export interface AdDateRangeLike {
  startDate: Date
  endDate: Date | null
  plannedDuration?: number | null
  attr: Record<string, unknown>
}

/** Seconds from a cue value: `30`, `30.000`, `DURATION=30`; null when there are none. */
export function cueOutSeconds(value: string | undefined): number | null {
  if (!value) return null
  const trimmed = value.trim()
  const named = /(?:^|,)\s*DURATION\s*=\s*"?([0-9.]+)/i.exec(trimmed)
  const raw = named ? named[1]! : /^[0-9.]+$/.test(trimmed) ? trimmed : ''
  const seconds = parseFloat(raw)
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null
}

/** `ElapsedTime=5,Duration=30` or `5/30` (elapsed/duration) → seconds; null without an elapsed time. */
export function cueOutCont(value: string | undefined): { elapsed: number; duration: number | null } | null {
  if (!value) return null
  const trimmed = value.trim()
  const slash = /^([0-9.]+)\s*\/\s*([0-9.]+)$/.exec(trimmed)
  const elapsed = parseFloat(slash ? slash[1]! : /(?:^|,)\s*ElapsedTime\s*=\s*"?([0-9.]+)/i.exec(trimmed)?.[1] ?? '')
  if (!Number.isFinite(elapsed) || elapsed < 0) return null
  const duration = parseFloat(slash ? slash[2]! : /(?:^|,)\s*Duration\s*=\s*"?([0-9.]+)/i.exec(trimmed)?.[1] ?? '')
  return { elapsed, duration: Number.isFinite(duration) && duration > 0 ? duration : null }
}

/** The cue tags of a playlist's segments, in playlist order. Segments without a date are skipped. */
export function cueMarkers(segments: Iterable<SegmentLike | null | undefined>): AdMarker[] {
  const markers: AdMarker[] = []
  for (const segment of segments) {
    if (!segment || typeof segment.programDateTime !== 'number' || !Number.isFinite(segment.programDateTime)) continue
    const at = segment.programDateTime
    for (const tag of segment.tagList || []) {
      const name = (tag[0] || '').trim().toUpperCase()
      if (name === 'EXT-X-CUE-OUT') {
        const seconds = cueOutSeconds(tag[1])
        markers.push({ kind: 'out', start: at, end: seconds !== null ? at + seconds * 1000 : null })
      } else if (name === 'EXT-X-CUE-OUT-CONT') {
        const cont = cueOutCont(tag[1])
        if (!cont) continue
        const start = at - Math.round(cont.elapsed * 1000)
        markers.push({ kind: 'out', start, end: cont.duration !== null ? start + cont.duration * 1000 : null })
      } else if (name === 'EXT-X-CUE-IN') {
        markers.push({ kind: 'in', at })
      }
    }
  }
  return markers
}

/** The SCTE-35 date ranges among `ranges` (hls.js's `details.dateRanges` values). */
export function dateRangeMarkers(ranges: Iterable<AdDateRangeLike | null | undefined>): AdMarker[] {
  const markers: AdMarker[] = []
  for (const range of ranges) {
    if (!range || !range.attr) continue
    const times = dateRangeTimes(range)
    if (!times) continue
    const start = times.start
    const outHex = dateRangeAttr(range.attr, 'SCTE35-OUT')
    const inHex = dateRangeAttr(range.attr, 'SCTE35-IN')
    const cmd = dateRangeAttr(range.attr, 'SCTE35-CMD')
    const cmdInsert = cmd ? readSpliceInsert(cmd) : null
    const isOut = !!outHex || (!inHex && !!cmdInsert && cmdInsert.outOfNetwork)
    if (isOut) {
      // END-DATE (hls.js folds DURATION into it), else PLANNED-DURATION, else the splice's break_duration.
      let end = times.end
      if (end === null) {
        const insert = (outHex ? readSpliceInsert(outHex) : null) ?? cmdInsert
        if (insert && insert.breakDurationSeconds) end = start + Math.round(insert.breakDurationSeconds * 1000)
      }
      markers.push({ kind: 'out', start, end: end !== null && end > start ? end : null })
    } else if (inHex || (cmdInsert && !cmdInsert.outOfNetwork)) {
      markers.push({ kind: 'in', at: start })
    }
  }
  return markers
}
