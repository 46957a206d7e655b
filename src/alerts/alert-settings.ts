/**
 * `appSettings.alerts` and its URL overrides (`?alerts=<url>&area=<codes or lat,lon>`), read into
 * AlertSettings for readConfig (src/config/app-config.ts); defaults in DEFAULT_CONFIG.alerts.
 *   url           a CAP document or an Atom index of CAP entries (http(s), relative to the page); null: no alerts
 *   area          the viewer's geocodes (SAME, FIPS6, UGC values: ["006037"]) or a point {lat, lon}
 *   pollSeconds   how often the source is fetched
 *   minShowSeconds how long an urgent alert stays before OK may dismiss it
 * Bad values become ConfigIssues, as every other setting's do.
 */
import type { FieldReader, QueryReader } from '../config/field-readers'
import type { LatLon } from './cap-alert'
import type { ViewerArea } from './cap-area'

export interface AlertSettings {
  url: string | null
  area: string[] | LatLon
  pollSeconds: number
  minShowSeconds: number
}

/** A geocode: letters and digits only (SAME/FIPS6 "006037", UGC "CAZ041"). */
const GEOCODE = /^[A-Za-z0-9]{2,12}$/
const COORDINATE = /^-?\d{1,3}(?:\.\d+)?$/

/** "35.47,-97.52" (a point: a decimal point or a sign, which no geocode has) or "006037,CAZ041". */
export function parseAreaText(text: string): string[] | LatLon | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean)
  if (parts.length === 2 && parts.every((p) => COORDINATE.test(p)) && /[.-]/.test(text)) {
    return readPoint({ lat: Number(parts[0]), lon: Number(parts[1]) })
  }
  return parts.length > 0 && parts.every((p) => GEOCODE.test(p)) ? parts : null
}

function readPoint(value: { lat: unknown; lon: unknown }): LatLon | null {
  const { lat, lon } = value
  if (typeof lat !== 'number' || typeof lon !== 'number' || !isFinite(lat) || !isFinite(lon)) return null
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null
}

function readArea(alerts: FieldReader, fallback: string[] | LatLon): string[] | LatLon {
  const value = alerts.raw('area')
  if (value === undefined) return fallback
  if (typeof value === 'string') {
    const area = parseAreaText(value)
    if (area) return area
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' && GEOCODE.test(v.trim()))) return value.map((v: string) => v.trim())
  } else if (value && typeof value === 'object') {
    const point = readPoint(value as { lat: unknown; lon: unknown })
    if (point) return point
  }
  alerts.fail('area', value, 'a list of geocodes (["006037"]) or a point {"lat": 34.05, "lon": -118.24}')
  return fallback
}

export function readAlertSettings(alerts: FieldReader, params: QueryReader, base: string, d: Readonly<AlertSettings>): AlertSettings {
  const settings: AlertSettings = {
    url: alerts.url('url', d.url, base),
    area: readArea(alerts, Array.isArray(d.area) ? [...d.area] : d.area),
    pollSeconds: alerts.number('pollSeconds', d.pollSeconds, 10, 86400),
    minShowSeconds: alerts.number('minShowSeconds', d.minShowSeconds, 0, 600),
  }
  const url = params.url('alerts', base)
  if (url !== null) settings.url = url
  const areaText = params.text('area')
  if (areaText !== null) {
    const area = parseAreaText(areaText)
    if (area) settings.area = area
    else params.fail('area', areaText, 'geocodes (006037 or 006037,CAZ041) or a point (34.05,-118.24)')
  }
  return settings
}

/** The settings' area as the filter takes it (alerts-in-force.ts). */
export function viewerAreaOf(area: string[] | LatLon): ViewerArea {
  return Array.isArray(area) ? { codes: area } : { point: area }
}
