/**
 * What the channel banner and the info overlay say about the programme: "18:30 – 19:00  Evening
 * Bulletin", "Next 19:00  Sports Desk", how far through it is (the progress bar); and the
 * automation snapshot's `programme`.
 */
import { progressThrough, type NowNext } from './now-next'
import { programmeSpan } from './schedule-time'

export interface ProgrammeLines {
  /** The programme on air with its times, or "No programme information" in a gap. */
  now: string
  /** "Next 19:00  Sports Desk", or '' when nothing follows. */
  next: string
  /** 0..1 through the programme on air; null in a gap (no bar). */
  progress: number | null
}

export function programmeLines(nn: NowNext | null, at: number, format: (ms: number) => string): ProgrammeLines | null {
  if (!nn || (!nn.now && !nn.next)) return null
  return {
    now: nn.now ? `${programmeSpan(format, nn.now)}  ${nn.now.title}` : 'No programme information',
    next: nn.next ? `Next ${format(nn.next.start)}  ${nn.next.title}` : '',
    progress: nn.now ? progressThrough(nn.now, at) : null,
  }
}

export interface SnapshotProgramme {
  now: { title: string; start: string; end: string } | null
  next: { title: string; start: string; end: string } | null
}

export function snapshotProgramme(nn: NowNext | null): SnapshotProgramme | null {
  if (!nn || (!nn.now && !nn.next)) return null
  const entry = (p: NowNext['now']) => (p ? { title: p.title, start: new Date(p.start).toISOString(), end: new Date(p.end).toISOString() } : null)
  return { now: entry(nn.now), next: entry(nn.next) }
}
