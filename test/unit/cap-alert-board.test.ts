// @vitest-environment jsdom
/** What the screen does with alerts in force: the bar, OK after the minimum time, the crawl (alert-board.ts, alert-service.ts). */
import { describe, expect, it } from 'vitest'
import { AlertBoard, alertHeadlines, ALERT_LABEL } from '../../src/alerts/alert-board'
import { AlertService } from '../../src/alerts/alert-service'
import type { ShownAlert } from '../../src/alerts/alerts-in-force'
import type { FeedFetch } from '../../src/feed/feed-http'
import { ManualClock } from '../../src/lib/clock'
import { crawlLabel } from '../../src/crawl/crawl-headlines'

const alert = (id: string, severity: ShownAlert['severity']): ShownAlert => ({
  key: id, id, event: `${id} event`, severity, headline: `${id} headline`, area: 'Los Angeles County', description: '', instruction: '', language: 'en-US', expires: null,
})

describe('AlertBoard', () => {
  it('puts the urgent alert on the bar and the rest in the crawl with the ALERT label', () => {
    const board = new AlertBoard(10_000)
    expect(board.update([alert('TOR', 'Extreme'), alert('WIND', 'Moderate'), alert('FROST', 'Minor')], 0)).toBe(true)
    expect(board.bar?.id).toBe('TOR')
    const lines = alertHeadlines(board.crawl)
    expect(lines.map((l) => [l.text, crawlLabel(l, 'BREAKING')])).toEqual([
      ['WIND event: WIND headline (Los Angeles County)', ALERT_LABEL],
      ['FROST event: FROST headline (Los Angeles County)', ALERT_LABEL],
    ])
  })

  it('OK dismisses only after the minimum time; the next urgent alert then takes the bar; a dismissed one never returns', () => {
    const board = new AlertBoard(10_000)
    board.update([alert('TOR', 'Extreme'), alert('FIRE', 'Severe')], 1_000)
    expect(board.dismiss(10_999)).toBe(false)
    expect(board.bar?.id).toBe('TOR')
    expect(board.dismiss(11_000)).toBe(true)
    expect(board.bar?.id).toBe('FIRE')
    expect(board.canDismiss(11_000)).toBe(false) // its own minimum time starts now
    expect(board.update([alert('TOR', 'Extreme'), alert('FIRE', 'Severe')], 12_000)).toBe(false)
    expect(board.bar?.id).toBe('FIRE')
  })

  it('the bar leaves when its alert is no longer in force', () => {
    const board = new AlertBoard(0)
    board.update([alert('TOR', 'Extreme')], 0)
    expect(board.update([], 5)).toBe(true)
    expect(board.bar).toBeNull()
  })
})

describe('AlertService', () => {
  const cap = (expires: string) => `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>TOR-1</identifier><sender>nws</sender>
    <sent>2026-12-01T08:00:00Z</sent><status>Actual</status><msgType>Alert</msgType><info><event>Tornado Warning</event>
    <severity>Extreme</severity><headline>Take cover now</headline><expires>${expires}</expires>
    <area><areaDesc>Los Angeles County</areaDesc><geocode><valueName>SAME</valueName><value>006037</value></geocode></area></info></alert>`
  const fetchOf = (text: string): FeedFetch => async () => ({
    status: 200,
    headers: { get: () => null },
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
  })
  const settle = () => new Promise((r) => setTimeout(r, 0))

  it('shows the polled alert for the area, says when OK may dismiss it, and drops it when it expires between polls', async () => {
    const clock = new ManualClock(Date.parse('2026-12-01T08:59:00Z'))
    const service = new AlertService({
      settings: { url: 'https://cap.example/a.xml', area: ['006037'], pollSeconds: 3600, minShowSeconds: 10 },
      language: 'en-US', clock, fetch: fetchOf(cap('2026-12-01T09:00:00Z')),
    })
    const changes: boolean[] = []
    service.events.on('changed', ({ barChanged }) => changes.push(barChanged))
    service.start()
    await settle()
    expect(service.current().map((a) => [a.id, a.event, a.severity, a.headline, a.area])).toEqual([
      ['TOR-1', 'Tornado Warning', 'Extreme', 'Take cover now', 'Los Angeles County'],
    ])
    expect(service.board.bar?.id).toBe('TOR-1')
    expect(service.dismiss()).toBe(false)
    clock.advance(10_000)
    expect(changes).toEqual([true, false]) // the second: OK may dismiss now (the hint shows)
    expect(service.canDismiss()).toBe(true)
    clock.advance(60_000) // past expires, before the next poll
    expect(service.current()).toEqual([])
    expect(service.board.bar).toBeNull()
    service.stop()
  })
})
