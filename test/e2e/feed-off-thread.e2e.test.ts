/**
 * A 1 000-item feed (scripts/bench/large-feed.mjs, ~2 MB) from a plain static host: its headlines
 * reach the crawl, parsed in the feed worker (feed.worker.js), not on the page's main thread; and
 * on an engine without Worker, parsed on the page in slices, the same headlines still come.
 * A packaged app opened from file://, where Chromium refuses the worker, gets them too.
 * Which ran is read from the performance mark the app leaves for each parse
 * (src/feed/off-thread-feed-parser.ts). How long the page's tasks are is the bench's business
 * (`npm run bench -- --only parse`).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { snapshot, eventually } from './browser'
import { useDemoInChromium } from './demo'
import { makeLargeRssFeed } from '../../scripts/bench/large-feed.mjs'
import { REPO_ROOT, stageApp } from '../../scripts/package/stage-app.mjs'

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

  it('in a packaged app opened from file:// (Chromium refuses the worker there): the same headlines', async () => {
    const distDir = process.env.DIST_DIR || path.join(REPO_ROOT, 'dist')
    if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`${distDir} has no build`)
    const stageDir = mkdtempSync(path.join(tmpdir(), 'feed-stage-'))
    stageApp(distDir, stageDir)
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    try {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      await page.goto(`${pathToFileURL(path.join(stageDir, 'index.html')).href}?automation=1&feed=${encodeURIComponent(`${origin}/large.rss`)}&feedPoll=600`)
      const items = await crawlItems(page)
      expect(items[0]).toBe('Story 0: Lawmakers weigh newsfront measure & what it means')
      const marks = await parseMarks(page)
      expect(marks).toEqual(['feed parsed on page'])
      expect(errors).toEqual([])
    } finally {
      await context.close()
      rmSync(stageDir, { recursive: true, force: true })
    }
  })
})
