/**
 * The "On air" chip and ad breaks, in Chromium on the demo server with a story always on air
 * (scripts/server/demo-story-ranges.mjs, one every 20 s for 20 s) and ad breaks on a short cadence
 * (scripts/server/demo-ad-breaks.mjs): the chip shows outside a break, never during one, and comes
 * back when the break ends.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually, untilUiReady, openPage, type Snapshot } from './browser'
import { useDemoInChromium } from './demo'

const EVERY_S = 40
const BREAK_S = 12
const demo = useDemoInChromium({ adBreaks: { everySeconds: EVERY_S, breakSeconds: BREAK_S }, stories: { everySeconds: 20, onAirSeconds: 20 } })

const until = (page: Page, what: string, test: (s: Snapshot) => boolean, ms: number) =>
  eventually(async () => {
    const s = await snapshot(page)
    return test(s) ? s : false
  }, ms, what)

describe('On air and ad breaks', () => {
  it('hides the chip for the length of an ad break and shows it again after', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1`)
    await untilUiReady(page)
    const outside = await until(page, 'the chip outside a break', (s) => !s.adBreak && !!s.onAir, (EVERY_S + 20) * 1000)
    expect(outside.texts).toContain('ON AIR')
    await until(page, 'a break', (s) => s.adBreak, (EVERY_S + 15) * 1000)
    // Every look during the break: no chip.
    const during: Snapshot[] = []
    const back = await eventually(async () => {
      const s = await snapshot(page)
      if (s.adBreak) during.push(s)
      return !s.adBreak ? s : false
    }, (BREAK_S + 10) * 1000, 'the break to end')
    expect(during.length).toBeGreaterThan(5)
    expect(during.filter((s) => s.onAir !== null || s.texts.includes('ON AIR'))).toEqual([])
    void back
    const again = await until(page, 'the chip back after the break', (s) => !s.adBreak && !!s.onAir, 5000)
    expect(again.texts).toContain('ON AIR')
    expect(errors).toEqual([])
    await page.close()
  }, 150_000)
})
