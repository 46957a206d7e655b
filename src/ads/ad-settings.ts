/**
 * `appSettings.ads`: `{ label: false | true | "text" }`, the label on the picture during an ad
 * break (src/player/ad-break-watch.ts). Off by default: a broadcaster's own breaks are marked by
 * its stings; where a rule or a partner asks for a label on screen, `true` shows "Ad" and a text
 * shows that text (up to `MAX_LABEL_LENGTH` characters, e.g. "Advertisement", "Anzeige").
 * `?adLabel=1|0|text` overrides it for the session (tests, a demo).
 */
import { readFlag, type FieldReader, type QueryReader } from '../config/field-readers'

export interface AdSettings {
  /** The label's text during a break; null: none. */
  label: string | null
}

export const DEFAULT_AD_LABEL = 'Ad'
export const MAX_LABEL_LENGTH = 24
const EXPECTED = `true, false or a text of 1 to ${MAX_LABEL_LENGTH} characters`

function labelOf(value: unknown): string | null | undefined {
  if (value === true) return DEFAULT_AD_LABEL
  if (value === false) return null
  if (typeof value === 'string' && value.trim() !== '' && value.trim().length <= MAX_LABEL_LENGTH) return value.trim()
  return undefined
}

/** Reads `ads` (a FieldReader on it) and `?adLabel=`; a bad value keeps the earlier one and names its field. */
export function readAdSettings(ads: FieldReader, params: QueryReader, defaults: AdSettings): AdSettings {
  let label = defaults.label
  const raw = ads.raw('label')
  if (raw !== undefined) {
    const read = labelOf(raw)
    if (read === undefined) ads.fail('label', raw, EXPECTED)
    else label = read
  }
  const query = params.text('adLabel')
  if (query !== null) {
    const flag = readFlag(query)
    const read = flag === true ? DEFAULT_AD_LABEL : flag === false ? null : labelOf(query)
    if (read === undefined) params.fail('adLabel', query, `1, 0 or a text of 1 to ${MAX_LABEL_LENGTH} characters`)
    else label = read
  }
  return { label }
}
