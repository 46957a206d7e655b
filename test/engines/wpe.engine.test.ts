/**
 * The app on WPE WebKit 2.38, the engine of RDK set-top boxes, driven over W3C WebDriver
 * (WPEWebDriver + headless cog, scripts/engines/webdriver.mjs). It loads `index.html?automation=1`
 * exactly as a set-top box does (the loader in the page picks the bundle) and checks:
 *
 * - the channel plays: player 'playing', and the picture keeps moving for 30 s with no rebuffer
 *   and no fatal error. The page loads just after the demo loop wraps, so playback starts two
 *   segments before the next discontinuity: the case where WebKit's MSE stopped buffering audio
 *   and froze the picture in every run (src/player/webkit-audio-parser-reset.ts);
 * - the Lightning UI is up with a page focused, and the crawl carries headlines;
 * - Right → Browse → OK → Article whose QR code, read back from the Lightning canvas, is the
 *   snapshot's URL → Back → Back → Back → "Exit?";
 * - the page throws nothing once loaded.
 *
 * Needs Debian's wpewebkit-driver, cog and GStreamer (.ci/run installs them); never skips.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { startDemo, type DemoServer } from '../e2e/demo'
import { eventually, articleShown, type Snapshot } from '../e2e/browser'
import { decodeQr } from '../e2e/qr-screenshot'
import { launchWpe, WEBDRIVER_KEYS, type WebDriverKey, type WpeSession } from '../../scripts/engines/webdriver.mjs'
import { untilLoopJustWrapped } from './demo-loop'

/** The story's code sits under the picture window, in the right column (ArticlePage layout). */
const STORY_CODE_AREA = { x: 1320, y: 330, width: 530, height: 420 }
/** One loop of the demo fixture is 24 s, so 30 s of play crosses at least one discontinuity. */
const WATCH_SECONDS = 30
/** The picture may stand still this long between two samples and still count as moving. */
const MAX_STILL_MS = 1500
const LOAD_MS = 30_000
const KEY_MS = 10_000

let server: DemoServer
let wpe: WpeSession
let startedAt = 0
/** Set once the UI is up: the later tests fail at once without it instead of each timing out. */
let uiUp = false
const needsUi = () => {
  if (!uiUp) throw new Error('the app never came up on WPE (see the first test)')
}

const snapshot = () => wpe.execute<Snapshot>('return window.automation.snapshot()')

const until = (what: string, test: (s: Snapshot) => boolean, ms = KEY_MS) =>
  eventually(async () => {
    const s = await snapshot()
    return test(s) ? s : false
  }, ms, what)

async function pressUntil(key: WebDriverKey, what: string, test: (s: Snapshot) => boolean): Promise<Snapshot> {
  await wpe.press(key)
  return until(what, test)
}

/**
 * Console errors that say nothing against the app on this engine: the demo feed's images on
 * news.example.com (no outside network here).
 */
const expectedConsoleError = (text: string) => /texture load error Image load error https:\/\/news\.example\.com\//.test(text)

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

describe('WPE WebKit (RDK set-top boxes)', () => {
  beforeAll(async () => {
    startedAt = Date.now()
    server = await startDemo()
    wpe = await launchWpe()
    console.log(`[wpe] ${String(wpe.capabilities.browserName)} ${String(wpe.capabilities.browserVersion)}: session in ${seconds(Date.now() - startedAt)}`)
  }, 60_000)

  afterAll(async () => {
    if (wpe) {
      const errors = await wpe.pageErrors().catch(() => [])
      if (errors.length) console.log(`[wpe] page errors:\n  ${errors.map((e) => `${e.kind}: ${e.text}`).join('\n  ')}`)
      await wpe.close()
    }
    await server?.close()
    if (startedAt) console.log(`[wpe] lane took ${seconds(Date.now() - startedAt)}`)
  })

  it('loads index.html as a set-top box does and brings the Lightning UI up with headlines in the crawl', async () => {
    await untilLoopJustWrapped(`${server.url}/live/news/master.m3u8`)
    await wpe.navigate(`${server.url}/index.html?automation=1`)
    await wpe.collectPageErrors()
    const userAgent = await wpe.execute<string>('return navigator.userAgent')
    expect(userAgent).toMatch(/AppleWebKit/)
    expect(userAgent).not.toMatch(/Chrome/)
    await eventually(
      () => wpe.execute<boolean>("return typeof window.automation === 'object' && typeof window.automation.snapshot === 'function'"),
      LOAD_MS,
      'window.automation',
    )
    const ui = await until('a page focused', (s) => s.focusPath.some((name) => /Page$/.test(name)), LOAD_MS)
    expect(ui.route).toBe('live')
    // The stage is 1920×1080 whatever cog's 800×600 view: snapshot and canvas use stage pixels.
    expect(await wpe.execute<number[]>("var c = document.querySelector('canvas'); return [c.width, c.height]")).toEqual([1920, 1080])
    const crawl = await until('headlines in the crawl', (s) => s.ticker.visible && s.ticker.items.length > 0, LOAD_MS)
    expect(crawl.ticker.items.every((item) => item.trim().length > 0)).toBe(true)
    uiUp = true
  }, 90_000)

  it(`plays the channel, and the picture keeps moving for ${WATCH_SECONDS} s across a discontinuity`, async () => {
    needsUi()
    const playing = await until('playing', (s) => s.player.state === 'playing', LOAD_MS)
    expect(playing.player.channelId).toBe('news')
    const qoeBefore = await wpe.execute<{ rebufferCount: number; fatalErrors: number }>('return window.automation.qoe()')
    let last = { time: await wpe.execute<number>("return document.querySelector('video').currentTime"), at: Date.now() }
    const start = last.time
    let longestStillMs = 0
    const deadline = Date.now() + WATCH_SECONDS * 1000
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250))
      const time = await wpe.execute<number>("return document.querySelector('video').currentTime")
      if (time !== last.time) last = { time, at: Date.now() }
      longestStillMs = Math.max(longestStillMs, Date.now() - last.at)
    }
    const qoe = await wpe.execute<{ rebufferCount: number; fatalErrors: number }>('return window.automation.qoe()')
    const end = await snapshot()
    expect({
      advancedSeconds: Math.round(last.time - start),
      stillTooLong: longestStillMs > MAX_STILL_MS,
      rebuffers: qoe.rebufferCount - qoeBefore.rebufferCount,
      fatalErrors: qoe.fatalErrors - qoeBefore.fatalErrors,
      state: end.player.state,
    }).toEqual({ advancedSeconds: expect.any(Number), stillTooLong: false, rebuffers: 0, fatalErrors: 0, state: 'playing' })
    expect(last.time - start).toBeGreaterThan(WATCH_SECONDS - 3)
  }, 90_000)

  it('Guide key → the Guide on the programme on air → ► the next one → Guide key → Live', async () => {
    const guide = await pressUntil(WEBDRIVER_KEYS.Guide, 'the Guide on the programme on air', (s) => s.route === 'guide' && s.guide !== null && s.guide.current && s.texts.indexOf('World Desk') !== -1)
    expect(guide.guide!.channelId).toBe('news')
    const next = await pressUntil(WEBDRIVER_KEYS.Right, 'the next programme focused', (s) => s.guide !== null && s.guide.start === guide.guide!.end)
    expect(next.guide!.current).toBe(false)
    await pressUntil(WEBDRIVER_KEYS.Guide, 'back on Live', (s) => s.route === 'live')
  }, 60_000)

  it('Right → Browse → OK → Article with a readable QR code on the canvas → Back → Back → Back → Exit?', async () => {
    needsUi()
    await pressUntil(WEBDRIVER_KEYS.Right, 'Browse with a focused tile', (s) => s.route === 'browse' && s.focused.text !== null)
    // The article page draws a few frames and then none: keep each one from before the key press.
    await wpe.captureCanvas(STORY_CODE_AREA)
    // The page is built on the key press and laid out a frame later: wait for its words on screen
    // (articleShown), not only for the route and the QR node.
    const article = await pressUntil(WEBDRIVER_KEYS.Enter, 'an article with its QR code and text', articleShown)
    expect(article.qr!.url).toMatch(/^https:\/\/news\.example\.com\/.*utm_source=tv/)
    const decoded = await eventually(async () => decodeQr(await wpe.capturedCanvasPng()), KEY_MS, 'a readable QR code on the canvas')
    await wpe.stopCanvasCapture()
    expect(decoded).toBe(article.qr!.url)

    await pressUntil(WEBDRIVER_KEYS.Back, 'back on Browse', (s) => s.route === 'browse')
    await pressUntil(WEBDRIVER_KEYS.Back, 'back on Live', (s) => s.route === 'live')
    const exit = await pressUntil(WEBDRIVER_KEYS.Back, 'the Exit? question', (s) => s.texts.indexOf('Exit?') !== -1)
    expect(exit.focused.text).toBe('No')
  }, 90_000)

  it('throws nothing on the page once loaded, and logs no error but the expected ones', async () => {
    const errors = await wpe.pageErrors()
    expect(errors.filter((error) => error.kind !== 'console.error')).toEqual([])
    expect(errors.filter((error) => !expectedConsoleError(error.text))).toEqual([])
  })
})
