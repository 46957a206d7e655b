/**
 * index.html's bundle loader starts exactly one bundle, and the legacy one wherever the module
 * bundle cannot run: a module bundle that fails to parse (what Chromium 63–79 did with a bundle
 * built for Chromium 80), one that fails to load, and a UI chunk that fails to load after the
 * entry has started the picture.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { untilUiReady } from './browser'
import { useDemoInChromium } from './demo'

const demo = useDemoInChromium()

const isModuleEntry = (url: URL) => /^\/app-(?!legacy-)[\w-]+\.js$/.test(url.pathname)
const isUiChunk = (url: URL) => /^\/launch-ui-[\w-]+\.js$/.test(url.pathname)

async function open(query: string, breakScripts?: (page: Page) => Promise<unknown>): Promise<{ page: Page; bundles: string[]; errors: string[] }> {
  const page = await demo.browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const bundles: string[] = []
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('requestfinished', (request) => {
    const file = new URL(request.url()).pathname
    if (/^\/app-[\w-]+\.js$/.test(file)) bundles.push(file.startsWith('/app-legacy-') ? 'legacy' : 'module')
  })
  if (breakScripts) await breakScripts(page)
  await page.goto(`${demo.server.url}/${query}`)
  return { page, bundles, errors }
}

const bundleRunning = (page: Page) => page.evaluate(() => (window as unknown as { __liveNewsBundle?: string }).__liveNewsBundle)

describe('the bundle loader', () => {
  it('starts the module bundle alone on an engine with modules and import()', async () => {
    const { page, bundles, errors } = await open('?automation=1')
    const snap = await untilUiReady(page)
    expect(snap.route).toBe('live')
    expect(await bundleRunning(page)).toBe('module')
    expect(bundles).toEqual(['module'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('starts the legacy bundle when the module bundle fails to parse, and the app plays', async () => {
    const { page, bundles, errors } = await open('?automation=1', (p) =>
      p.route(isModuleEntry, (route) => route.fulfill({ contentType: 'text/javascript', body: 'export const broken = a?.b.;' })),
    )
    const snap = await untilUiReady(page, 40_000)
    expect(snap.route).toBe('live')
    expect(await bundleRunning(page)).toBe('legacy')
    expect(bundles).toEqual(['module', 'legacy'])
    // The viewer sees the app; the console says why the legacy bundle runs.
    expect(errors).toEqual([expect.stringMatching(/SyntaxError/)])
    await page.close()
  })

  it('starts the legacy bundle when the module bundle does not load', async () => {
    const { page } = await open('?automation=1', (p) => p.route(isModuleEntry, (route) => route.fulfill({ status: 404, body: 'gone' })))
    await untilUiReady(page, 40_000)
    expect(await bundleRunning(page)).toBe('legacy')
    await page.close()
  })

  it('restarts on the legacy bundle when the UI chunk fails to load after the picture started', async () => {
    const { page, bundles } = await open('?automation=1', (p) => p.route(isUiChunk, (route) => route.abort('failed')))
    await untilUiReady(page, 40_000)
    expect(new URL(page.url()).searchParams.get('bundle')).toBe('legacy')
    expect(await bundleRunning(page)).toBe('legacy')
    expect(bundles).toEqual(['module', 'legacy'])
    await page.close()
  })

  it('honours ?bundle=legacy', async () => {
    const { page, bundles } = await open('?automation=1&bundle=legacy')
    await untilUiReady(page, 40_000)
    expect(bundles).toEqual(['legacy'])
    await page.close()
  })
})
