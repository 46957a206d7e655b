/**
 * Kiosk settings (`appSettings.kiosk`), typed and validated like the rest of the config: a bad
 * value becomes a ConfigIssue naming the field and the value, and its default is used, so a
 * lobby screen with a typo in its settings still runs. A few URL overrides let tests and QA see
 * in seconds what the shipped defaults do in minutes.
 */
import { FieldReader, QueryReader, type ConfigIssue } from '../config/field-readers'
import { DEFAULT_KIOSK_SETTINGS } from '../config/defaults'
import { keyMapFor } from '../input/key-map'
import type { Platform } from '../input/platform'

export interface KioskSettings {
  enabled: boolean
  /** Start-to-start period of the article spotlight. */
  spotlightEveryMinutes: number
  /** How long each spotlight stays up; always shorter than the period. */
  spotlightSeconds: number
  pixelShiftEveryMinutes: number
  /** The furthest static overlays move from home, in stage pixels (0 = no shift). */
  pixelShiftMaxPx: number
  /** Playback not `playing` this long, continuously → reload the app. */
  watchdogUnhealthyMinutes: number
  /** More fatal playback errors than this within an hour → reload the app. */
  watchdogMaxErrorsPerHour: number
  /** Local hour (0–23) of a daily reload, or null for none. */
  dailyReloadHour: number | null
  /** Key names (as in input/key-map) that unlock the kiosk for the session. */
  unlockSequence: string[]
}

/** Fractions of a minute are allowed (0.1 = 6 s), down to 3 s, so a test need not wait minutes. */
const MIN_PERIOD_MINUTES = 0.05
const MAX_PERIOD_MINUTES = 1440
const MAX_SEQUENCE_KEYS = 32
const PLATFORMS: Platform[] = ['tizen', 'webos', 'rdk', 'browser']

/** Every key name a remote or keyboard can produce on some platform: a typo here would lock staff out. */
function knownKeyNames(): Set<string> {
  const names = new Set<string>()
  for (const platform of PLATFORMS) for (const name of Object.values(keyMapFor(platform))) names.add(name)
  return names
}

export interface KioskSettingsResult {
  settings: KioskSettings
  issues: ConfigIssue[]
}

/**
 * Reads `appSettings.kiosk` (anything: it is validated here), then the URL's kiosk overrides
 * (`?kioskSpotlightSeconds=`, `?kioskSpotlightEvery=` minutes, `?kioskShiftEvery=` minutes) from
 * app-config's QueryReader. `?kiosk=1` itself stays with app-config, which turns `enabled` on.
 */
export function readKioskSettings(appSettingsKiosk: unknown, queryOrReader: QueryReader | string = ''): KioskSettingsResult {
  const query = typeof queryOrReader === 'string' ? new QueryReader(queryOrReader) : queryOrReader
  // Through a parent reader, so a kiosk value that is not an object is reported like any other child.
  // Issues go to the query's list: the config's one list, in the order the fields are read.
  const kiosk = new FieldReader({ kiosk: appSettingsKiosk }, 'appSettings', query.issues).child('kiosk')
  const d = DEFAULT_KIOSK_SETTINGS
  const settings: KioskSettings = {
    enabled: kiosk.boolean('enabled', d.enabled),
    spotlightEveryMinutes: kiosk.number('spotlightEveryMinutes', d.spotlightEveryMinutes, MIN_PERIOD_MINUTES, MAX_PERIOD_MINUTES),
    spotlightSeconds: kiosk.number('spotlightSeconds', d.spotlightSeconds, 1, 3600),
    pixelShiftEveryMinutes: kiosk.number('pixelShiftEveryMinutes', d.pixelShiftEveryMinutes, MIN_PERIOD_MINUTES, MAX_PERIOD_MINUTES),
    pixelShiftMaxPx: wholeNumber(kiosk, 'pixelShiftMaxPx', d.pixelShiftMaxPx, 0, 20),
    // At least a minute: a shorter leash would reload through an ordinary reconnect.
    watchdogUnhealthyMinutes: kiosk.number('watchdogUnhealthyMinutes', d.watchdogUnhealthyMinutes, 1, 1440),
    watchdogMaxErrorsPerHour: wholeNumber(kiosk, 'watchdogMaxErrorsPerHour', d.watchdogMaxErrorsPerHour, 1, 10_000),
    dailyReloadHour: dailyReloadHour(kiosk),
    unlockSequence: unlockSequence(kiosk),
  }
  const issues = kiosk.issues
  applyQuery(settings, query)
  if (settings.spotlightSeconds >= settings.spotlightEveryMinutes * 60) {
    const message =
      `appSettings.kiosk.spotlightSeconds must be shorter than spotlightEveryMinutes ` +
      `(${settings.spotlightEveryMinutes} min), got ${settings.spotlightSeconds}`
    issues.push({ field: 'appSettings.kiosk.spotlightSeconds', value: settings.spotlightSeconds, message })
    // Half the period: the spotlight still rotates, and the picture is clear half the time.
    settings.spotlightSeconds = (settings.spotlightEveryMinutes * 60) / 2
  }
  return { settings, issues }
}

function isWholeNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

function wholeNumber(reader: FieldReader, field: string, fallback: number, min: number, max: number): number {
  const value = reader.raw(field)
  if (value === undefined) return fallback
  if (isWholeNumber(value, min, max)) return value
  reader.fail(field, value, `a whole number from ${min} to ${max}`)
  return fallback
}

function dailyReloadHour(reader: FieldReader): number | null {
  const value = reader.raw('dailyReloadHour')
  if (value === undefined || value === null) return null
  if (isWholeNumber(value, 0, 23)) return value
  reader.fail('dailyReloadHour', value, 'null or a whole hour from 0 to 23')
  return null
}

function unlockSequence(reader: FieldReader): string[] {
  const value = reader.raw('unlockSequence')
  const fallback = DEFAULT_KIOSK_SETTINGS.unlockSequence.slice()
  if (value === undefined) return fallback
  const known = knownKeyNames()
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_SEQUENCE_KEYS &&
    value.every((name) => typeof name === 'string' && known.has(name))
  if (!valid) {
    reader.fail('unlockSequence', value, `a list of 1 to ${MAX_SEQUENCE_KEYS} key names (${Array.from(known).join(', ')})`)
    return fallback
  }
  return (value as string[]).slice()
}

function applyQuery(settings: KioskSettings, query: QueryReader): void {
  const seconds = query.number('kioskSpotlightSeconds', 1, 3600, 'seconds')
  if (seconds !== null) settings.spotlightSeconds = seconds
  const every = query.number('kioskSpotlightEvery', MIN_PERIOD_MINUTES, MAX_PERIOD_MINUTES, 'minutes')
  if (every !== null) settings.spotlightEveryMinutes = every
  const shift = query.number('kioskShiftEvery', MIN_PERIOD_MINUTES, MAX_PERIOD_MINUTES, 'minutes')
  if (shift !== null) settings.pixelShiftEveryMinutes = shift
}
