/**
 * A programme on a channel's schedule, from whichever source said so (docs/architecture.md,
 * "Programme schedule"). Times are instants (ms since the epoch): a schedule's own time zones are
 * read away when it is parsed, and only formatting (schedule-time.ts) knows the TV's zone.
 */
export type ProgrammeSource = 'xmltv' | 'json' | 'stream'

export interface Programme {
  /** Start, inclusive (ms since the epoch). */
  start: number
  /** End, exclusive (ms since the epoch); always after start. */
  end: number
  title: string
  description: string
  category: string
  /** XMLTV's episode-num (as given), or the stream's X-EPISODE. */
  episode: string
  rating: string
  source: ProgrammeSource
}

/** A programme the parser could not use, and why: reported (console, config panel), never fatal. */
export interface ScheduleIssue {
  /** Where: "programme 3", "entry 2". */
  where: string
  message: string
}

export interface ParsedSchedule {
  programmes: Programme[]
  issues: ScheduleIssue[]
}

export function programme(fields: Partial<Programme> & Pick<Programme, 'start' | 'end' | 'title' | 'source'>): Programme {
  return { description: '', category: '', episode: '', rating: '', ...fields }
}

/** By start, then by end. */
export function byStart(a: Programme, b: Programme): number {
  return a.start - b.start || a.end - b.end
}
