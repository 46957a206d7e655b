#!/usr/bin/env node
// Takes the README's screenshots from the built app on the demo channel (docs/screenshots/*.png).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startDemoServer } from './server/index.mjs'
import { demoRoutes } from './server/demo-routes.mjs'
import { launch } from './bench/browser.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const distDir = process.env.DIST_DIR || `${root}dist`
const out = `${root}docs/screenshots`
mkdirSync(out, { recursive: true })
/** An emergency alert in force now, for the alert screenshot (CAP 1.2, as a public alert system publishes it). */
const iso = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
const capAlert = () => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>SCREENSHOT-FLOOD-1</identifier><sender>alerts@example.gov</sender><sent>${iso(-5)}</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>en-US</language><category>Met</category><event>Flash Flood Warning</event><urgency>Immediate</urgency>
    <severity>Extreme</severity><certainty>Observed</certainty><effective>${iso(-5)}</effective><expires>${iso(120)}</expires>
    <headline>Flash Flood Warning for Los Angeles County until 6 PM: move to higher ground now</headline>
    <area><areaDesc>Los Angeles County</areaDesc><geocode><valueName>SAME</valueName><value>006037</value></geocode></area>
  </info>
</alert>`
/** @type {import('./server/index.mjs').Route} */
const alertRoute = (req, res, url) => {
  if (url.pathname !== '/screenshot-alert.xml') return false
  res.writeHead(200, { 'Content-Type': 'application/cap+xml; charset=utf-8' }).end(capAlert())
  return true
}
const server = await startDemoServer({ port: 0, distDir, staticDir: `${root}static`, routes: [alertRoute, ...demoRoutes()] })
const url = server.origin
const browser = await launch()
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
const snap = () => page.evaluate(() => (window.automation ? window.automation.snapshot() : { player: {}, ticker: { items: [] }, route: '' }))
const waitFor = async (test, tries = 100) => {
  for (let i = 0; i < tries; i++) {
    const s = await snap()
    if (test(s)) return s
    await page.waitForTimeout(200)
  }
  throw new Error('screen never got ready')
}
await page.goto(`${url}/?automation=1`)
await waitFor((s) => s.player.state === 'playing' && s.ticker.items.length > 0)
await page.waitForTimeout(3000)
await page.screenshot({ path: `${out}/live.png` })
// The Guide (a keyboard's G is the remote's Guide key): the channels by the next hours, the picture in its window.
await page.keyboard.press('g')
await waitFor((s) => s.route === 'guide' && s.guide && s.texts.includes('World Desk'))
await page.waitForTimeout(1500)
await page.screenshot({ path: `${out}/guide.png` })
await page.keyboard.press('g')
await waitFor((s) => s.route === 'live')
await page.keyboard.press('ArrowLeft')
await waitFor((s) => s.route === 'browse' && s.focused.text)
await page.waitForTimeout(1500)
await page.screenshot({ path: `${out}/browse.png` })
await page.keyboard.press('Enter')
await waitFor((s) => s.route.startsWith('article') && s.qr)
await page.waitForTimeout(1500)
await page.screenshot({ path: `${out}/article.png` })

// A breaking story added to the demo feed while the app runs: the bar slides in over the picture.
await page.goto(`${url}/?automation=1&feedPoll=2`)
await waitFor((s) => s.player.state === 'playing' && s.ticker.items.length > 0)
await fetch(`${url}/admin/feed/items`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ title: 'Central bank cuts rates by half a point in surprise move', section: 'Money', breaking: true }),
})
await waitFor((s) => s.breaking)
await page.waitForTimeout(1000)
await page.screenshot({ path: `${out}/breaking.png` })
await fetch(`${url}/admin/feed/items`, { method: 'DELETE' })

// An emergency alert (CAP) for the viewer's area: the red bar over the picture.
await page.goto(`${url}/?automation=1&alerts=${encodeURIComponent(`${url}/screenshot-alert.xml`)}&area=006037`)
await waitFor((s) => s.player.state === 'playing' && s.alerts && s.alerts.length > 0)
await page.waitForTimeout(1500)
await page.screenshot({ path: `${out}/alert.png` })
await server.close()

// A story on air: the demo channel marks a feed story in its playlist (a story date range nearly all
// the time here), and the ON AIR chip shows its headline and QR code over the picture.
const storyServer = await startDemoServer({ port: 0, distDir, staticDir: `${root}static`, routes: demoRoutes(), stories: { everySeconds: 30, onAirSeconds: 28 } })
await page.goto(`${storyServer.origin}/?automation=1`)
// A story that has just come on air (not the tail of one), with the crawl running under it.
const first = await waitFor((s) => s.player.state === 'playing' && s.onAir && s.ticker.items.length > 0)
await waitFor((s) => s.onAir && s.onAir.articleId !== first.onAir.articleId && s.texts.includes('ON AIR') && s.qr, 250)
await page.waitForTimeout(3000)
await page.screenshot({ path: `${out}/on-air.png` })
await browser.close()
await storyServer.close()
console.log(`Screenshots in ${out}`)
