/** How a story's time reads on a tile and on the article page. `now` is injected, so tests can set the time. */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * "5 min ago", "3 h ago", "2 days ago"; "just now" for the last minute and for times a little in
 * the future (a newsroom clock ahead of the TV's); '' when the feed gave no date.
 */
export function timeAgo(published: number | null, now: number): string {
  if (published === null) return ''
  const age = now - published
  if (age < MINUTE) return 'just now'
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`
  const days = Math.floor(age / DAY)
  return days === 1 ? '1 day ago' : `${days} days ago`
}

/** "19 Nov 2025, 14:38" in the TV's time zone (or `timeZone`); '' when the feed gave no date. */
export function formatPublished(published: number | null, timeZone?: string): string {
  if (published === null) return ''
  const date = new Date(published)
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone }
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }
  return `${date.toLocaleDateString('en-GB', options)}, ${date.toLocaleTimeString('en-GB', time)}`
}
