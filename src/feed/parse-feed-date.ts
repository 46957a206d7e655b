/**
 * Feed dates -> ms since the epoch, or null; never NaN. RSS uses RFC 822 ("Wed, 19 Nov 2025
 * 14:38:00 EST"), Atom/JSON Feed and dc:date use RFC 3339. Both are read here by pattern, because
 * `Date.parse` of anything but ISO is implementation-defined and TV engines differ; it is only the
 * last resort for the odd formats feeds invent.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
}

const RFC822 =
  /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/

/** Minutes east of UTC for "+0530", "-07:00", "-07", "EST", "Z"; unknown names count as UTC. */
function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone) return 0
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0))
  return (ZONES[zone.toUpperCase()] ?? 0) * 60
}

/** Builds the time only if every field is in range, so "31 Feb" or "25:00" give null. */
function utcTime(year: number, month: number, day: number, h: number, m: number, s: number, ms: number, offsetMin: number): number | null {
  if (month < 1 || month > 12 || day < 1 || h > 23 || m > 59 || s > 60) return null
  const time = Date.UTC(year, month - 1, day, h, m, Math.min(s, 59), ms)
  if (!isFinite(time) || new Date(time).getUTCDate() !== day) return null
  return time - offsetMin * 60_000
}

export function parseFeedDate(value: string | null | undefined): number | null {
  const text = (value ?? '').trim()
  if (!text) return null
  const iso = ISO8601.exec(text)
  if (iso) {
    const fraction = iso[7] ? Math.round(Number('0.' + iso[7]) * 1000) : 0
    // A time with no zone: feeds mean UTC far more often than the TV's local zone.
    return utcTime(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), fraction, zoneOffsetMinutes(iso[8]))
  }
  const rfc = RFC822.exec(text)
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.slice(0, 3).toLowerCase()) + 1
    if (month === 0) return null
    let year = +rfc[3]!
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900
    return utcTime(year, month, +rfc[1]!, +(rfc[4] ?? 0), +(rfc[5] ?? 0), +(rfc[6] ?? 0), 0, zoneOffsetMinutes(rfc[7]))
  }
  // V8 reads "12345" as the year 12345; a loose date must at least carry a plausible year.
  const loose = /\b(19|2\d)\d\d\b/.test(text) ? Date.parse(text) : NaN
  return isFinite(loose) ? loose : null
}
