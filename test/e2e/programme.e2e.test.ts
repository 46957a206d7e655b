/**
 * Programme schedules on Live, in Chromium with the demo server's rolling XMLTV (/schedule.xml,
 * scripts/server/demo-schedule.mjs): the snapshot's programme is the listing's programme for now,
 * the info overlay (OK) shows now and next, and the channel banner shows the new channel's
 * programme after a channel change.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually, untilUiReady, pressUntil, type Snapshot } from './browser'
import { useDemoInChromium } from './demo'
import { checkLegibility } from './legibility'
import { parseXmltv } from '../../src/schedule/parse-xmltv'
import { nowNext } from '../../src/schedule/now-next'
import { xmldomXml } from '../../src/feed/xmldom-reader'

const demo = useDemoInChromium()

async function open(): Promise<{ page: Page; errors: string[] }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(`${demo.server.url}/?automation=1`)
  return { page, errors }
}

/** What the demo's XMLTV says is on `channel` now and next, read with the app's own parser. */
async function listing(channel: string, name: string) {
  const text = await (await fetch(`${demo.server.url}/schedule.xml?channel=${channel}`)).text()
  const { programmes } = parseXmltv(text, { channelId: channel, channelName: name }, xmldomXml)
  const { now, next } = nowNext(programmes, Date.now())
  return { now: now!, next: next! }
}

const until = (page: Page, what: string, test: (s: Snapshot) => boolean, ms = 10_000) =>
  eventually(async () => {
    const s = await snapshot(page)
    return test(s) ? s : false
  }, ms, what)

describe('now and next on Live', () => {
  it('reports the listing\'s programme for now, and the OK overlay shows now and next with their titles', async () => {
    const { page, errors } = await open()
    await untilUiReady(page)
    const s = await until(page, 'a programme in the snapshot', (s) => !!s.programme)
    const expected = await listing('news', 'Newsroom 24')
    expect(s.programme!.now!.title).toBe(expected.now.title)
    expect(s.programme!.now!.start).toBe(new Date(expected.now.start).toISOString())
    expect(s.programme!.next!.title).toBe(expected.next.title)

    const shown = await pressUntil(page, 'Enter', (s) => s.texts.some((t) => t.includes(expected.now.title)), 'the overlay with the programme')
    expect(shown.texts.find((t) => t.includes(expected.now.title))).toMatch(/\d{1,2}:\d{2}.*–.*\d{1,2}:\d{2}/)
    expect(shown.texts.some((t) => t.startsWith('Next ') && t.includes(expected.next.title))).toBe(true)
    expect(shown.texts).not.toContain('Live now')
    expect(await checkLegibility(page)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('shows the new channel\'s programme in the channel banner on the first change to it', async () => {
    const { page, errors } = await open()
    await untilUiReady(page)
    await until(page, 'a programme in the snapshot', (s) => !!s.programme)
    const world = await listing('world', 'World Desk')
    // Every channel's listing loads at start, so the banner knows World Desk's programme at once.
    const s = await pressUntil(page, 'ArrowUp', (s) => s.player.channelId === 'world' && s.texts.some((t) => t.includes(world.now.title)), 'the banner with World Desk\'s programme')
    expect(s.texts.some((t) => t.startsWith('Next ') && t.includes(world.next.title))).toBe(true)
    expect(s.programme).toMatchObject({ now: { title: world.now.title }, next: { title: world.next.title } })
    expect(await checkLegibility(page)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})
