/**
 * The CAP 1.2 (OASIS Common Alerting Protocol) message as the app reads it: only the fields that
 * decide whether an alert is shown (status, time, area, cancellation) and what it says. Read by
 * parse-cap.ts, filtered by alerts-in-force.ts (docs/architecture.md, "Alerts").
 */
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown'

/** A CAP <geocode> (or <eventCode>) pair: SAME, FIPS6, UGC… and its value. */
export interface CapValue {
  name: string
  value: string
}

/** A point, degrees (WGS 84, as CAP gives them). */
export interface LatLon {
  lat: number
  lon: number
}

export interface CapCircle extends LatLon {
  radiusKm: number
}

export interface CapArea {
  description: string
  geocodes: CapValue[]
  /** Each polygon's points; CAP closes them (first = last), a missing closing point is tolerated. */
  polygons: LatLon[][]
  circles: CapCircle[]
}

export interface CapInfo {
  /** RFC 3066 tag; CAP's default is en-US. */
  language: string
  event: string
  severity: CapSeverity
  urgency: string
  certainty: string
  headline: string
  description: string
  instruction: string
  /** ms since the epoch, or null when absent (or unreadable). */
  effective: number | null
  onset: number | null
  expires: number | null
  areas: CapArea[]
}

/** A <references> entry: the message it updates or cancels. */
export interface CapReference {
  sender: string
  identifier: string
  sent: number | null
}

export type CapStatus = 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft' | string
export type CapMsgType = 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error' | string

export interface CapAlert {
  identifier: string
  sender: string
  sent: number | null
  status: CapStatus
  msgType: CapMsgType
  references: CapReference[]
  infos: CapInfo[]
}

const SEVERITIES: readonly CapSeverity[] = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']

/** A severity from the wire (any case); anything else is Unknown. */
export function capSeverity(text: string): CapSeverity {
  const found = SEVERITIES.find((s) => s.toLowerCase() === text.trim().toLowerCase())
  return found ?? 'Unknown'
}

/** Extreme 0 … Unknown 4: for sorting, most severe first. */
export function severityRank(severity: CapSeverity): number {
  return SEVERITIES.indexOf(severity)
}

/** Extreme and Severe take the red bar over the picture; the rest go into the crawl. */
export function isUrgentSeverity(severity: CapSeverity): boolean {
  return severity === 'Extreme' || severity === 'Severe'
}
