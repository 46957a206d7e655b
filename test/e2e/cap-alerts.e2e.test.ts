/**
 * Emergency alerts from CAP in Chromium: a host on another origin (CORS "*") serves a CAP 1.2
 * alert for Los Angeles County (SAME 006037), one for Orange County (006059), and an Atom index
 * of both. The app, told `?alerts=<url>&area=006037`, shows the Los Angeles alert on the red bar
 * and in the snapshot's `alerts`, and never the Orange County one.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { eventually, snapshot, untilUiReady } from './browser'
import { useDemoInChromium } from './demo'
import { recordSpeech, spokenSoFar } from './speech'
import { checkLegibility } from './legibility'

const demo = useDemoInChromium()
const iso = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')

const LA = { id: 'LA-TOR-1', event: 'Tornado Warning', headline: 'Tornado Warning for Los Angeles County: take cover', area: 'Los Angeles County', code: '006037' }
const OC = { id: 'OC-FIRE-1', event: 'Fire Warning', headline: 'Fire Warning for Orange County: evacuate now', area: 'Orange County', code: '006059' }

function capDocument(a: typeof LA): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${a.id}</identifier><sender>alerts@example.gov</sender><sent>${iso(-30)}</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>en-US</language><category>Met</category><event>${a.event}</event><urgency>Immediate</urgency>
    <severity>Extreme</severity><certainty>Observed</certainty><effective>${iso(-30)}</effective><expires>${iso(120)}</expires>
    <headline>${a.headline}</headline>
    <area><areaDesc>${a.area}</areaDesc><geocode><valueName>SAME</valueName><value>${a.code}</value></geocode></area>
  </info>
</alert>`
}

function atomIndex(alerts: Array<typeof LA>): string {
  const entries = alerts.map((a) => `<entry><id>${a.id}</id><updated>${iso(-30)}</updated><author><name>alerts@example.gov</name></author>
    <title>${a.headline}</title><cap:event>${a.event}</cap:event><cap:effective>${iso(-30)}</cap:effective><cap:expires>${iso(120)}</cap:expires>
    <cap:status>Actual</cap:status><cap:msgType>Alert</cap:msgType><cap:severity>Severe</cap:severity><cap:areaDesc>${a.area}</cap:areaDesc>
    <cap:geocode><valueName>FIPS6</valueName><value>${a.code}</value></cap:geocode></entry>`)
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="urn:oasis:names:tc:emergency:cap:1.1">
  <id>urn:alerts</id><title>Alerts</title><updated>${iso(-30)}</updated>${entries.join('')}</feed>`
}

let host: Server
let origin = ''
const served: string[] = []
beforeAll(async () => {
  host = createServer((req, res) => {
    served.push(req.url ?? '')
    const body = req.url === '/la.xml' ? capDocument(LA) : req.url === '/oc.xml' ? capDocument(OC) : req.url === '/index.atom' ? atomIndex([OC, LA]) : null
    if (!body) return void res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': 'application/cap+xml; charset=utf-8', 'Access-Control-Allow-Origin': '*' }).end(body)
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve))
})

async function openWithAlerts(path: string, extra = '&area=006037'): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await recordSpeech(page)
  await page.goto(`${demo.server.url}/?automation=1&alerts=${encodeURIComponent(origin + path)}${extra}`)
  return { page, errors, close: () => context.close() }
}

describe('CAP emergency alerts for the viewer\'s area', () => {
  it('a CAP document for the area: the red bar shows it, voice guidance says it, the snapshot lists it', async () => {
    const app = await openWithAlerts('/la.xml', '&area=006037&voice=1')
    const s = await eventually(async () => {
      const shot = await snapshot(app.page)
      return shot.alerts.length > 0 && shot.texts.includes(LA.headline) ? shot : false
    }, 20_000, 'the Los Angeles alert on screen')
    expect(s.alerts).toEqual([{ id: LA.id, event: LA.event, severity: 'Extreme', headline: LA.headline, area: LA.area }])
    expect(s.texts).toContain(`EXTREME: ${LA.event}`)
    expect(s.texts).toContain(LA.area)
    // Read at 3 m: no text under 24 px, all inside the title-safe area.
    expect(await checkLegibility(app.page)).toEqual([])
    await eventually(async () => (await spokenSoFar(app.page)).some((t) => t.includes('Emergency alert') && t.includes(LA.headline)), 10_000, 'the alert spoken')
    expect(app.errors).toEqual([])
    await app.close()
  })

  it('an alert for another area is not shown', async () => {
    const app = await openWithAlerts('/oc.xml')
    await eventually(async () => served.includes('/oc.xml'), 20_000, 'the app fetched the Orange County alert')
    await app.page.waitForTimeout(1500)
    const s = await snapshot(app.page)
    expect(s.alerts).toEqual([])
    expect(s.texts.some((t) => t.includes(OC.event) || t.includes(OC.headline))).toBe(false)
    await app.close()
  })

  it('an Atom index of both: only the area\'s entry reaches the bar and the snapshot', async () => {
    const app = await openWithAlerts('/index.atom')
    const s = await eventually(async () => {
      const shot = await snapshot(app.page)
      return shot.texts.includes(LA.headline) ? shot : false
    }, 20_000, 'the Los Angeles entry on screen')
    expect(s.alerts.map((a) => [a.id, a.severity])).toEqual([[LA.id, 'Severe']])
    expect(s.texts.some((t) => t.includes(OC.event) || t.includes(OC.headline))).toBe(false)
    await app.close()
  })

  it('with no area set up, the Settings row "Alert area" offers the source\'s areas; picking one shows its alert', async () => {
    const app = await openWithAlerts('/index.atom', '#settings')
    const rowValue = (texts: string[]) => (texts[texts.indexOf('Alert area') + 1] ?? '').replace(/[‹›]/g, '').trim()
    await untilUiReady(app.page)
    await eventually(async () => (await snapshot(app.page)).route === 'settings', 15_000, 'Settings')
    for (let i = 0; i < 20 && (await snapshot(app.page)).focused.text !== 'Alert area'; i++) await app.page.keyboard.press('ArrowDown')
    await eventually(async () => rowValue((await snapshot(app.page)).texts) === 'None (set up)', 5_000, 'the Alert area row: None (set up)')
    expect((await snapshot(app.page)).alerts).toEqual([])
    // Right moves to the first area of the source once its messages are in (until then there is no other choice).
    const s = await eventually(async () => {
      if (rowValue((await snapshot(app.page)).texts) === 'None (set up)') await app.page.keyboard.press('ArrowRight')
      const shot = await snapshot(app.page)
      return shot.alerts.length > 0 ? shot : false
    }, 10_000, 'an alert for the picked area')
    expect(rowValue(s.texts)).toBe(`${LA.area} (${LA.code})`)
    expect(s.alerts.map((a) => a.id)).toEqual([LA.id])
    // Kept for the next start (no ?area= on the address).
    await app.page.reload()
    await untilUiReady(app.page)
    await eventually(async () => ((await snapshot(app.page)).alerts.map((a) => a.id).join() === LA.id ? true : false), 20_000, 'the picked area after a reload')
    await app.close()
  })

  it('on the "Alert area" row the remote\'s digits type an area code: six digits (SAME) at once, five (FIPS6) with OK', async () => {
    for (const { digits, ok } of [{ digits: '006037', ok: false }, { digits: '06037', ok: true }]) {
      const app = await openWithAlerts('/la.xml', '#settings')
      const rowValue = (texts: string[]) => (texts[texts.indexOf('Alert area') + 1] ?? '').replace(/[‹›]/g, '').trim()
      await untilUiReady(app.page)
      await eventually(async () => (await snapshot(app.page)).route === 'settings', 15_000, 'Settings')
      for (let i = 0; i < 20 && (await snapshot(app.page)).focused.text !== 'Alert area'; i++) await app.page.keyboard.press('ArrowDown')
      await eventually(async () => served.includes('/la.xml'), 20_000, 'the app fetched the alert')
      expect((await snapshot(app.page)).alerts).toEqual([])
      for (const d of digits.slice(0, 3)) await app.page.keyboard.press(d)
      await eventually(async () => rowValue((await snapshot(app.page)).texts) === `Code: ${digits.slice(0, 3)}___`, 5_000, 'the code being typed')
      for (const d of digits.slice(3)) await app.page.keyboard.press(d)
      if (ok) await app.page.keyboard.press('Enter')
      const s = await eventually(async () => {
        const shot = await snapshot(app.page)
        return shot.alerts.length > 0 ? shot : false
      }, 10_000, `the alert for the typed code ${digits}`)
      expect(s.alerts.map((a) => a.id)).toEqual([LA.id])
      // A code the source names is shown by its area's name; a FIPS6 code as typed.
      expect(rowValue(s.texts)).toBe(digits === LA.code ? `${LA.area} (${LA.code})` : digits)
      await app.close()
    }
  })

  it('OK dismisses the bar only once it has been up its minimum time (10 s by default), and it does not come back', async () => {
    const app = await openWithAlerts('/la.xml')
    await untilUiReady(app.page)
    await eventually(async () => (await snapshot(app.page)).texts.includes(LA.headline), 20_000, 'the bar')
    await app.page.keyboard.press('Enter')
    await app.page.waitForTimeout(300)
    expect((await snapshot(app.page)).texts).toContain(LA.headline)
    await eventually(async () => (await snapshot(app.page)).texts.includes('Press OK to dismiss'), 20_000, 'the dismiss hint')
    await app.page.keyboard.press('Enter')
    const after = await eventually(async () => {
      const shot = await snapshot(app.page)
      return shot.texts.includes(LA.headline) ? false : shot
    }, 5_000, 'the bar gone')
    expect(after.alerts.map((a) => a.id)).toEqual([LA.id]) // still in force, only dismissed
    await app.close()
  })

  it('a kiosk shows the bar with no key pressed', async () => {
    const app = await openWithAlerts('/la.xml', '&area=006037&kiosk=1')
    const s = await eventually(async () => {
      const shot = await snapshot(app.page)
      return shot.texts.includes(LA.headline) ? shot : false
    }, 20_000, 'the bar in kiosk mode')
    expect(s.alerts.map((a) => a.id)).toEqual([LA.id])
    expect(app.errors).toEqual([])
    await app.close()
  })
})
