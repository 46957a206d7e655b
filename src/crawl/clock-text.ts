/**
 * The crawl clock's text: HH:MM in the TV's time zone and its 12/24 h habit ("18:30" or
 * "6:30 PM"), the same way programme times are written (src/schedule/schedule-time.ts).
 */
import { programmeTimeFormatter, type TimeFormatOptions } from '../schedule/schedule-time'

/** Builds the clock's formatter once (Intl formatters are costly to make, cheap to use). */
export function clockFormatter(options: TimeFormatOptions = {}): (date: Date) => string {
  const format = programmeTimeFormatter(options)
  return (date) => format(date.getTime())
}
