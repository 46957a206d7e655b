/**
 * A fetched listing's text as programmes: XMLTV when it starts with markup, else a JSON list.
 * And the fetch itself: only CORS-safelisted headers (no preflight, as for the feed:
 * src/feed/feed-http.ts), the body read no further than the cap, decoded by its charset.
 */
import { readCappedBody, type FeedFetch } from '../feed/feed-http'
import { decodeFeedBytes } from '../feed/decode-feed-bytes'
import { platformXml, type XmlReader } from '../feed/xml-document'
import { parseXmltv, type XmltvChannelMatch } from './parse-xmltv'
import { parseJsonSchedule } from './parse-json-schedule'
import type { ParsedSchedule } from './programme'

/** XMLTV, then JSON, then anything: short and plain enough to stay a safelisted Accept. */
export const SCHEDULE_ACCEPT = 'application/xml,text/xml,application/json;q=0.9,*/*;q=0.8'

export function readListing(text: string, match: XmltvChannelMatch, xml: XmlReader = platformXml): ParsedSchedule {
  const first = /[^\s\ufeff]/.exec(text)?.[0]
  if (first === '<') return parseXmltv(text, match, xml)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { programmes: [], issues: [{ where: 'document', message: 'neither XMLTV nor a JSON list of programmes' }] }
  }
  return parseJsonSchedule(value)
}

export async function fetchListingText(fetch: FeedFetch, url: string, maxBytes: number, timeoutMs: number): Promise<string> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : null
  try {
    const response = await fetch(url, { headers: { Accept: SCHEDULE_ACCEPT }, signal: controller?.signal, cache: 'no-cache' })
    if (response.status < 200 || response.status > 299) throw new Error(`the schedule answered HTTP ${response.status}`)
    const bytes = await readCappedBody(response, maxBytes, controller)
    return decodeFeedBytes(bytes, response.headers.get('Content-Type'))
  } finally {
    if (timer !== null) clearTimeout(timer)
  }
}
