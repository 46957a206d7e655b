/**
 * The legacy bundle in Chromium, seen as a Chromium 53–60 TV engine sees the page: those engines
 * have no ES modules (no `noModule` on script elements), so index.html's bundle loader starts the
 * legacy script. The test serves index.html that way, and removes the APIs those engines lack
 * (and the bundle must polyfill) before any script runs.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually } from './browser'
import { useDemoInChromium } from './demo'
import { asPreModuleEngineRunsIt } from '../../scripts/server/legacy-page.mjs'

const demo = useDemoInChromium()

/** Runs before the page's scripts: what Chromium 53 lacks and the legacy bundle brings back. */
function removeApisChromium53Lacks(): void {
  const w = window as unknown as Record<string, unknown>
  delete w.globalThis // Chromium 71
  delete w.AbortController // Chromium 66
  delete w.AbortSignal
  const object = Object as unknown as Record<string, unknown>
  delete object.values // Chromium 54
  delete object.entries
  delete object.getOwnPropertyDescriptors
  delete (Promise.prototype as unknown as Record<string, unknown>).finally // Chromium 63
}

async function openAsLegacyEngine(): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
  const page = await demo.browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const errors: string[] = []
  const scripts: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await page.addInitScript(removeApisChromium53Lacks)
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch()
    // The page's Content-Security-Policy allows inline scripts by hash: the one that removes
    // noModule is new, so the policy is recomputed (otherwise it is refused and the module bundle runs).
    await route.fulfill({ response, body: asPreModuleEngineRunsIt(await response.text()) })
  })
  await page.goto(`${demo.server.url}/?automation=1`)
  return { page, errors, scripts }
}

const videoTime = (page: Page) =>
  page.evaluate(() => (document.querySelector('video') as HTMLVideoElement | null)?.currentTime ?? 0)

describe('the legacy bundle', () => {
  it('is what index.html\'s bundle loader names beside the module bundle', async () => {
    const html = await (await fetch(`${demo.server.url}/`)).text()
    expect(html).toMatch(/\}\)\(window, document, '\.\/app-[\w-]+\.js', '\.\/app-legacy-[\w-]+\.js'\)\n<\/script>/)
    // No script tag of its own: the loader starts exactly one bundle.
    expect(html).not.toMatch(/<script[^>]* src=/)
    const legacyOnly = asPreModuleEngineRunsIt(html)
    expect(legacyOnly).not.toContain('modulepreload')
  })

  it('plays the demo channel with headlines in the crawl, on its own polyfills', async () => {
    const { page, errors, scripts } = await openAsLegacyEngine()
    const first = await eventually(async () => {
      const t = await videoTime(page)
      return t > 0 ? t : false
    }, 20_000, 'the first video frame')
    await eventually(async () => (await videoTime(page)) - first >= 4, 20_000, 'currentTime to advance 4 s')

    const snap = await eventually(async () => {
      const s = await snapshot(page)
      return s.ticker.items.length > 0 ? s : false
    }, 20_000, 'headlines in the crawl')
    expect(snap.player.state).toBe('playing')
    expect(snap.route).toBe('live')
    expect(snap.ticker.items.every((item) => item.trim().length > 0)).toBe(true)
    expect(errors).toEqual([])
    // Only the legacy bundle ran, and it put back what the engine lacked.
    expect(scripts.filter((s) => /\/(app|launch-ui)-/.test(s))).toEqual([expect.stringMatching(/^\/app-legacy-[\w-]+\.js$/)])
    expect(await page.evaluate(() => typeof AbortController === 'function' && typeof globalThis === 'object')).toBe(true)
    await page.close()
  })

  it('is not fetched by an engine with modules', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const scripts: string[] = []
    page.on('request', (request) => scripts.push(new URL(request.url()).pathname))
    await page.goto(`${demo.server.url}/?automation=1`)
    await eventually(async () => (await snapshot(page)).player.state === 'playing', 20_000, 'playing')
    expect(scripts.some((s) => s.startsWith('/app-legacy-'))).toBe(false)
    expect(scripts.some((s) => /^\/app-[\w-]+\.js$/.test(s) && !s.startsWith('/app-legacy-'))).toBe(true)
    await page.close()
  })
})
