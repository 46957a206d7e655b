/**
 * What the screen does with the alerts in force (pure; times passed in):
 * - the urgent ones (Extreme, Severe) take the red bar over the picture, most severe first, one
 *   at a time; OK dismisses the one shown, but only once it has been up `minShowMs`; a dismissed
 *   alert does not come back (the next urgent one, if any, takes the bar);
 * - the rest (Moderate, Minor, Unknown) run in the crawl with a label (alertHeadlines).
 */
import { isUrgentSeverity } from './cap-alert'
import type { ShownAlert } from './alerts-in-force'
import type { Headline } from '../crawl/crawl-headlines'

export class AlertBoard {
  private inForce: ShownAlert[] = []
  private readonly dismissed = new Set<string>()
  private shown: ShownAlert | null = null
  private shownSince = 0

  constructor(private readonly minShowMs: number) {}

  /** The alerts in force now (alerts-in-force.ts). True when the bar now shows another alert (or none). */
  update(alerts: readonly ShownAlert[], now: number): boolean {
    this.inForce = alerts.slice()
    return this.pickBar(now)
  }

  get all(): readonly ShownAlert[] {
    return this.inForce
  }

  /** The alert on the red bar, or null. */
  get bar(): ShownAlert | null {
    return this.shown
  }

  /** The alerts for the crawl: in force and not urgent. */
  get crawl(): ShownAlert[] {
    return this.inForce.filter((a) => !isUrgentSeverity(a.severity))
  }

  canDismiss(now: number): boolean {
    return this.shown !== null && now - this.shownSince >= this.minShowMs
  }

  /** When OK may dismiss the bar (null: nothing to dismiss). */
  dismissableAt(): number | null {
    return this.shown ? this.shownSince + this.minShowMs : null
  }

  /** OK on the bar: false (nothing changes) before the minimum time. */
  dismiss(now: number): boolean {
    if (!this.shown || !this.canDismiss(now)) return false
    this.dismissed.add(this.shown.key)
    this.pickBar(now)
    return true
  }

  private pickBar(now: number): boolean {
    const next = this.inForce.find((a) => isUrgentSeverity(a.severity) && !this.dismissed.has(a.key)) ?? null
    const before = this.shown
    if (next?.key === before?.key) {
      this.shown = next // same alert, perhaps updated words
      return false
    }
    this.shown = next
    this.shownSince = now
    return true
  }
}

/** The label alerts carry in the crawl. */
export const ALERT_LABEL = 'ALERT'

/** The crawl's alert items, ahead of the news: "Wind Advisory: Wind Advisory until 6 PM (Orange County)". */
export function alertHeadlines(alerts: readonly ShownAlert[]): Headline[] {
  return alerts.map((a) => ({
    id: `alert:${a.key}`,
    text: [a.event && a.headline.indexOf(a.event) !== 0 ? `${a.event}: ${a.headline}` : a.headline, a.area ? `(${a.area})` : ''].filter(Boolean).join(' '),
    breaking: false,
    label: ALERT_LABEL,
  }))
}

/** What the bar, voice guidance and the snapshot say of an alert. */
export function alertSpeech(alert: ShownAlert): string {
  return [`Emergency alert. ${alert.event}.`, alert.headline, alert.area ? `Area: ${alert.area}.` : ''].filter(Boolean).join(' ')
}
