/**
 * The "On air" chip on Live, in Chromium with the demo server's live playlists marking stories
 * (EXT-X-DATERANGE CLASS="com.livenews.story", X-ARTICLE-ID; scripts/server/demo-story-ranges.mjs,
 * here a new story every 24 s): the chip appears when a story's range starts, names the feed
 * article the range names, its QR code (read back from a screenshot) is the article URL with
 * `t=` the range's START-DATE, voice guidance says it, Info still opens the info overlay, OK opens
 * that article, and the article page's code carries `t=`.
 */
import { describe, it, expect } from 'vitest'
import settings from '../../settings.json'
import { handoffUrl } from '../../src/qr/qr-code'
import { snapshot, eventually, untilUiReady, pressUntil, articleShown, type Snapshot } from './browser'
import { useDemoInChromium } from './demo'
import { decodeQr } from './qr-screenshot'
import { checkLegibility } from './legibility'
import { DEMO_ARTICLES, articleLink } from '../../scripts/server/demo-articles.mjs'
import { recordSpeech, spokenSoFar } from './speech'
import { pressCode } from './remote'

/** Tizen's Info key (src/input/key-map.ts). */
const INFO_KEY = 457
const OVERLAY_HINT = /Pick a headline/

const demo = useDemoInChromium({ stories: { everySeconds: 24, onAirSeconds: 20 } })
/** The chip: top right of the stage (src/widgets/OnAirChip.ts). */
const CHIP_AREA = { x: 1090, y: 120, width: 750, height: 600 }

/** The START-DATE of the story range naming `articleId` in the channel's live playlist now. */
async function rangeStart(articleId: string): Promise<string> {
  const text = await (await fetch(`${demo.server.url}/live/news/720p/index.m3u8`)).text()
  const line = text.split('\n').find((l) => l.startsWith('#EXT-X-DATERANGE:') && l.includes('CLASS="com.livenews.story"') && l.includes(`X-ARTICLE-ID="${articleId}"`))
  if (!line) throw new Error(`no story range for ${articleId} in\n${text}`)
  return /START-DATE="([^"]+)"/.exec(line)![1]!
}

describe('On air', () => {
  it('shows the story on air when its range starts, with a QR code carrying the live moment; OK opens it', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await recordSpeech(page)
    await page.goto(`${demo.server.url}/?automation=1&voice=1`)
    await untilUiReady(page)
    // A story that starts while we watch (not one half over when the page opened): what is on air
    // once the feed is in and the app has looked at the playhead (every 500 ms), then a change.
    await eventually(async () => (await snapshot(page)).ticker.items.length > 0, 15_000, 'the feed in the crawl')
    await page.waitForTimeout(1000)
    const before = (await snapshot(page)).onAir?.articleId ?? null
    const s = await eventually(async () => {
      const s = await snapshot(page)
      return s.onAir && s.onAir.articleId !== before ? s : false
    }, 60_000, 'a story coming on air')
    const onAir = s.onAir!
    const article = DEMO_ARTICLES.find((a) => articleLink(a) === onAir.articleId)!
    expect(article).toBeTruthy()
    expect(onAir.headline).toBe(article.headline)
    expect(s.texts).toContain('ON AIR')
    expect(s.texts).toContain(article.headline)

    const start = await rangeStart(onAir.articleId)
    const handoff = handoffUrl(articleLink(article), settings.appSettings.qr.tracking)!
    const qr = new URL(onAir.qr!)
    expect(new Date(qr.searchParams.get('t')!).getTime()).toBe(new Date(start).getTime())
    qr.searchParams.delete('t')
    expect(qr.toString()).toBe(handoff)
    expect(s.qr!.url).toBe(onAir.qr)
    await page.screenshot({ path: '/tmp/on-air-e2e.png' })

    const decoded = await eventually(async () => decodeQr(await page.screenshot({ clip: CHIP_AREA })), 5000, 'a readable QR code on the chip')
    expect(decoded).toBe(onAir.qr)
    expect(await checkLegibility(page)).toEqual([])
    await eventually(async () => (await spokenSoFar(page)).includes(`On air: ${article.headline}`), 5000, 'the story spoken')

    // Info still opens the info overlay while the chip shows; Up closes it.
    const cdp = await context.newCDPSession(page)
    await pressCode(cdp, INFO_KEY)
    const overlay = await eventually(async () => {
      const s = await snapshot(page)
      return s.texts.some((t) => OVERLAY_HINT.test(t)) ? s : false
    }, 5000, 'the info overlay with Info')
    expect(overlay.route).toBe('live')
    await pressUntil(page, 'ArrowUp', (s) => !s.texts.some((t) => OVERLAY_HINT.test(t)) && s.onAir?.articleId === onAir.articleId, 'the overlay closed, the chip still there')

    const opened = await pressUntil(page, 'Enter', (s: Snapshot) => articleShown(s) && s.texts.includes(article.headline), 'the story on air, opened with OK')
    // The story's code on the article page carries the live moment while the story is on air.
    const storyQr = new URL(opened.qr!.url)
    expect(new Date(storyQr.searchParams.get('t')!).getTime()).toBe(new Date(start).getTime())
    expect(storyQr.searchParams.get('utm_source')).toBe(settings.appSettings.qr.tracking.utm_source)
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)
})
