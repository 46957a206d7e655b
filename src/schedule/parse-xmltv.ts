/**
 * XMLTV (the listing format EPG tools speak: `<tv><channel id>…<programme start stop channel>`),
 * read into Programmes for one channel. Times are XMLTV's `YYYYMMDDhhmmss ±hhmm` (seconds and
 * minutes may be left off; no offset means UTC, as the XMLTV DTD says). A programme without
 * `stop` ends where the channel's next one starts; one with neither is dropped with an issue.
 */
import { parseXmlDocument, childElements, childText, platformXml, type XmlReader } from '../feed/xml-document'
import { byStart, programme, type ParsedSchedule, type Programme, type ScheduleIssue } from './programme'

const XMLTV_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?\s*(?:([+-])(\d{2}):?(\d{2})|Z|UTC|GMT)?$/i

/** An XMLTV time as an instant (ms), or null when it is not one. */
export function parseXmltvTime(text: string | null | undefined): number | null {
  const m = XMLTV_TIME.exec((text ?? '').trim())
  if (!m) return null
  const [, y, mo, d, h = '00', mi = '00', s = '00', sign, oh, om] = m
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s))
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0
  return utc - offset
}

export interface XmltvChannelMatch {
  /** The XMLTV channel id to take (settings.json `schedule.channel`); else the app's channel id. */
  xmltvId?: string | null
  /** The app's channel id and name: matched against `<channel id>` and its `<display-name>`s. */
  channelId: string
  channelName: string
}

/** Which XMLTV channel ids belong to the app's channel (see XmltvChannelMatch; one channel only: that one). */
function matchingIds(tv: Element, match: XmltvChannelMatch): Set<string> {
  if (match.xmltvId) return new Set([match.xmltvId])
  const ids = new Set([match.channelId])
  const channels = childElements(tv, 'channel', [null])
  const name = match.channelName.trim().toLowerCase()
  for (const channel of channels) {
    const id = channel.getAttribute('id') ?? ''
    const names = childElements(channel, 'display-name', [null]).map((n) => (n.textContent ?? '').trim().toLowerCase())
    if (name && names.includes(name)) ids.add(id)
  }
  if (channels.length === 1) ids.add(channels[0]!.getAttribute('id') ?? '')
  return ids
}

/** The channel's programmes in an XMLTV document; throws FeedError when the text is not XML at all. */
export function parseXmltv(text: string, match: XmltvChannelMatch, xml: XmlReader = platformXml): ParsedSchedule {
  const doc = parseXmlDocument(text, xml)
  const tv = doc.documentElement
  const issues: ScheduleIssue[] = []
  if (!tv || tv.localName !== 'tv') {
    return { programmes: [], issues: [{ where: 'document', message: `not XMLTV (the root is <${tv?.localName ?? 'nothing'}>, not <tv>)` }] }
  }
  const ids = matchingIds(tv, match)
  const read: { start: number; stop: number | null; fields: Omit<Programme, 'start' | 'end'>; where: string }[] = []
  childElements(tv, 'programme', [null]).forEach((el, index) => {
    if (!ids.has(el.getAttribute('channel') ?? '')) return
    const where = `programme ${index + 1}`
    const start = parseXmltvTime(el.getAttribute('start'))
    if (start === null) return issues.push({ where, message: `start "${el.getAttribute('start') ?? ''}" is not an XMLTV time (YYYYMMDDhhmmss +hhmm)` })
    const stopText = el.getAttribute('stop')
    const stop = stopText ? parseXmltvTime(stopText) : null
    if (stopText && stop === null) return issues.push({ where, message: `stop "${stopText}" is not an XMLTV time (YYYYMMDDhhmmss +hhmm)` })
    const title = childText(el, 'title', [null])
    if (!title) return issues.push({ where, message: 'no title' })
    const rating = childElements(el, 'rating', [null])[0]
    read.push({
      start,
      stop,
      where,
      fields: {
        title,
        description: childText(el, 'desc', [null]),
        category: childText(el, 'category', [null]),
        episode: childText(el, 'episode-num', [null]),
        rating: rating ? childText(rating, 'value', [null]) || (rating.textContent ?? '').trim() : '',
        source: 'xmltv',
      },
    })
  })
  read.sort((a, b) => a.start - b.start)
  const programmes: Programme[] = []
  read.forEach((p, i) => {
    const next = read.slice(i + 1).find((q) => q.start > p.start)
    const end = p.stop ?? next?.start ?? null
    if (end === null) return issues.push({ where: p.where, message: 'no stop and no later programme to end it' })
    if (end <= p.start) return issues.push({ where: p.where, message: 'stop is not after start' })
    programmes.push(programme({ ...p.fields, start: p.start, end }))
  })
  return { programmes: programmes.sort(byStart), issues }
}
