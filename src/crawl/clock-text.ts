/** The crawl clock's text: 24-hour HH:MM in the TV's local time. */
export function formatClock(date: Date): string {
  const pad = (n: number) => (n < 10 ? '0' : '') + n
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`
}
