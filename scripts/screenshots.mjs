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
const server = await startDemoServer({ port: 0, distDir, staticDir: `${root}static`, routes: demoRoutes() })
const url = server.origin
const browser = await launch()
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
const snap = () => page.evaluate(() => (window.automation ? window.automation.snapshot() : { player: {}, ticker: { items: [] }, route: '' }))
const waitFor = async (test) => {
  for (let i = 0; i < 100; i++) {
    if (test(await snap())) return
    await page.waitForTimeout(200)
  }
  throw new Error('screen never got ready')
}
await page.goto(`${url}/?automation=1`)
await waitFor((s) => s.player.state === 'playing' && s.ticker.items.length > 0)
await page.waitForTimeout(3000)
await page.screenshot({ path: `${out}/live.png` })
await page.keyboard.press('ArrowLeft')
await waitFor((s) => s.route === 'browse' && s.focused.text)
await page.waitForTimeout(1500)
await page.screenshot({ path: `${out}/browse.png` })
await page.keyboard.press('Enter')
await waitFor((s) => s.route.startsWith('article') && s.qr)
await page.waitForTimeout(1500)
await page.screenshot({ path: `${out}/article.png` })
await browser.close()
await server.close()
console.log(`Screenshots in ${out}`)
