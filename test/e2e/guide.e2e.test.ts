/**
 * The Guide, in Chromium with the demo server's rolling XMLTV and live playlists: opened with the
 * remote's Guide key (and from Browse), focus moving by programme and between channels, another
 * channel tuned from it (landing on Live with Live's own history), and "Watch from start" on the
 * tuned channel's programme on air: the picture plays from the programme's start, behind the live
 * edge, until OK goes live again.
 *
 * The demo schedule's half-hour slots are phased (schedulePhaseMs) so the programme on air began
 * 40 s before this file started, and the live playlists keep a 3-minute DVR window (90 segments of
 * 2 s): its start is inside the window, as a real programme's would be in a longer one.
 */
import { describe, it, expect } from 'vitest'
import type { CDPSession, Page } from 'playwright-core'
import { snapshot, eventually, untilUiReady, type Snapshot } from './browser'
import { useDemoInChromium } from './demo'
import { checkLegibility } from './legibility'
import { pressCode } from './remote'
import { recordSpeech, spokenSoFar } from './speech'
import { demoProgrammeAt } from '../../scripts/server/demo-schedule.mjs'
import { FROM_START_TEXT, BEHIND_LIVE_TEXT } from '../../src/player/status-line'
import { programmeTimeFormatter } from '../../src/schedule/schedule-time'

/** Tizen's Guide, Info, Pause and Play keys (src/input/key-map.ts). */
const GUIDE_KEY = 458
const INFO_KEY = 457
const PAUSE_KEY = 19
const PLAY_KEY = 415
const PHASE_MS = Date.now() - 40_000
const demo = useDemoInChromium({ windowSize: 90, prerollSeconds: 240, schedulePhaseMs: PHASE_MS })

async function open(url = '/?automation=1&voice=1'): Promise<{ page: Page; cdp: CDPSession; errors: string[] }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await recordSpeech(page)
  await page.goto(`${demo.server.url}${url}`)
  await untilUiReady(page)
  return { page, cdp: await context.newCDPSession(page), errors }
}

const until = (page: Page, what: string, test: (s: Snapshot) => boolean, ms = 10_000) =>
  eventually(async () => {
    const s = await snapshot(page)
    return test(s) ? s : false
  }, ms, what)

async function press(page: Page, key: string, what: string, test: (s: Snapshot) => boolean): Promise<Snapshot> {
  await page.keyboard.press(key)
  return until(page, what, test, 5000)
}

const iso = (ms: number) => new Date(ms).toISOString()

/** "1:11 AM to 1:41 AM": a programme's times as the TV writes them (its locale and zone). */
async function tvTimes(page: Page, p: { start: number; end: number }): Promise<string> {
  const [locale, timeZone] = await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone])
  const format = programmeTimeFormatter({ locale, timeZone })
  return `${format(p.start)} to ${format(p.end)}`
}

describe('the Guide', () => {
  it('opens on the tuned channel\'s programme on air, moves by programme and channel, and tunes a channel with OK', async () => {
    const { page, cdp, errors } = await open()
    await until(page, 'the programme on Live', (s) => !!s.programme)
    await pressCode(cdp, GUIDE_KEY)
    const now = demoProgrammeAt('news', Date.now(), PHASE_MS)!
    const opened = await until(page, 'the Guide focused on the programme on air', (s) => s.route === 'guide' && s.guide?.title === now.title && s.texts.includes('World Desk'))
    expect(opened.guide).toMatchObject({ channelId: 'news', start: iso(now.start), end: iso(now.end), current: true })
    expect(opened.texts).toEqual(expect.arrayContaining(['Guide', 'Newsroom 24', 'World Desk', now.title]))
    // The snapshot's now/next is there in the Guide too.
    expect(opened.programme?.now?.title).toBe(now.title)
    expect(opened.player.state).toBe('playing')
    expect(await checkLegibility(page)).toEqual([])
    const times = await tvTimes(page, now)
    await eventually(async () => (await spokenSoFar(page)).some((t) => t === `Guide. Newsroom 24, ${now.title}, ${times}, on now, OK: Watch from start`), 5000, 'the page and the focused programme spoken')

    // ► the next programme on the same channel, ◄ back.
    const next = demoProgrammeAt('news', now.end, PHASE_MS)!
    const right = await press(page, 'ArrowRight', 'the next programme focused', (s) => s.guide?.start === iso(next.start))
    expect(right.guide).toMatchObject({ title: next.title, current: false, canWatchFromStart: false, action: 'live' })
    expect(right.focused.text).toBe(next.title)
    await press(page, 'ArrowLeft', 'back on the programme on air', (s) => s.guide?.start === iso(now.start))

    // ▼ the other channel, its programme at the same time; OK tunes it and lands on Live.
    const world = demoProgrammeAt('world', Date.now(), PHASE_MS)!
    const down = await press(page, 'ArrowDown', 'World Desk focused', (s) => s.guide?.channelId === 'world')
    expect(down.guide).toMatchObject({ title: world.title, current: true, action: 'tune' })
    expect(down.texts).toContain('OK: Watch World Desk')
    await eventually(async () => (await spokenSoFar(page)).some((t) => t.startsWith(`World Desk, ${world.title}, `) && t.endsWith(', on now, OK: Watch World Desk')), 5000, 'the other channel spoken with what OK does')
    // On Live, the channel banner says which channel it is now and what is on.
    const tuned = await press(page, 'Enter', 'World Desk on Live, with its channel banner', (s) =>
      s.route === 'live' && s.player.channelId === 'world' && s.texts.includes('World Desk') && s.texts.some((t) => t.includes(world.title!)))
    expect(tuned.guide).toBeNull()
    await until(page, 'World Desk playing, with its programme', (s) => s.player.state === 'playing' && s.programme?.now?.title === world.title, 20_000)
    // Live's own history: Back there asks "Exit?" (the Guide is not a step back).
    await press(page, 'Escape', 'the exit question', (s) => s.texts.includes('Exit?'))
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('opens with Info twice on Live (remotes without a Guide key): the info overlay, then the Guide', async () => {
    const { page, cdp, errors } = await open()
    await pressCode(cdp, INFO_KEY)
    await until(page, 'the info overlay with its hints', (s) => s.texts.some((t) => t.includes('Info: Guide')))
    await pressCode(cdp, INFO_KEY)
    await until(page, 'the Guide', (s) => s.route === 'guide' && !!s.guide && s.guide.current)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('opens from the top of Browse, and the Guide key closes it again', async () => {
    const { page, cdp, errors } = await open()
    await press(page, 'ArrowLeft', 'Browse', (s) => s.route === 'browse' && /^Tile-/.test(s.focused.ref))
    await press(page, 'ArrowUp', 'the Guide', (s) => s.route === 'guide' && !!s.guide)
    await pressCode(cdp, GUIDE_KEY)
    await until(page, 'Browse again', (s) => s.route === 'browse')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('plays the programme on air from its start, behind live, until OK goes live', async () => {
    const { page, cdp, errors } = await open()
    await pressCode(cdp, GUIDE_KEY)
    const now = demoProgrammeAt('news', Date.now(), PHASE_MS)!
    const offered = await until(page, 'Watch from start offered', (s) => s.route === 'guide' && s.guide?.start === iso(now.start) && s.guide.canWatchFromStart && s.texts.includes('OK: Watch from start'))
    expect(offered.guide!.action).toBe('fromStart')

    await page.keyboard.press('Enter')
    const fromStart = await until(page, 'playing from the programme\'s start', (s) =>
      s.route === 'live' && s.player.state === 'playing' && s.player.timeshift.watchingFrom === now.start && s.player.timeshift.playheadDate !== null, 15_000)
    const { playheadDate, secondsBehindLive, behindLive } = fromStart.player.timeshift
    console.log(`[guide] from start: playhead ${playheadDate! - now.start} ms from the programme's start, ${secondsBehindLive!.toFixed(1)} s behind live`)
    // At the start (one 2 s segment of slack either side), and as far behind live as the programme has run.
    expect(playheadDate! - now.start).toBeGreaterThanOrEqual(-2500)
    expect(playheadDate! - now.start).toBeLessThan(8000)
    expect(behindLive).toBe(true)
    expect(secondsBehindLive!).toBeGreaterThan((Date.now() - now.start) / 1000 - 25)
    expect(fromStart.texts).toContain(FROM_START_TEXT)
    // It stays there (hls.js would snap a live stream back to the edge): seconds later, still behind.
    await page.waitForTimeout(4000)
    const later = await snapshot(page)
    expect(later.player.timeshift.behindLive).toBe(true)
    expect(later.player.timeshift.playheadDate! - now.start).toBeGreaterThan(1000)

    // OK on Live: back to the live edge.
    await page.keyboard.press('Enter')
    const live = await until(page, 'live again', (s) => s.player.timeshift.watchingFrom === null && !s.player.timeshift.behindLive && s.player.state === 'playing', 15_000)
    expect(Date.now() - live.player.timeshift.playheadDate!).toBeLessThan(30_000)
    expect(live.texts).not.toContain(FROM_START_TEXT)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('Pause holds the picture past hls.js\'s 20 s snap to live; Play goes on from there, behind live, until OK', async () => {
    const { page, cdp, errors } = await open()
    await until(page, 'a playhead date', (s) => s.player.timeshift.playheadDate !== null)
    await pressCode(cdp, PAUSE_KEY)
    const paused = await until(page, 'paused', (s) => s.texts.some((t) => t.startsWith('Paused')))
    const pausedAt = paused.player.timeshift.playheadDate!
    // Longer than 10 segments (hls.js's liveMaxLatencyDurationCount): the paused picture stays put.
    await page.waitForTimeout(25_000)
    const still = await snapshot(page)
    console.log(`[guide] paused 25 s: the paused picture moved ${still.player.timeshift.playheadDate! - pausedAt} ms`)
    expect(Math.abs(still.player.timeshift.playheadDate! - pausedAt)).toBeLessThan(1000)
    await pressCode(cdp, PLAY_KEY)
    const resumed = await until(page, 'playing on behind live', (s) => s.player.timeshift.resumedBehindLive && s.texts.includes(BEHIND_LIVE_TEXT) && s.player.timeshift.playheadDate! > pausedAt + 500)
    expect(resumed.player.timeshift.playheadDate! - pausedAt).toBeLessThan(6000)
    expect(resumed.player.timeshift.secondsBehindLive!).toBeGreaterThan(20)
    await page.keyboard.press('Enter')
    const live = await until(page, 'live again', (s) => !s.player.timeshift.resumedBehindLive && !s.player.timeshift.behindLive && !s.texts.includes(BEHIND_LIVE_TEXT), 15_000)
    expect(Date.now() - live.player.timeshift.playheadDate!).toBeLessThan(30_000)
    expect(errors).toEqual([])
    await page.context().close()
  })
})
