/**
 * One schedule from the listing (XMLTV or JSON) and the stream's own programmes: the stream wins
 * where both cover the same time. A listing programme the stream overlaps is cut to the time the
 * stream leaves free (split in two when a stream programme sits inside it); the stream's run whole.
 */
import { byStart, type Programme } from './programme'

export function mergeSchedules(listing: readonly Programme[], stream: readonly Programme[]): Programme[] {
  if (stream.length === 0) return listing.slice().sort(byStart)
  const merged: Programme[] = stream.slice()
  const covers = stream.slice().sort(byStart)
  for (const p of listing) {
    let pieces: Programme[] = [p]
    for (const s of covers) {
      pieces = pieces.flatMap((piece) => {
        if (s.end <= piece.start || s.start >= piece.end) return [piece]
        const left = s.start > piece.start ? [{ ...piece, end: s.start }] : []
        const right = s.end < piece.end ? [{ ...piece, start: s.end }] : []
        return [...left, ...right]
      })
    }
    merged.push(...pieces)
  }
  return merged.sort(byStart)
}
