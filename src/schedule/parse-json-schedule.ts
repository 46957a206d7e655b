/**
 * A JSON schedule: `[{ "start": ISO time, "end": ISO time, "title": …, "description"?: … }]`
 * (settings.json inline, or a URL's body). Times must name their zone (`Z` or `±hh:mm`): a time
 * without one would mean whatever zone the TV is in. A bad entry is reported and skipped, never fatal.
 */
import { isRecord } from '../lib/values'
import { byStart, programme, type ParsedSchedule, type Programme, type ScheduleIssue } from './programme'

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i

/** An ISO 8601 date-time with its zone as an instant (ms), or null. */
export function parseIsoWithZone(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value.trim())) return null
  // Date.parse wants the offset's colon on older engines.
  const ms = Date.parse(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isFinite(ms) ? ms : null
}

export function parseJsonSchedule(value: unknown): ParsedSchedule {
  const issues: ScheduleIssue[] = []
  if (!Array.isArray(value)) return { programmes: [], issues: [{ where: 'schedule', message: 'not a list of programmes ([{start, end, title}])' }] }
  const programmes: Programme[] = []
  value.forEach((entry, index) => {
    const where = `entry ${index + 1}`
    if (!isRecord(entry)) return issues.push({ where, message: 'not an object' })
    const start = parseIsoWithZone(entry.start)
    const end = parseIsoWithZone(entry.end)
    const title = typeof entry.title === 'string' ? entry.title.trim() : ''
    if (start === null) return issues.push({ where, message: `start ${JSON.stringify(entry.start)} is not an ISO time with a zone (2025-12-01T18:30:00+01:00)` })
    if (end === null) return issues.push({ where, message: `end ${JSON.stringify(entry.end)} is not an ISO time with a zone (2025-12-01T19:00:00+01:00)` })
    if (end <= start) return issues.push({ where, message: 'end is not after start' })
    if (!title) return issues.push({ where, message: 'no title' })
    const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string).trim() : '')
    programmes.push(programme({ start, end, title, description: text('description'), category: text('category'), episode: text('episode'), rating: text('rating'), source: 'json' }))
  })
  return { programmes: programmes.sort(byStart), issues }
}
