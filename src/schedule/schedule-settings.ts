/**
 * A channel's `schedule` in settings.json (`appSettings.channels[].schedule`), read by readConfig:
 * - a URL (string): an XMLTV document or a JSON list, told apart by the body when it is fetched;
 * - `{ "url": …, "channel": "xmltv-id" }`: the same, naming the XMLTV channel to take;
 * - a JSON list `[{start, end, title, description}]` inline.
 * Each bad value becomes a ConfigIssue; a bad inline entry is reported and the rest kept.
 * The stream's own EXT-X-DATERANGE programmes need no setting (stream-programmes.ts).
 */
import { FieldReader } from '../config/field-readers'
import { isRecord } from '../lib/values'
import { parseJsonSchedule } from './parse-json-schedule'
import type { Programme } from './programme'

export interface ChannelSchedule {
  /** Where the listing is fetched from (refreshed), or null for an inline list only. */
  url: string | null
  /** The XMLTV channel id to take; null: matched by the channel's id or name (parse-xmltv.ts). */
  xmltvId: string | null
  /** The inline list's programmes. */
  programmes: Programme[]
}

/** The `schedule` field of a channel (`reader` reads that channel object), or null when there is none. */
export function readChannelSchedule(reader: FieldReader, base: string): ChannelSchedule | null {
  const value = reader.raw('schedule')
  if (value === undefined || value === null) return null
  if (typeof value === 'string') {
    const url = reader.url('schedule', null, base)
    return url ? { url, xmltvId: null, programmes: [] } : null
  }
  if (Array.isArray(value)) {
    const { programmes, issues } = parseJsonSchedule(value)
    for (const issue of issues) {
      // "entry 2" → schedule[1], with that entry as the value shown.
      const index = Number(/\d+/.exec(issue.where)?.[0] ?? 0) - 1
      reader.fail(`schedule[${index}]`, value[index], `a programme {start, end, title} (${issue.message})`)
    }
    return { url: null, xmltvId: null, programmes }
  }
  if (isRecord(value)) {
    const inner = reader.child('schedule')
    const url = inner.url('url', null, base)
    const xmltvId = inner.string('channel', '', { nonEmpty: true }) || null
    if (!url) {
      if (value.url === undefined) reader.fail('schedule', value, 'a URL, {url, channel} or a list of programmes')
      return null
    }
    return { url, xmltvId, programmes: [] }
  }
  reader.fail('schedule', value, 'a URL, {url, channel} or a list of programmes')
  return null
}
