/**
 * A 1 000-item feed (scripts/bench/large-feed.mjs, ~2 MB) from a plain static host: its headlines
 * reach the crawl, parsed in the feed worker (feed.worker.js), not on the page's main thread; and
 * on an engine without Worker, parsed on the page in slices, the same headlines still come.
 * Which ran is read from the performance mark the app leaves for each parse
 * (src/feed/off-thread-feed-parser.ts). How long the page's tasks are is the bench's business
 * (`npm run bench -- --only parse`).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { snapshot, eventually } from './browser'
import { useDemoInChromium } from './demo'
import { makeLargeRssFeed } from '../../scripts/bench/large-feed.mjs'

const demo = useDemoInChromium()
const feed = makeLargeRssFeed({ items: 1000 })
const titles = new Set([...feed.matchAll(/<item><title>([^<]*)<\/title>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))
let server: Server
let origin = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/large.rss')) {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(feed)
    } else res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => server?.close(() => resolve()))
})

async function openApp(withoutWorker: boolean): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  if (withoutWorker) await context.addInitScript(() => { delete (window as { Worker?: unknown }).Worker })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(`${demo.server.url}/?automation=1&feed=${encodeURIComponent(`${origin}/large.rss`)}&feedPoll=600`)
  return { page, errors, close: () => context.close() }
}

async function crawlItems(page: Page): Promise<string[]> {
  return eventually(async () => {
    const items = (await snapshot(page)).ticker.items
    return items.length > 0 ? items : false
  }, 30_000, 'headlines from the 1 000-item feed in the crawl')
}

const parseMarks = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((name) => name.startsWith('feed parsed')))

describe('a 1 000-item feed is parsed off the main thread', () => {
  it('in the feed worker: its headlines reach the crawl', async () => {
    const app = await openApp(false)
    const items = await crawlItems(app.page)
    for (const item of items) expect(titles).toContain(item)
    expect(items[0]).toBe('Story 0: Lawmakers weigh newsfront measure & what it means')
    expect(await parseMarks(app.page)).toEqual(['feed parsed in worker'])
    expect(app.errors).toEqual([])
    await app.close()
  })

  it('without Worker, on the page in slices: the same headlines', async () => {
    const app = await openApp(true)
    expect(await app.page.evaluate(() => typeof (window as { Worker?: unknown }).Worker)).toBe('undefined')
    const items = await crawlItems(app.page)
    for (const item of items) expect(titles).toContain(item)
    expect(items[0]).toBe('Story 0: Lawmakers weigh newsfront measure & what it means')
    expect(await parseMarks(app.page)).toEqual(['feed parsed on page'])
    expect(app.errors).toEqual([])
    await app.close()
  })
})
