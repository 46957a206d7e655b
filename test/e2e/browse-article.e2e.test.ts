/**
 * Browse → Article → Back with real key presses in Chromium (Escape is Back in a demo.browser), the
 * story's QR code read back from a screenshot, and the Settings choices surviving a reload.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import settings from '../../settings.json'
import { handoffUrl } from '../../src/qr/qr-code'
import { openPage, snapshot, eventually, type Snapshot, articleShown, pressUntil } from './browser'
import { useDemoInChromium } from './demo'
import { decodeQr } from './qr-screenshot'

/** The demo feed's seed story: the one with a body long enough for several pages. */
const SEED_HEADLINE = "Kremlin: Putin-Trump Call Could Be Arranged 'Immediately'"
const SEED_URL = 'https://news.example.com/newsfront/kremlin-putin-trump-call/2025/11/19/id/1234/'
/** The story's code sits under the picture window, in the right column (ArticlePage layout). */
const STORY_CODE_AREA = { x: 1320, y: 330, width: 530, height: 420 }
const PAGE_INDICATOR = /^(\d+) \/ (\d+)$/

const demo = useDemoInChromium()

const focusedTile = (s: Snapshot) => s.focusPath.slice(-2).join('/')
const pageIndicator = (s: Snapshot) => s.texts.find((t) => PAGE_INDICATOR.test(t)) ?? null

const video = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector('video')!
    return { width: v.getBoundingClientRect().width, left: v.getBoundingClientRect().left, time: v.currentTime }
  })

describe('Browse and Article with the remote', () => {
  it('moves through rails, opens a story, hands it over by QR, pages it, and comes back to the same tile', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1#browse`)
    // The rails take the focus a frame before the page is drawn (as on Back below): wait for the
    // focused tile's text, not only for the focus.
    const first = await eventually(async () => {
      const s = await snapshot(page)
      return s.route === 'browse' && /^Tile-/.test(s.focused.ref) && s.focused.text !== null ? s : false
    }, 15_000, 'Browse with a focused tile and its headline drawn')
    expect(first.focusPath.slice(-3)).toEqual(['BrowsePage', 'Rail-0', 'Tile-0'])
    expect(first.focused.text).toBeTruthy()

    const right = await pressUntil(page, 'ArrowRight', (s) => s.focused.ref === 'Tile-1', 'Right to the second tile')
    expect(right.focused.text).not.toBe(first.focused.text)
    const down = await pressUntil(page, 'ArrowDown', (s) => s.focusPath.includes('Rail-1'), 'Down to the second rail')
    expect(down.focused.text).not.toBe(right.focused.text)
    // Each rail remembers its own tile: back up lands on the second tile again.
    const up = await pressUntil(page, 'ArrowUp', (s) => s.focusPath.includes('Rail-0'), 'Up to the first rail')
    expect(focusedTile(up)).toBe('Rail-0/Tile-1')

    let onSeed = up
    for (let i = 0; onSeed.focused.text !== SEED_HEADLINE && i < 12; i++) {
      const before = onSeed.focused.ref
      onSeed = await pressUntil(page, 'ArrowRight', (s) => s.focused.ref !== before, 'Right along the rail')
    }
    expect(onSeed.focused.text).toBe(SEED_HEADLINE)

    const article = await pressUntil(page, 'Enter', articleShown, 'the article page')
    expect(article.texts).toContain(SEED_HEADLINE)
    expect(article.texts).toContain('Scan to read on your phone')
    expect(article.texts).toContain('Scan QR code to get the app')
    expect(article.focusPath[article.focusPath.length - 1]).toBe('ArticlePage')
    const expectedUrl = handoffUrl(SEED_URL, settings.appSettings.qr.tracking)!
    expect(expectedUrl).toContain('utm_source=tv')
    expect(article.qr!.url).toBe(expectedUrl)
    expect(article.texts.some((t) => t.replace(/\n/g, '') === SEED_URL)).toBe(true)

    await page.screenshot({ path: '/tmp/browse-article-e2e.png' })
    const decoded = await eventually(async () => decodeQr(await page.screenshot({ clip: STORY_CODE_AREA })), 5000, 'a readable QR code')
    expect(decoded).toBe(expectedUrl)

    const [, firstPage, pageCount] = PAGE_INDICATOR.exec(pageIndicator(article)!)!
    expect(firstPage).toBe('1')
    expect(Number(pageCount)).toBeGreaterThan(1)
    const paged = await pressUntil(page, 'ArrowDown', (s) => pageIndicator(s) === `2 / ${pageCount}`, 'the second page')
    expect(paged.texts).toContain(SEED_HEADLINE)

    // The route switches a frame before the page is drawn: wait for its focused tile's text.
    const back = await pressUntil(page, 'Escape', (s) => s.route === 'browse' && s.focused.text !== null, 'Back to Browse')
    expect(back.focused.text).toBe(SEED_HEADLINE)
    expect(focusedTile(back)).toBe(focusedTile(onSeed))

    // The channel plays on in the window top right while browsing.
    const before = await video(page)
    expect(before.width).toBeGreaterThan(0)
    expect(before.width).toBeLessThanOrEqual(480)
    expect(before.left).toBeGreaterThan(960)
    await eventually(async () => (await video(page)).time - before.time >= 1, 10_000, 'the picture to keep playing')
    expect(errors).toEqual([])
    await page.close()
  })

  it('gives the picture back full screen on the way back to Live', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1`)
    await eventually(async () => (await snapshot(page)).route === 'live', 15_000, 'Live')
    await page.evaluate(() => (window.location.hash = '#browse'))
    await eventually(async () => (await video(page)).width === 480, 5000, 'the picture in its window')
    await pressUntil(page, 'Escape', (s) => s.route === 'live', 'Back to Live')
    await eventually(async () => (await video(page)).width === 1920, 5000, 'the picture full screen again')
    expect(errors).toEqual([])
    await page.close()
  })

  it('says a story is no longer available, and keeps the focus on the page', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1#article/no-such-story`)
    const s = await eventually(async () => {
      const snap = await snapshot(page)
      return snap.texts.includes('This story is no longer available') ? snap : false
    }, 15_000, 'the missing-story message')
    expect(s.focusPath[s.focusPath.length - 1]).toBe('ArticlePage')
    expect(s.qr).toBeNull()
    for (const key of ['ArrowDown', 'ArrowUp', 'Enter', 'ArrowLeft']) await page.keyboard.press(key)
    expect((await snapshot(page)).focusPath[s.focusPath.length - 1]).toBe('ArticlePage')
    expect(errors).toEqual([])
    await page.close()
  })

  it('says "No stories yet" without a feed, with the page itself focused', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1&feed=${encodeURIComponent(`${demo.server.url}/no-such-feed.rss`)}#browse`)
    const s = await eventually(async () => {
      const snap = await snapshot(page)
      return snap.texts.includes('No stories yet') ? snap : false
    }, 15_000, '"No stories yet"')
    expect(s.focusPath[s.focusPath.length - 1]).toBe('BrowsePage')
    for (const key of ['ArrowDown', 'ArrowRight', 'Enter']) await page.keyboard.press(key)
    const after = await snapshot(page)
    expect(after.route).toBe('browse')
    expect(after.focusPath[after.focusPath.length - 1]).toBe('BrowsePage')
    expect(errors).toEqual([])
    await page.close()
  })
})

/** The value a settings row shows: the text after its label, as drawn ("‹  On  ›"). */
const rowValue = (s: Snapshot, label: string) => s.texts[s.texts.indexOf(label) + 1] ?? ''

/** The Settings snapshot once the crawl rows show their values (the route switches a frame earlier). */
async function settingsShown(page: Page): Promise<Snapshot | false> {
  const s = await snapshot(page)
  return s.route === 'settings' && rowValue(s, 'Headline crawl').indexOf('‹') === 0 && rowValue(s, 'Crawl speed').indexOf('‹') === 0 ? s : false
}

describe('Settings', () => {
  it('switches the crawl off at once, and the choices survive a reload', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1`)
    await eventually(async () => (await snapshot(page)).ticker.visible, 20_000, 'the crawl on Live')
    await page.evaluate(() => (window.location.hash = '#settings'))
    const opened = await eventually(async () => settingsShown(page), 5000, 'Settings')
    expect(opened.focused).toEqual({ ref: 'Crawl', text: 'Headline crawl' })
    expect(rowValue(opened, 'Headline crawl')).toBe('‹  On  ›')
    expect(opened.texts.some((t) => /version \d+\.\d+\.\d+/.test(t))).toBe(true)

    await pressUntil(page, 'Enter', (s) => rowValue(s, 'Headline crawl') === '‹  Off  ›', 'the crawl switched off')
    await pressUntil(page, 'ArrowDown', (s) => s.focused.ref === 'CrawlSpeed', 'the speed row')
    await pressUntil(page, 'ArrowRight', (s) => rowValue(s, 'Crawl speed') === '‹  Fast  ›', 'a fast crawl')

    await pressUntil(page, 'Escape', (s) => s.route === 'live', 'Back to Live')
    await new Promise((r) => setTimeout(r, 1000))
    expect((await snapshot(page)).ticker.visible).toBe(false)

    await page.evaluate(() => (window.location.hash = '#settings'))
    await page.reload()
    const reloaded = await eventually(async () => settingsShown(page), 15_000, 'Settings after a reload')
    expect(rowValue(reloaded, 'Headline crawl')).toBe('‹  Off  ›')
    expect(rowValue(reloaded, 'Crawl speed')).toBe('‹  Fast  ›')
    expect(errors).toEqual([])
    await page.close()
  })
})
