/**
 * Which CAP alerts a viewer sees now (pure, clock injected as `now`):
 * - status Actual only (Test, Exercise, System, Draft never reach the screen);
 * - msgType Alert or Update (a Cancel, Ack or Error is not itself shown);
 * - not cancelled or superseded: a Cancel or Update that lists the alert in its <references>
 *   (sender, identifier, sent) removes it;
 * - for the viewer's area (cap-area.ts);
 * - in force: effective (else onset, else sent) ≤ now < expires; an info without expires is
 *   kept for NO_EXPIRY_LIFETIME_MS after it took effect, so a forgotten alert does not stay forever;
 * - one <info> per alert, in the viewer's language: the same tag, else the same language, else
 *   English, else the first.
 * Most severe first, then newest.
 */
import { severityRank, type CapAlert, type CapInfo, type CapSeverity } from './cap-alert'
import { viewerInArea, type ViewerArea } from './cap-area'

export const NO_EXPIRY_LIFETIME_MS = 24 * 3600_000

/** What the screen, voice and automation snapshot need of an alert. */
export interface ShownAlert {
  /** sender,identifier,sent: unique per message (CAP 1.2 §3.2.1). */
  key: string
  id: string
  event: string
  severity: CapSeverity
  headline: string
  /** The areas' descriptions that contain the viewer, joined. */
  area: string
  description: string
  instruction: string
  language: string
  expires: number | null
}

export interface AlertFilter {
  now: number
  viewer: ViewerArea
  /** The viewer's language tag ("es-US", "fr"). */
  language: string
}

function keyOf(sender: string, identifier: string, sent: number | null): string {
  return `${sender}\u0001${identifier}\u0001${sent ?? ''}`
}

function inForce(info: CapInfo, sent: number | null, now: number): boolean {
  const start = info.effective ?? info.onset ?? sent
  if (start !== null && now < start) return false
  const end = info.expires ?? (start !== null ? start + NO_EXPIRY_LIFETIME_MS : null)
  return end === null || now < end
}

/** The info in the viewer's language: exact tag, then same primary language, then English, then the first. */
export function pickInfo<T extends { language: string }>(infos: readonly T[], language: string): T | null {
  const tag = language.toLowerCase()
  const primary = tag.split('-')[0]
  const lang = (info: T) => info.language.toLowerCase()
  return (
    infos.find((i) => lang(i) === tag) ??
    infos.find((i) => lang(i).split('-')[0] === primary) ??
    infos.find((i) => lang(i).split('-')[0] === 'en') ??
    infos[0] ??
    null
  )
}

export function alertsInForce(alerts: readonly CapAlert[], filter: AlertFilter): ShownAlert[] {
  const withdrawn = new Set<string>()
  for (const alert of alerts) {
    if (alert.msgType !== 'Cancel' && alert.msgType !== 'Update') continue
    for (const ref of alert.references) withdrawn.add(keyOf(ref.sender, ref.identifier, ref.sent))
  }
  const shown: ShownAlert[] = []
  const seen = new Set<string>()
  for (const alert of alerts) {
    if (alert.status !== 'Actual') continue
    if (alert.msgType !== 'Alert' && alert.msgType !== 'Update') continue
    const key = keyOf(alert.sender, alert.identifier, alert.sent)
    if (withdrawn.has(key) || seen.has(key)) continue
    const relevant = alert.infos.filter((info) => inForce(info, alert.sent, filter.now) && info.areas.some((a) => viewerInArea(a, filter.viewer)))
    const info = pickInfo(relevant, filter.language)
    if (!info) continue
    seen.add(key)
    shown.push({
      key,
      id: alert.identifier,
      event: info.event,
      severity: info.severity,
      headline: info.headline || info.event,
      area: info.areas.filter((a) => viewerInArea(a, filter.viewer)).map((a) => a.description).filter(Boolean).join('; '),
      description: info.description,
      instruction: info.instruction,
      language: info.language,
      expires: info.expires,
    })
  }
  const sentOf = new Map(alerts.map((a) => [keyOf(a.sender, a.identifier, a.sent), a.sent ?? 0]))
  return shown.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (sentOf.get(b.key) ?? 0) - (sentOf.get(a.key) ?? 0))
}
