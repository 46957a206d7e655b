/**
 * The app against a feed host it did not make: a static bucket / CDN on another origin that sends
 * `Access-Control-Allow-Origin: *` and validators but answers every preflight (OPTIONS) with 405
 * (test/fixtures/feeds/static-feed-server.ts). Headlines must come without a preflight and stay through a
 * revalidation; a giant gzip feed must be cut off at the cap; a feed that fails with nothing
 * cached must say so in the crawl area.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually } from './browser'
import { useDemoInChromium, useServerForFile } from './demo'
import { startStaticFeedServer, HUGE_BYTES } from '../fixtures/feeds/static-feed-server'

const demo = useDemoInChromium()
const feeds = useServerForFile(startStaticFeedServer)

/** The app in a fresh context (no storage cache, no HTTP cache), reading `feedPath` from the static host. */
async function openWithFeed(feedPath: string, pollSeconds = 3): Promise<{ page: Page; errors: string[]; warnings: string[]; close(): Promise<void> }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const errors: string[] = []
  const warnings: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  const feed = encodeURIComponent(`${feeds().origin}${feedPath}`)
  await page.goto(`${demo.server.url}/?automation=1&feed=${feed}&feedPoll=${pollSeconds}`)
  return { page, errors, warnings, close: () => context.close() }
}

const unavailable = async (page: Page) => (await snapshot(page)).texts.find((t) => t.startsWith('Headlines unavailable')) ?? false

describe('a feed on a static host (CORS "*", no preflight support)', () => {
  it('shows its headlines without a preflight, and keeps them through a 304 revalidation', async () => {
    const app = await openWithFeed('/feed.rss')
    const items = await eventually(async () => {
      const s = await snapshot(app.page)
      return s.ticker.items.length > 0 ? s.ticker.items : false
    }, 20_000, 'headlines from the static host in the crawl')
    for (const item of items) expect(feeds().titles).toContain(item)

    // The next poll goes out with the HTTP cache's validators (max-age=60 notwithstanding) and gets a 304.
    const revalidation = await eventually(
      async () => feeds().log.find((r) => r.path === '/feed.rss' && r.method === 'GET' && r.status === 304),
      20_000,
      'a conditional GET answered 304',
    )
    expect(revalidation.ifNoneMatch).toBe(feeds().etag)
    await app.page.waitForTimeout(1500)
    const after = await snapshot(app.page)
    expect(after.ticker.items.length).toBeGreaterThan(0)
    for (const item of after.ticker.items) expect(feeds().titles).toContain(item)
    expect(after.texts.some((t) => t.startsWith('Headlines unavailable'))).toBe(false)

    // Never a preflight: the requests carried only CORS-safelisted headers.
    expect(feeds().log.filter((r) => r.method === 'OPTIONS')).toEqual([])
    expect(app.warnings.filter((w) => w.startsWith('[feed]'))).toEqual([])
    expect(app.errors).toEqual([])
    await app.close()
  })

  it('stops a 60 MB gzip-encoded, chunked feed just past the cap, and says so in the crawl', async () => {
    const before = feeds().producedBytes()
    const app = await openWithFeed('/huge.rss', 60)
    const notice = await eventually(() => unavailable(app.page), 30_000, '"Headlines unavailable" in the crawl area')
    expect(notice).toBe('Headlines unavailable (feed too large)')
    expect(app.warnings.some((w) => w.includes('the limit is 5000 kB'))).toBe(true)
    await app.page.waitForTimeout(1000)
    // Read and inflated as a stream, the download stops at 5 MB of feed (plus what was in flight in
    // socket and network buffers: ~20 MB here); read whole, all 60 MB are made, sent and inflated
    // before the size is checked.
    const made = feeds().producedBytes() - before
    expect(made).toBeLessThan(HUGE_BYTES / 2)
    expect(feeds().hugeFinished()).toBe(0)
    expect(app.errors).toEqual([])
    await app.close()
  })

  it('with nothing cached, a failing feed shows "Headlines unavailable" instead of an empty crawl', async () => {
    const app = await openWithFeed('/gone.rss')
    const notice = await eventually(() => unavailable(app.page), 20_000, '"Headlines unavailable" in the crawl area')
    expect(notice).toBe('Headlines unavailable (HTTP 404)')
    const s = await snapshot(app.page)
    expect(s.ticker.items).toEqual([])
    expect(s.player.state).toBe('playing')
    await app.close()
  })
})
