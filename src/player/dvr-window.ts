/**
 * The live playlist's DVR window in program date-time, and where in the media a program date-time
 * plays: from hls.js's fragments (`programDateTime`, `start`, `duration`). Native HLS gives no
 * program date-times: no window there. Used by LiveChannel (dvrWindow, watchFrom) for the Guide's
 * "Watch from start" (src/guide/watch-from-start.ts).
 */

/** A segment of the live playlist as hls.js knows it (the fields read here). */
export interface DatedFragment {
  /** Media time of its start (s), on the <video>'s timeline. */
  start: number
  /** Seconds. */
  duration: number
  /** Its EXT-X-PROGRAM-DATE-TIME (ms since the epoch), or null/undefined when the playlist gives none. */
  programDateTime?: number | null
}

/** The span of program date-time the live playlist still lists (ms since the epoch). */
export interface DvrWindow {
  start: number
  end: number
}

function dated(fragments: ReadonlyArray<DatedFragment | null | undefined>): DatedFragment[] {
  return fragments.filter((f): f is DatedFragment => !!f && typeof f.programDateTime === 'number' && isFinite(f.programDateTime) && f.duration > 0)
}

/** The program date-time span of `fragments` (first start … last end), or null without dates. */
export function dvrWindowOf(fragments: ReadonlyArray<DatedFragment | null | undefined>): DvrWindow | null {
  const list = dated(fragments)
  if (list.length === 0) return null
  const first = list[0]!
  const last = list[list.length - 1]!
  return { start: first.programDateTime!, end: last.programDateTime! + last.duration * 1000 }
}

/**
 * The media time (s) at which program date-time `at` plays: inside the fragment that holds it,
 * `start + (at − programDateTime)`; null when no fragment does (outside the window, or no dates).
 * Per fragment, not from one anchor: the playlist's discontinuities make the two clocks drift.
 */
export function mediaTimeAt(fragments: ReadonlyArray<DatedFragment | null | undefined>, at: number): number | null {
  for (const f of dated(fragments)) {
    const from = f.programDateTime!
    if (from <= at && at < from + f.duration * 1000) return f.start + (at - from) / 1000
  }
  return null
}

