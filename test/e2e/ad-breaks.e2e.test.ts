/**
 * Ad breaks, in Chromium on the demo server's live channels with breaks on a short cadence
 * (scripts/server/demo-ad-breaks.mjs: Newsroom 24 marks them with CUE-OUT/CUE-IN, World Desk with
 * EXT-X-DATERANGE SCTE35-OUT, half a period later): the snapshot says adBreak while the playhead is
 * in one, the "Ad" label shows (?adLabel=1), QoE counts the ad seconds, and a channel change into
 * World Desk's break shows the channel without its now/next.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually, untilUiReady, type Snapshot } from './browser'
import { useDemoInChromium } from './demo'

const EVERY_S = 40
const BREAK_S = 12
const demo = useDemoInChromium({ adBreaks: { everySeconds: EVERY_S, breakSeconds: BREAK_S } })

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(`${demo.server.url}/?automation=1${query}`)
  return { page, errors }
}

const until = (page: Page, what: string, test: (s: Snapshot) => boolean, ms: number) =>
  eventually(async () => {
    const s = await snapshot(page)
    return test(s) ? s : false
  }, ms, what)

const qoe = (page: Page) => page.evaluate(() => (window as unknown as { automation: { qoe(): { adSeconds: number; watchedSeconds: number } } }).automation.qoe())

describe('ad breaks in the stream', () => {
  it('says adBreak and shows the Ad label from CUE-OUT to CUE-IN, and counts the ad seconds apart', async () => {
    const { page, errors } = await open('&adLabel=1')
    await untilUiReady(page)
    // Outside a break, once the watch has seen the playhead for a while (it checks twice a second).
    const outside = await eventually(async () => {
      const s = await snapshot(page)
      return !s.adBreak && (await qoe(page)).watchedSeconds >= 2 ? s : false
    }, (BREAK_S + 15) * 1000, 'playing outside a break')
    expect(outside.texts).not.toContain('Ad')
    const inBreak = await until(page, 'the break to start', (s) => s.adBreak, (EVERY_S + 15) * 1000)
    expect(inBreak.player.channelId).toBe('news')
    const before = await qoe(page)
    await until(page, 'the Ad label', (s) => s.adBreak && s.texts.includes('Ad'), 3000)
    const back = await until(page, 'the programme back after CUE-IN', (s) => !s.adBreak, (BREAK_S + 10) * 1000)
    expect(back.texts).not.toContain('Ad')
    const after = await qoe(page)
    // This break's seconds went to adSeconds, not to watchedSeconds.
    expect(after.adSeconds - before.adSeconds).toBeGreaterThan(0)
    expect(after.adSeconds - before.adSeconds).toBeLessThanOrEqual(BREAK_S + 2)
    expect(after.watchedSeconds - before.watchedSeconds).toBeLessThan(2)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('shows no now/next in the channel banner on a change into a break (World Desk\'s SCTE-35 date range)', async () => {
    const { page, errors } = await open('')
    const s = await untilUiReady(page)
    await until(page, 'a programme in the snapshot', (s) => !!s.programme, 10_000)
    // The playhead is the latency behind the clock, plus up to a segment: aim World Desk's at the middle of its break.
    const behind = (s.player.latency ?? 8) + 1
    await eventually(async () => {
      const playhead = (Date.now() / 1000 - behind) % EVERY_S
      return playhead >= EVERY_S / 2 + 3 && playhead <= EVERY_S / 2 + BREAK_S - 5
    }, (EVERY_S + 5) * 1000, 'World Desk\'s break to be under way')
    await page.keyboard.press('ArrowUp')
    const tuned = await until(page, 'World Desk in its break with the banner up', (s) => s.player.channelId === 'world' && s.adBreak && s.texts.includes('World Desk'), 8000)
    expect(tuned.texts.some((t) => t.startsWith('Next '))).toBe(false)
    expect(tuned.texts).not.toContain('Ad') // no label unless asked for
    expect(errors).toEqual([])
    await page.context().close()
  })
})
