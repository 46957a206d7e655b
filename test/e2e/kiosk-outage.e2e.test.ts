/**
 * A kiosk with nobody at it: started with ?kiosk=1, the demo server is stopped for a minute and
 * started again on the same port. With no key pressed, the picture and the headlines come back.
 */
import { describe, it, expect, afterAll } from 'vitest'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { startDemoServer } from '../../scripts/server/index.mjs'
import { demoRoutes } from '../../scripts/server/demo-routes.mjs'
import { launchChromium, snapshot, eventually } from './browser'

const root = fileURLToPath(new URL('../..', import.meta.url))
const OUTAGE_MS = 60_000
let browser: Browser | null = null
let server: { origin: string; port: number; close(): Promise<void> } | null = null

const start = (port: number) =>
  startDemoServer({ port, distDir: process.env.DIST_DIR || `${root}dist`, staticDir: `${root}static`, routes: demoRoutes() })

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a kiosk through a server outage', () => {
  it('comes back by itself after the server was gone for a minute', async () => {
    server = await start(0)
    const port = server.port
    browser = await launchChromium()
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${server.origin}/?automation=1&kiosk=1`)
    await eventually(async () => {
      const s = await snapshot(page)
      return s.player.state === 'playing' && s.ticker.items.length > 0
    }, 20_000, 'playing with headlines')
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))

    await server.close()
    await page.waitForTimeout(OUTAGE_MS)
    const during = await snapshot(page)
    expect(during.ticker.items.length, 'the crawl keeps its headlines').toBeGreaterThan(0)
    expect(during.texts.some((t) => t === 'Reconnecting…' || t === 'Buffering…'), 'the screen says what is happening').toBe(true)

    server = await start(port)
    await eventually(async () => {
      const s = await snapshot(page)
      return s.player.state === 'playing' && !s.texts.includes('Reconnecting…')
    }, 20_000, 'playing again without a key press')
    const t = await page.evaluate(() => document.querySelector('video')!.currentTime)
    await eventually(async () => (await page.evaluate(() => document.querySelector('video')!.currentTime)) > t + 1, 10_000, 'the picture moving')
    expect(await page.evaluate(() => document.querySelector('video')!.muted)).toBe(true)
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
    expect(errors).toEqual([])
  }, 150_000)
})
