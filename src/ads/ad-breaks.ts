/**
 * Ad breaks in program date-time (pure): the markers of ad-markers.ts turned into breaks, kept
 * across playlist reloads (a live window slides past a break's CUE-OUT while the break goes on),
 * and whether an instant is in one.
 *
 * Rules, in time order: an `out` inside a break under way is the same break (duplicates, overlaps
 * and a CUE-OUT-CONT merge; a said end beats "not said", two said ends: the later); an `in` ends the
 * break under way at its instant, and is ignored with none under way; a break whose end is not said
 * lasts until an `in`, at most `OPEN_BREAK_CAP_MS`; an `in` and an `out` at one instant are the end
 * of one break and the start of the next.
 */
import type { AdMarker } from './ad-markers'

export interface AdBreak {
  start: number
  /** null: the stream has not said yet (until its CUE-IN, at most OPEN_BREAK_CAP_MS). */
  end: number | null
}

/** A break without a said end (CUE-OUT without duration, no CUE-IN yet) counts for at most this. */
export const OPEN_BREAK_CAP_MS = 5 * 60_000
/** Breaks kept once they are over, for a playhead that is behind the live edge. */
export const KEEP_BREAKS = 16

/** Where a break ends for the playhead: its said end, else its start plus the cap. */
export function breakEnd(adBreak: AdBreak, capMs = OPEN_BREAK_CAP_MS): number {
  return adBreak.end !== null ? adBreak.end : adBreak.start + capMs
}

/**
 * The breaks `known` (from earlier playlist loads) and `markers` (this load) announce together,
 * by start; at most the last `KEEP_BREAKS`.
 */
export function adBreaks(known: readonly AdBreak[], markers: readonly AdMarker[], capMs = OPEN_BREAK_CAP_MS): AdBreak[] {
  const events: AdMarker[] = [...known.map((b): AdMarker => ({ kind: 'out', start: b.start, end: b.end })), ...markers]
  const timeOf = (m: AdMarker) => (m.kind === 'out' ? m.start : m.at)
  // At one instant an `in` goes first: it ends the break before, the `out` starts the next.
  events.sort((a, b) => timeOf(a) - timeOf(b) || (a.kind === b.kind ? 0 : a.kind === 'in' ? -1 : 1))
  const breaks: AdBreak[] = []
  let current: AdBreak | null = null
  for (const m of events) {
    if (current && timeOf(m) >= breakEnd(current, capMs)) current = null
    if (m.kind === 'in') {
      if (current && current.start < m.at) current.end = m.at
      current = null
    } else if (current) {
      if (m.end !== null) current.end = current.end === null ? m.end : Math.max(current.end, m.end)
    } else {
      current = { start: m.start, end: m.end }
      breaks.push(current)
    }
  }
  return breaks.slice(-KEEP_BREAKS)
}

/** The break `atMs` is in, or null. */
export function breakAt(breaks: readonly AdBreak[], atMs: number, capMs = OPEN_BREAK_CAP_MS): AdBreak | null {
  for (const b of breaks) if (b.start <= atMs && atMs < breakEnd(b, capMs)) return b
  return null
}

export function sameBreaks(a: readonly AdBreak[], b: readonly AdBreak[]): boolean {
  return a.length === b.length && a.every((x, i) => x.start === b[i]!.start && x.end === b[i]!.end)
}
