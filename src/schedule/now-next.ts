/**
 * What is on now and what comes next at an instant. In a gap nothing is on (`now` null) and
 * `next` is the next to start. Where programmes overlap, the stream's wins, then the later start
 * (the listing's newer entry); `next` is the first to start after the instant.
 */
import type { Programme } from './programme'

export interface NowNext {
  now: Programme | null
  next: Programme | null
}

function beats(a: Programme, b: Programme): boolean {
  if ((a.source === 'stream') !== (b.source === 'stream')) return a.source === 'stream'
  return a.start > b.start
}

export function nowNext(programmes: readonly Programme[], at: number): NowNext {
  let now: Programme | null = null
  let next: Programme | null = null
  for (const p of programmes) {
    if (p.start <= at && at < p.end) {
      if (!now || beats(p, now)) now = p
    } else if (p.start > at && (!next || p.start < next.start || (p.start === next.start && beats(p, next)))) {
      next = p
    }
  }
  return { now, next }
}

/** How far through `p` the instant is, 0..1. */
export function progressThrough(p: Programme, at: number): number {
  return Math.min(1, Math.max(0, (at - p.start) / (p.end - p.start)))
}
