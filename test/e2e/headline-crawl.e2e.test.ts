import { describe, it, expect, afterEach } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually } from './browser'
import { useDemoInChromium, setFault, clearFaults } from './demo'

const demo = useDemoInChromium()

afterEach(async () => {
  await clearFaults(demo.server, '/admin/feed/fault')
  await fetch(`${demo.server.url}/admin/feed/items`, { method: 'DELETE' })
})

async function demoTitles(): Promise<string[]> {
  const list = (await (await fetch(`${demo.server.url}/admin/feed/items`)).json()) as Array<{ title: string }> | { items: Array<{ title: string }> }
  return (Array.isArray(list) ? list : list.items).map((i) => i.title)
}

async function crawlItems(page: Page, what = 'headlines in the crawl'): Promise<string[]> {
  return eventually(async () => {
    const snap = await snapshot(page)
    return snap.ticker.visible && snap.ticker.items.length > 0 ? snap.ticker.items : false
  }, 20_000, what)
}

/** Samples the crawl for `ms`, returning every headline seen and whether it was ever empty. */
async function watchCrawl(page: Page, ms: number): Promise<{ seen: Set<string>; everEmpty: boolean }> {
  const seen = new Set<string>()
  let everEmpty = false
  const end = Date.now() + ms
  while (Date.now() < end) {
    const snap = await snapshot(page)
    if (!snap.ticker.visible || snap.ticker.items.length === 0) everEmpty = true
    snap.ticker.items.forEach((t) => seen.add(t))
    await page.waitForTimeout(250)
  }
  return { seen, everEmpty }
}

describe('the headline crawl', () => {
  it('shows the demo headlines over the playing picture, moving right to left', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${demo.server.url}/?automation=1`)
    const titles = await demoTitles()
    const items = await crawlItems(page)
    for (const item of items) expect(titles).toContain(item)
    // It moves on: more headlines come by.
    const { seen } = await watchCrawl(page, 12_000)
    expect(seen.size).toBeGreaterThanOrEqual(2)
    expect((await snapshot(page)).player.state).toBe('playing')
    expect(errors).toEqual([])
    await context.close()
  })

  it('the crawl clock reads in the TV\'s zone and 12/24 h habit', async () => {
    for (const { locale, timezoneId, pattern } of [
      { locale: 'en-US', timezoneId: 'America/New_York', pattern: /^(1[0-2]|[1-9]):[0-5]\d\s(AM|PM)$/ },
      { locale: 'en-GB', timezoneId: 'Europe/London', pattern: /^([01]\d|2[0-3]):[0-5]\d$/ },
    ]) {
      const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale, timezoneId })
      const page = await context.newPage()
      await page.goto(`${demo.server.url}/?automation=1`)
      await crawlItems(page)
      const expected = await page.evaluate((hour12) => new Date().toLocaleTimeString(navigator.language, { hour: 'numeric', minute: '2-digit', hour12 }), locale === 'en-US')
      const clock = (await snapshot(page)).texts.filter((t) => pattern.test(t))
      expect(clock.length, `a ${locale} clock among the texts`).toBe(1)
      // The same hour as the TV's own clock in its zone (the minute may have turned meanwhile).
      expect(clock[0]!.split(':')[0]!.padStart(2, '0')).toBe(expected.split(':')[0]!.padStart(2, '0'))
      await context.close()
    }
  })

  it('shows a story added on the demo server within one poll', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    await page.goto(`${demo.server.url}/?automation=1&feedPoll=4`)
    await crawlItems(page)
    const title = `Test desk: story added at ${Date.now()}`
    await setFault(demo.server, '/admin/feed/items', { title, section: 'World' })
    // One poll (4 s) plus the time for the current tail to clear the right edge.
    await eventually(async () => (await snapshot(page)).ticker.items.includes(title), 25_000, 'the new story in the crawl')
    await context.close()
  })

  it('keeps the last headlines on screen while the feed fails, and recovers', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${demo.server.url}/?automation=1&feedPoll=3`)
    await crawlItems(page)
    for (const fault of ['500', 'malformed', 'huge', 'hang']) {
      await setFault(demo.server, '/admin/feed/fault', { fault })
      const { everEmpty } = await watchCrawl(page, 4000)
      expect(everEmpty, `crawl went empty during the "${fault}" fault`).toBe(false)
      await clearFaults(demo.server, '/admin/feed/fault')
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('on a cold start with the feed down, shows the cached headlines at once', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const first = await context.newPage()
    await first.goto(`${demo.server.url}/?automation=1`)
    const before = await crawlItems(first)
    await first.close()

    await setFault(demo.server, '/admin/feed/fault', { fault: '500' })
    const second = await context.newPage()
    await second.goto(`${demo.server.url}/?automation=1`)
    const items = await crawlItems(second, 'cached headlines')
    const titles = await demoTitles()
    expect(items.every((t) => titles.includes(t))).toBe(true)
    expect(before.length).toBeGreaterThan(0)
    await context.close()
  })

  it('shows a latin-1 feed without mojibake and hostile markup as plain text', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    await setFault(demo.server, '/admin/feed/fault', { fault: 'hostile' })
    let dialogs = 0
    page.on('dialog', async (d) => { dialogs++; await d.dismiss() })
    await page.goto(`${demo.server.url}/?automation=1`)
    await crawlItems(page)
    const { seen } = await watchCrawl(page, 10_000)
    for (const text of seen) {
      expect(text).not.toMatch(/<\/?[a-z]+[\s>]/i)
      expect(text).not.toContain('javascript:')
    }
    expect(dialogs).toBe(0)
    await clearFaults(demo.server, '/admin/feed/fault')

    await setFault(demo.server, '/admin/feed/fault', { fault: 'latin1' })
    const latin = await context.newPage()
    await latin.goto(`${demo.server.url}/?automation=1&feedPoll=3`)
    await crawlItems(latin)
    const all = await watchCrawl(latin, 12_000)
    expect(all.everEmpty).toBe(false)
    const joined = [...all.seen].join('\n')
    expect(joined).not.toMatch(/Ã|Â|\uFFFD/)
    await context.close()
  })
})
