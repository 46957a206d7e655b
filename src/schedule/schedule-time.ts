/**
 * Programme times as the viewer reads them: in the TV's time zone and its 12/24 h habit. Both
 * default to the engine's (Intl's resolved zone and hour cycle); a caller (or a test) may name a
 * zone (`Europe/Berlin`) and force 12 h or 24 h. Old TV engines (Chromium 63) know `hour12` but
 * not `hourCycle`, so 24 h is asked for with both and the engine's "24:05" for midnight is turned
 * back into "00:05"; an unknown zone falls back to the engine's, and an engine without Intl to the
 * Date's own local hours. Nothing here throws.
 */
export interface TimeFormatOptions {
  /** An IANA zone; undefined: the TV's. */
  timeZone?: string
  /** true: 12 h (6:30 PM), false: 24 h (18:30), undefined: the TV's habit. */
  hour12?: boolean
  /** A BCP 47 locale; undefined: the TV's. */
  locale?: string
}

type Formatter = { format(date: Date): string }

function makeFormatter(options: TimeFormatOptions, withZone: boolean): Formatter | null {
  if (typeof Intl !== 'object' || typeof Intl.DateTimeFormat !== 'function') return null
  const intl: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' }
  if (withZone && options.timeZone) intl.timeZone = options.timeZone
  if (options.hour12 === undefined) {
    // The locale's own habit: a 24 h one writes the hour with two digits ("00:55", not "0:55").
    const habit = new Intl.DateTimeFormat(options.locale, intl).resolvedOptions() as { hour12?: boolean }
    if (habit.hour12 === false) intl.hour = '2-digit'
    return new Intl.DateTimeFormat(options.locale, intl)
  }
  intl.hourCycle = options.hour12 ? 'h12' : 'h23'
  // hour12 overrides hourCycle where both are known; only engines without hourCycle need it.
  const probe = new Intl.DateTimeFormat(options.locale, intl).resolvedOptions() as { hourCycle?: string }
  if (!probe.hourCycle) intl.hour12 = options.hour12
  if (options.hour12 === false) intl.hour = '2-digit'
  return new Intl.DateTimeFormat(options.locale, intl)
}

function formatterFor(options: TimeFormatOptions): Formatter | null {
  try {
    return makeFormatter(options, true)
  } catch {
    try {
      // An unknown zone or locale (RangeError): the engine's own.
      return makeFormatter({ hour12: options.hour12 }, false)
    } catch {
      return null
    }
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function localFallback(date: Date, hour12: boolean | undefined): string {
  const h = date.getHours()
  const m = pad(date.getMinutes())
  if (hour12) return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`
  return `${pad(h)}:${m}`
}

/** A formatter of instants (ms) as "18:30" / "6:30 PM". Build once, use per programme. */
export function programmeTimeFormatter(options: TimeFormatOptions = {}): (ms: number) => string {
  const formatter = formatterFor(options)
  return (ms) => {
    const date = new Date(ms)
    if (!formatter) return localFallback(date, options.hour12)
    try {
      const text = formatter.format(date)
      return options.hour12 === true ? text : text.replace(/^24(?=\D)/, '00')
    } catch {
      return localFallback(date, options.hour12)
    }
  }
}

/** "18:30 – 19:00". */
export function programmeSpan(format: (ms: number) => string, p: { start: number; end: number }): string {
  return `${format(p.start)} – ${format(p.end)}`
}
