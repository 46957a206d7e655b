/**
 * CAP text -> CapAlert[]. Two shapes are read (docs/architecture.md, "Alerts"):
 * - a CAP 1.2 (or 1.1) `<alert>` document;
 * - an Atom feed indexing alerts with `cap:` fields on each `<entry>` (cap:event, cap:severity,
 *   cap:effective, cap:expires, cap:areaDesc, cap:geocode, cap:polygon…), the shape national
 *   weather services publish; each entry becomes one alert with one info.
 * The XML is read as the feed's is (src/feed/xml-document.ts: the page's DOMParser, entity-bomb
 * refusal, lookups by local name and namespace). Pure: no fetch, no clock.
 */
import { FeedError } from '../feed/feed-error'
import { parseFeedDate } from '../feed/parse-feed-date'
import { ATOM, NS, childElements, childText, firstChild, parseXmlDocument, platformXml, type Namespaces, type XmlReader } from '../feed/xml-document'
import {
  capSeverity, type CapAlert, type CapArea, type CapCircle, type CapInfo, type CapReference, type CapValue, type LatLon,
} from './cap-alert'

export const CAP_NS = {
  v12: 'urn:oasis:names:tc:emergency:cap:1.2',
  v11: 'urn:oasis:names:tc:emergency:cap:1.1',
} as const
const CAP: Namespaces = [CAP_NS.v12, CAP_NS.v11]

/** Reads a CAP document or an Atom index of CAP entries; throws FeedError for anything else. */
export function parseCapText(text: string, xml: XmlReader = platformXml): CapAlert[] {
  if (!/[^\s\ufeff]/.test(text)) throw new FeedError('malformed', 'the alert source is empty')
  const root = parseXmlDocument(text, xml).documentElement
  if (root.localName === 'alert' && CAP.indexOf(root.namespaceURI) >= 0) return [readAlert(root)]
  if (root.localName === 'feed' && ATOM.indexOf(root.namespaceURI) >= 0) {
    return childElements(root, 'entry', ATOM).map(readAtomEntry)
  }
  throw new FeedError('unsupported', `not a CAP alert or an Atom index of alerts: the document is <${root.nodeName}>`)
}

function time(text: string): number | null {
  return text ? parseFeedDate(text) : null
}

function readAlert(alert: Element): CapAlert {
  return {
    identifier: childText(alert, 'identifier', CAP),
    sender: childText(alert, 'sender', CAP),
    sent: time(childText(alert, 'sent', CAP)),
    status: childText(alert, 'status', CAP),
    msgType: childText(alert, 'msgType', CAP),
    references: readReferences(childText(alert, 'references', CAP)),
    infos: childElements(alert, 'info', CAP).map(readInfo),
  }
}

/** "sender,identifier,sent" triples separated by white space (CAP 1.2 §3.2.1). */
export function readReferences(text: string): CapReference[] {
  const found: CapReference[] = []
  for (const triple of text.split(/\s+/)) {
    const parts = triple.split(',')
    if (parts.length !== 3 || !parts[0] || !parts[1]) continue
    found.push({ sender: parts[0], identifier: parts[1], sent: time(parts[2]!) })
  }
  return found
}

function readInfo(info: Element): CapInfo {
  return {
    language: childText(info, 'language', CAP) || 'en-US',
    event: childText(info, 'event', CAP),
    severity: capSeverity(childText(info, 'severity', CAP)),
    urgency: childText(info, 'urgency', CAP),
    certainty: childText(info, 'certainty', CAP),
    headline: childText(info, 'headline', CAP),
    description: childText(info, 'description', CAP),
    instruction: childText(info, 'instruction', CAP),
    effective: time(childText(info, 'effective', CAP)),
    onset: time(childText(info, 'onset', CAP)),
    expires: time(childText(info, 'expires', CAP)),
    areas: childElements(info, 'area', CAP).map(readArea),
  }
}

/**
 * The valueName/value pairs of each such child. Atom indexes put several pairs in one
 * cap:geocode, and their unprefixed valueName/value fall in the feed's (Atom) namespace, so pairs
 * are read in order by local name, whatever the namespace.
 */
function readValues(parent: Element, name: string): CapValue[] {
  const found: CapValue[] = []
  for (const holder of childElements(parent, name, CAP)) {
    let valueName = ''
    for (let child = holder.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue
      const text = (child.textContent ?? '').trim()
      const local = (child as Element).localName
      if (local === 'valueName') valueName = text
      else if (local === 'value' && text) found.push({ name: valueName, value: text })
    }
  }
  return found
}

function readArea(area: Element): CapArea {
  return {
    description: childText(area, 'areaDesc', CAP),
    geocodes: readValues(area, 'geocode'),
    polygons: textsOf(area, 'polygon', CAP).map(readPolygon).filter((p): p is LatLon[] => p !== null),
    circles: textsOf(area, 'circle', CAP).map(readCircle).filter((c): c is CapCircle => c !== null),
  }
}

function textsOf(parent: Element, name: string, namespaces: Namespaces): string[] {
  return childElements(parent, name, namespaces).map((el) => (el.textContent ?? '').trim()).filter(Boolean)
}

function readPoint(text: string): LatLon | null {
  const parts = text.split(',')
  if (parts.length !== 2) return null
  const lat = Number(parts[0])
  const lon = Number(parts[1])
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null
  return { lat, lon }
}

/** "lat,lon lat,lon …" (at least 3 distinct points), or null. */
export function readPolygon(text: string): LatLon[] | null {
  const points: LatLon[] = []
  for (const pair of text.trim().split(/\s+/)) {
    const point = readPoint(pair)
    if (!point) return null
    points.push(point)
  }
  return points.length >= 3 ? points : null
}

/** "lat,lon radiusKm", or null. */
export function readCircle(text: string): CapCircle | null {
  const [center, radius, extra] = text.trim().split(/\s+/)
  const point = center ? readPoint(center) : null
  const radiusKm = Number(radius)
  if (!point || extra !== undefined || !Number.isFinite(radiusKm) || radiusKm < 0) return null
  return { ...point, radiusKm }
}

const XML_LANG = NS.xml

/**
 * One Atom entry of an alert index: its cap: fields; the entry's title is the headline, its id the
 * identifier. Status and msgType default to Actual / Alert where the index leaves them out.
 */
function readAtomEntry(entry: Element): CapAlert {
  const geocodes: CapValue[] = readValues(entry, 'geocode')
  const area: CapArea = {
    description: childText(entry, 'areaDesc', CAP),
    geocodes,
    polygons: textsOf(entry, 'polygon', CAP).map(readPolygon).filter((p): p is LatLon[] => p !== null),
    circles: textsOf(entry, 'circle', CAP).map(readCircle).filter((c): c is CapCircle => c !== null),
  }
  const author = firstChild(entry, 'author', ATOM)
  const language = childText(entry, 'language', CAP) || entry.getAttributeNS(XML_LANG, 'lang') || (entry.parentNode as Element | null)?.getAttributeNS?.(XML_LANG, 'lang') || 'en-US'
  return {
    identifier: childText(entry, 'identifier', CAP) || childText(entry, 'id', ATOM),
    sender: childText(entry, 'sender', CAP) || (author ? childText(author, 'name', ATOM) : ''),
    sent: time(childText(entry, 'sent', CAP) || childText(entry, 'updated', ATOM) || childText(entry, 'published', ATOM)),
    status: childText(entry, 'status', CAP) || 'Actual',
    msgType: childText(entry, 'msgType', CAP) || 'Alert',
    references: readReferences(childText(entry, 'references', CAP)),
    infos: [
      {
        language,
        event: childText(entry, 'event', CAP),
        severity: capSeverity(childText(entry, 'severity', CAP)),
        urgency: childText(entry, 'urgency', CAP),
        certainty: childText(entry, 'certainty', CAP),
        headline: childText(entry, 'title', ATOM) || childText(entry, 'headline', CAP),
        description: childText(entry, 'summary', ATOM),
        instruction: childText(entry, 'instruction', CAP),
        effective: time(childText(entry, 'effective', CAP)),
        onset: time(childText(entry, 'onset', CAP)),
        expires: time(childText(entry, 'expires', CAP)),
        areas: [area],
      },
    ],
  }
}
