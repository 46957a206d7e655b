/**
 * The Settings row "Alert area": which area's alerts the viewer sees. The choices are the area as
 * set up (settings.json or `?area=`), then each geocode the alert source carries, named by its
 * area ("Los Angeles County (006037)"). Left/Right/OK step through them; the choice is kept
 * (SDK Storage) over settings.json for the next start, and `?area=` on the URL still wins for a
 * session. Pure, but for the store it is handed.
 */
import type { CapAlert, LatLon } from './cap-alert'
import { parseAreaText } from './alert-settings'
import type { KeyValueStore } from '../lib/key-value-store'
import { stepChoice, type SettingChange } from '../settings/settings-menu'

export const ALERT_AREA_ROW_LABEL = 'Alert area'
export const ALERT_AREA_KEY = 'alerts.area'

export type Area = string[] | LatLon

export interface AreaChoice {
  area: Area
  label: string
}

function areaText(area: Area): string {
  return Array.isArray(area) ? area.join(',') : `${area.lat},${area.lon}`
}

/** How the row names an area. */
export function areaLabel(area: Area, choices: readonly AreaChoice[] = []): string {
  const known = choices.find((c) => areaText(c.area) === areaText(area))
  if (known) return known.label
  if (Array.isArray(area)) return area.length ? area.join(', ') : 'None'
  return `${area.lat.toFixed(2)}, ${area.lon.toFixed(2)}`
}

/** The area as set up, then each geocode in the source's messages (once, by area name). */
export function areaChoices(messages: readonly CapAlert[], configured: Area): AreaChoice[] {
  const byCode = new Map<string, string>()
  for (const message of messages) {
    for (const info of message.infos) {
      for (const area of info.areas) {
        for (const geocode of area.geocodes) {
          if (!byCode.has(geocode.value)) byCode.set(geocode.value, area.description ? `${area.description} (${geocode.value})` : geocode.value)
        }
      }
    }
  }
  const fromFeed = [...byCode].map(([code, label]) => ({ area: [code], label })).sort((a, b) => a.label.localeCompare(b.label))
  const setUp = { area: configured, label: `${areaLabel(configured, fromFeed)} (set up)` }
  return [setUp, ...fromFeed.filter((c) => areaText(c.area) !== areaText(configured))]
}

/** The next choice from `current` (Left/Right stop at the ends, OK wraps). */
export function nextArea(choices: readonly AreaChoice[], current: Area, how: SettingChange): Area {
  const texts = choices.map((c) => areaText(c.area))
  const at = texts.indexOf(areaText(current))
  return choices[texts.indexOf(stepChoice(texts, texts[Math.max(0, at)]!, how))]!.area
}

export function loadAlertArea(store: KeyValueStore): Area | null {
  const text = store.get(ALERT_AREA_KEY)
  return text ? parseAreaText(text) : null
}

export function saveAlertArea(store: KeyValueStore, area: Area): void {
  store.set(ALERT_AREA_KEY, areaText(area))
}
