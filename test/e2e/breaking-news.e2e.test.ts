/**
 * Breaking news in Chromium on the demo: a story marked breaking, added to the demo feed while the
 * app runs, slides in on the bar over the picture, is spoken, joins the crawl, and OK opens it.
 * The breaking stories already in the feed at start are old news and never take the bar; a story
 * is shown once; two at once are shown one after the other.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { articleShown, eventually, snapshot, untilUiReady } from './browser'
import { setFault, useDemoInChromium } from './demo'
import { forgetSpeech, recordSpeech, spokenSoFar } from './speech'
import { checkLegibility } from './legibility'

const demo = useDemoInChromium()

afterEach(async () => {
  await fetch(`${demo.server.url}/admin/feed/items`, { method: 'DELETE' })
})

async function openLive(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await recordSpeech(page)
  await page.goto(`${demo.server.url}/?automation=1&feedPoll=2&voice=1`)
  await untilUiReady(page)
  // The first list is in: the crawl runs (its breaking stories are old news).
  await eventually(async () => (await snapshot(page)).ticker.items.length > 0, 20_000, 'headlines in the crawl')
  return { page, errors, close: () => context.close() }
}

const addStory = (title: string, breaking: boolean) => setFault(demo.server, '/admin/feed/items', { title, section: 'World', breaking })

describe('the breaking-news bar', () => {
  it('a new breaking story: on the bar over the picture, spoken, in the crawl; OK opens it; never shown again', async () => {
    const app = await openLive()
    // The demo feed starts with breaking stories: they are not news to this viewer, so no bar.
    const before = await snapshot(app.page)
    expect(before.ticker.items.length).toBeGreaterThan(0)
    await app.page.waitForTimeout(2500)
    expect((await snapshot(app.page)).breaking).toBeNull()
    await forgetSpeech(app.page)

    const title = `Bridge closed after crash on the river road ${Date.now() % 100000}`
    await addStory(title, true)
    // The bar slides down from above the screen (0.35 s): the story's title can be on screen (in
    // the crawl, which takes it in the same refresh, or the bar's lower edge) before the label is.
    const s = await eventually(async () => {
      const shot = await snapshot(app.page)
      return shot.breaking?.headline === title && shot.texts.includes('BREAKING NEWS') ? shot : false
    }, 15_000, 'the breaking story on the bar')
    expect(s.texts).toContain(title)
    expect(s.texts).toContain('Press OK to read')
    expect(s.route).toBe('live')
    expect(s.player.state).toBe('playing')
    // Read at 3 m: no text under 24 px, all inside the title-safe area (once the bar has slid in).
    await app.page.waitForTimeout(500)
    expect(await checkLegibility(app.page)).toEqual([])
    await eventually(async () => (await spokenSoFar(app.page)).some((t) => t.includes('Breaking news') && t.includes(title)), 10_000, 'the story spoken')
    // It is in the crawl too, flagged breaking.
    await eventually(async () => (await snapshot(app.page)).ticker.items.includes(title), 20_000, 'the story in the crawl')

    // OK opens it.
    await app.page.keyboard.press('Enter')
    const opened = await eventually(async () => {
      const shot = await snapshot(app.page)
      return articleShown(shot) && shot.texts.includes(title) ? shot : false
    }, 10_000, 'the story opened')
    expect(await app.page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#article/${s.breaking!.id}`)
    expect(opened.breaking).toBeNull()
    // Back to Live: the story never takes the bar again, however many polls go by.
    await app.page.keyboard.press('Backspace')
    await eventually(async () => (await snapshot(app.page)).route === 'live', 10_000, 'back on Live')
    for (let i = 0; i < 6; i++) {
      await app.page.waitForTimeout(1000)
      expect((await snapshot(app.page)).breaking?.headline).not.toBe(title)
    }
    expect(app.errors).toEqual([])
    await app.close()
  })

  it('two breaking stories at once: one at a time, the second after the first has had its time; a plain story never', async () => {
    const app = await openLive()
    const first = `Storm warning issued for the coast ${Date.now() % 100000}`
    const second = `Parliament votes on the budget tonight ${Date.now() % 100000}`
    const plain = `Museum reopens after renovation ${Date.now() % 100000}`
    await addStory(plain, false)
    await addStory(first, true)
    await addStory(second, true)
    const seen: string[] = []
    const end = Date.now() + 40_000
    while (Date.now() < end && !(seen.includes(first) && seen.includes(second))) {
      const headline = (await snapshot(app.page)).breaking?.headline
      if (headline && seen[seen.length - 1] !== headline) seen.push(headline)
      await app.page.waitForTimeout(250)
    }
    // The demo feed lists the newest first: whichever arrived first in the list shows first, then the other.
    expect(seen.filter((h) => h === first || h === second).sort()).toEqual([first, second].sort())
    expect(seen).not.toContain(plain)
    // The bar went after its show time (10 s by default) with nothing else queued.
    await eventually(async () => (await snapshot(app.page)).breaking === null, 15_000, 'the bar gone')
    await app.close()
  })
})
