/**
 * The Guide with a long DVR window, in Chromium against the demo server keeping 2 000 s of segments
 * (1 000 × 2 s): the programme before the one on air, over a minute ago, is still in the window, so
 * the Guide reaches back to it (◄ from the programme on air) and OK plays it from its start, half an
 * hour behind live. The demo schedule is phased (schedulePhaseMs) so the programme on air began
 * 60 s before this file started.
 */
import { describe, it, expect } from 'vitest'
import { snapshot, eventually, untilUiReady, type Snapshot } from './browser'
import { useDemoInChromium } from './demo'
import { demoProgrammeAt } from '../../scripts/server/demo-schedule.mjs'
import { FROM_START_TEXT } from '../../src/player/status-line'
import { pressCode } from './remote'

const INFO_KEY = 457

const PHASE_MS = Date.now() - 60_000
const demo = useDemoInChromium({ windowSize: 1000, prerollSeconds: 2100, schedulePhaseMs: PHASE_MS })

const iso = (ms: number) => new Date(ms).toISOString()

describe('the Guide with a long DVR window', () => {
  it('offers a programme that has ended but is still in the window, and plays it from its start', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${demo.server.url}/?automation=1`)
    await untilUiReady(page)
    const until = (what: string, test: (s: Snapshot) => boolean, ms = 10_000) =>
      eventually(async () => {
        const s = await snapshot(page)
        return test(s) ? s : false
      }, ms, what)

    const now = demoProgrammeAt('news', Date.now(), PHASE_MS)!
    const before = demoProgrammeAt('news', now.start - 1, PHASE_MS)!
    expect(before.end).toBe(now.start)
    expect(before.title).not.toBe(now.title)
    await page.keyboard.press('g')
    await until('the Guide on the programme on air', (s) => s.route === 'guide' && s.guide?.start === iso(now.start) && s.texts.includes(now.title!))
    await page.keyboard.press('ArrowLeft')
    const past = await until('the programme before, offered from its start', (s) => s.guide?.start === iso(before.start) && s.texts.includes('OK: Watch from start'))
    expect(past.guide).toMatchObject({ title: before.title, end: iso(before.end), current: false, canWatchFromStart: true, action: 'fromStart' })

    await page.keyboard.press('Enter')
    const playing = await until('playing the programme before from its start', (s) =>
      s.route === 'live' && s.player.state === 'playing' && s.player.timeshift.watchingFrom === before.start && s.player.timeshift.playheadDate !== null, 20_000)
    const { playheadDate, secondsBehindLive } = playing.player.timeshift
    console.log(`[guide dvr] programme over: playhead ${playheadDate! - before.start} ms from its start, ${secondsBehindLive!.toFixed(1)} s behind live`)
    expect(playheadDate! - before.start).toBeGreaterThanOrEqual(-2500)
    expect(playheadDate! - before.start).toBeLessThan(8000)
    // Half an hour and a minute behind live, give or take the live edge's own delay.
    expect(secondsBehindLive!).toBeGreaterThan((Date.now() - before.start) / 1000 - 30)
    expect(playing.texts).toContain(FROM_START_TEXT)
    // Now/next is what is on screen: the programme being watched, not the one on air.
    expect(playing.programme?.now?.title).toBe(before.title)
    const cdp = await context.newCDPSession(page)
    await pressCode(cdp, INFO_KEY)
    await until('the info overlay naming the programme watched', (s) => s.texts.some((t) => t.includes('Info: Guide')) && s.texts.some((t) => t.includes(before.title!)))
    // Go live (OK): the overlay and the snapshot name the programme on air again.
    await page.keyboard.press('Enter')
    const live = await until('live again, the programme on air named', (s) => s.player.timeshift.watchingFrom === null && s.programme?.now?.title === now.title)
    expect(live.texts.some((t) => t.includes(now.title!))).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
