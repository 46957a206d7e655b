/**
 * The app on real old Chromium engines, the ones in the TVs of 2019–2021 (Chromium 63–79): each
 * engine loads `index.html?automation=1` exactly as a TV does (the loader in the page picks the
 * bundle), at 1920×1080, and is driven over the DevTools protocol with trusted remote keys.
 *
 * - 76, 79 (H.264/AAC built in): the channel plays, the picture advances.
 * - 64, 69 (built without H.264/AAC): the channel cannot play; the app says so on screen.
 * - every engine: the Lightning UI is up with a page focused, the crawl carries headlines,
 *   Right → Browse → OK → Article whose QR code (read back from a screenshot) is the snapshot's
 *   URL, Back → Back → Back → "Exit?"; and the page throws nothing.
 *
 * The engines come from the npm registry on first use (scripts/engines/old-chromium.mjs) and are
 * cached outside the repository; `node scripts/engines/old-chromium.mjs 64 69 76 79` prefetches.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { ensureOldChromium, ENGINE_MAJORS, type OldChromium } from '../../scripts/engines/old-chromium.mjs'
import { startDemo, type DemoServer } from '../e2e/demo'
import { eventually, articleShown, type Snapshot } from '../e2e/browser'
import { decodeQr } from '../e2e/qr-screenshot'
import { CdpPage, launchEngine, REMOTE_KEYS, type RemoteKey, type RunningEngine } from '../../scripts/engines/cdp.mjs'

/** The story's code sits under the picture window, in the right column (ArticlePage layout). */
const STORY_CODE_AREA = { x: 1320, y: 330, width: 530, height: 420 }
/**
 * What the status banner says when the engine cannot play the channel (playbackStatusText): the
 * codecs named when MSE says it decodes none of the renditions, else the general words.
 */
const CANNOT_PLAY = ['This channel uses a format this TV cannot play (H.264/AAC)', 'This channel cannot be played right now']
/** The console.error the player logs when neither MSE nor native HLS can play the channel. */
const CANNOT_PLAY_LOG = /^\[player\] cannot play this channel:/

/** Software GL on a small machine draws slowly: the first load gets more time than a key press. */
const LOAD_MS = 30_000
const KEY_MS = 10_000

let server: DemoServer

beforeAll(async () => {
  server = await startDemo()
})

afterAll(async () => {
  await server?.close()
})

const snapshot = (page: CdpPage) => page.evaluate<Snapshot>('window.automation.snapshot()')

const until = (page: CdpPage, what: string, test: (s: Snapshot) => boolean, ms = KEY_MS) =>
  eventually(async () => {
    const s = await snapshot(page)
    return test(s) ? s : false
  }, ms, what)

async function pressUntil(page: CdpPage, key: RemoteKey, what: string, test: (s: Snapshot) => boolean): Promise<Snapshot> {
  await page.press(key)
  return until(page, what, test)
}

const videoTime = (page: CdpPage) =>
  page.evaluate<number>("(function () { var v = document.querySelector('video'); return v ? v.currentTime : -1 })()")

/**
 * Console errors that say nothing against the app on this engine: images the demo feed points at
 * on news.example.com (no outside network here), and, on an engine without H.264/AAC, the
 * player's "cannot play" log.
 */
function expectedConsoleError(major: number, text: string): boolean {
  if (/^\[Lightning\] texture load error Image load error https:\/\/news\.example\.com\//.test(text)) return true
  return major < 76 && CANNOT_PLAY_LOG.test(text)
}

/** Collects the page's `securitypolicyviolation` events (Chromium 41+) in window.__cspViolations. */
const RECORD_CSP_VIOLATIONS = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI)
})`

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

for (const major of ENGINE_MAJORS) {
  describe(`Chromium ${major}`, () => {
    let engine: OldChromium
    let running: RunningEngine | null = null
    let page: CdpPage
    let startedAt = 0
    /** Set once the UI is up: the later tests fail at once without it instead of each timing out. */
    let uiUp = false
    const needsUi = () => {
      if (!uiUp) throw new Error(`the app never came up on Chromium ${major} (see the first test); page errors: ${JSON.stringify(page.errors)}`)
    }

    beforeAll(async () => {
      const fetchStart = Date.now()
      engine = await ensureOldChromium(major)
      const fetched = Date.now() - fetchStart
      startedAt = Date.now()
      running = await launchEngine(engine)
      page = await CdpPage.connect(running.port)
      console.log(`[engine ${major}] Chromium ${engine.version}: ready in ${seconds(fetched)} (fetch or cache), launched in ${seconds(Date.now() - startedAt)}`)
    }, 240_000)

    afterAll(async () => {
      if (startedAt) console.log(`[engine ${major}] tests took ${seconds(Date.now() - startedAt)}`)
      if (page) {
        const bundle = await page.evaluate<string>('String(window.__liveNewsBundle)').catch(() => '?')
        console.log(`[engine ${major}] bundle: ${bundle}; console:\n  ${page.console.slice(0, 40).join('\n  ')}`)
      }
      await page?.close()
      await running?.close()
    })

    it('loads index.html as a TV does, at 1920×1080, and brings the Lightning UI up with headlines in the crawl', async () => {
      // Records index.html's Content-Security-Policy violations from before the page's own scripts.
      await page.send('Page.addScriptToEvaluateOnNewDocument', { source: RECORD_CSP_VIOLATIONS })
      await page.navigate(`${server.url}/index.html?automation=1`)
      const viewport = await page.evaluate<{ w: number; h: number; ua: string }>(
        '({ w: window.innerWidth, h: window.innerHeight, ua: navigator.userAgent })',
      )
      expect(viewport.ua).toContain(`Chrome/${engine.version}`)
      expect({ w: viewport.w, h: viewport.h }).toEqual({ w: 1920, h: 1080 })

      await eventually(async () => {
        if (await page.evaluate<boolean>("typeof window.automation === 'object' && typeof window.automation.snapshot === 'function'")) return true
        throw new Error(`not yet; page errors so far: ${JSON.stringify(page.errors)}`)
      }, LOAD_MS, 'window.automation')
      const ui = await until(page, 'a page focused', (s) => s.focusPath.some((name) => /Page$/.test(name)), LOAD_MS)
      expect(ui.route).toBe('live')
      const crawl = await until(page, 'headlines in the crawl', (s) => s.ticker.visible && s.ticker.items.length > 0, LOAD_MS)
      expect(crawl.ticker.items.every((item) => item.trim().length > 0)).toBe(true)
      uiUp = true
    }, 120_000)

    if (major >= 76) {
      it('plays the channel: the picture advances', async () => {
        needsUi()
        const playing = await until(page, 'playing', (s) => s.player.state === 'playing', LOAD_MS)
        expect(playing.player.channelId).toBeTruthy()
        const first = await videoTime(page)
        await eventually(async () => (await videoTime(page)) - first >= 2, 15_000, 'currentTime to advance 2 s')
        expect((await snapshot(page)).player.state).toBe('playing')
      }, 90_000)
    } else {
      it('cannot play H.264/AAC, and says so on screen', async () => {
        needsUi()
        expect(
          await page.evaluate<boolean>(`window.MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"')`),
        ).toBe(false)
        // The player gives up at once (no MSE player for these codecs) or after its recovery
        // ladder (about 15 s); either way the viewer must be told, not left waiting.
        const failed = await eventually(async () => {
          const s = await snapshot(page)
          if (s.player.state === 'failed' && CANNOT_PLAY.some((text) => s.texts.indexOf(text) !== -1)) return s
          throw new Error(`player.state is "${s.player.state}", on screen: ${JSON.stringify(s.texts.filter((t) => t.length < 60))}; player log: ${JSON.stringify(page.console.filter((line) => line.indexOf('[player]') !== -1))}`)
        }, 30_000, `"${CANNOT_PLAY.join('" or "')}"`)
        expect(failed.player.currentTime).toBe(0)
        expect(await videoTime(page)).toBe(0)
      }, 60_000)
    }

    it('Guide key → the Guide on the programme on air → ► the next one → Guide key → Live', async () => {
      needsUi()
      const guide = await pressUntil(page, REMOTE_KEYS.Guide, 'the Guide on the programme on air', (s) => s.route === 'guide' && s.guide !== null && s.guide.current && s.texts.indexOf('World Desk') !== -1)
      expect(guide.guide!.channelId).toBe('news')
      const next = await pressUntil(page, REMOTE_KEYS.Right, 'the next programme focused', (s) => s.guide !== null && s.guide.start === guide.guide!.end)
      expect(next.guide!.current).toBe(false)
      expect(next.texts).toContain(next.guide!.title)
      await pressUntil(page, REMOTE_KEYS.Guide, 'back on Live', (s) => s.route === 'live' && s.focusPath[s.focusPath.length - 1] === 'LivePage')
    }, 60_000)

    it('Right → Browse → OK → Article with a readable QR code → Back → Back → Back → Exit?', async () => {
      needsUi()
      await pressUntil(page, REMOTE_KEYS.Right, 'Browse with a focused tile', (s) => s.route === 'browse' && s.focused.text !== null)
      const article = await pressUntil(page, REMOTE_KEYS.Enter, 'an article with its QR code and text', articleShown)
      expect(article.texts).toContain('Scan to read on your phone')
      expect(article.qr!.url).toMatch(/^https:\/\/news\.example\.com\/.*utm_source=tv/)
      const decoded = await eventually(async () => decodeQr(await page.screenshot(STORY_CODE_AREA)), KEY_MS, 'a readable QR code')
      expect(decoded).toBe(article.qr!.url)

      // The route switches a frame before the page is drawn and focused: wait for both.
      await pressUntil(page, REMOTE_KEYS.Back, 'back on Browse', (s) => s.route === 'browse' && s.focused.text !== null)
      await pressUntil(page, REMOTE_KEYS.Back, 'back on Live', (s) => s.route === 'live' && s.focusPath[s.focusPath.length - 1] === 'LivePage')
      const exit = await pressUntil(page, REMOTE_KEYS.Back, 'the Exit? question', (s) => s.texts.indexOf('Exit?') !== -1)
      expect(exit.focused.text).toBe('No')
    }, 90_000)

    it("runs the session under index.html's Content-Security-Policy without a violation", async () => {
      needsUi()
      expect(await page.evaluate<string[] | null>('window.__cspViolations || null')).toEqual([])
    })

    it('throws nothing on the page, and logs no error but the expected ones', () => {
      expect(page.errors.filter((error) => error.kind === 'exception')).toEqual([])
      expect(page.errors.filter((error) => !expectedConsoleError(major, error.text))).toEqual([])
    })
  })
}
