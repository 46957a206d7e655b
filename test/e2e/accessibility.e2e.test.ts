/**
 * Captions, their style, voice guidance and 10-foot legibility, in Chromium on the demo channel.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually, untilUiReady } from './browser'
import { useDemoInChromium } from './demo'
import { recordSpeech, spokenSoFar, forgetSpeech } from './speech'
import { checkLegibility } from './legibility'

const demo = useDemoInChromium()

async function open(query: string, context = null as null | import('playwright-core').BrowserContext): Promise<Page> {
  const ctx = context ?? (await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } }))
  const page = await ctx.newPage()
  await recordSpeech(page)
  await page.goto(`${demo.server.url}/?automation=1${query}`)
  await untilUiReady(page)
  return page
}

const captionText = (s: { texts: string[] }) => s.texts.find((t) => /caption \d+ of 12/.test(t)) ?? null

describe('captions', () => {
  it('shows the demo cues in sync with the picture, above the crawl', async () => {
    const page = await open('&captions=1')
    const samples: Array<{ cue: number; clock: number }> = []
    for (let i = 0; i < 12; i++) {
      const s = await snapshot(page)
      const text = captionText(s)
      if (text) {
        // The cue names the loop time it belongs to ("… at 00:14"); the picture's loop clock is
        // currentTime modulo the 24 s loop, which hls.js keeps aligned with the stream's timeline.
        const m = /caption (\d+) of 12 at 00:(\d\d)/.exec(text)!
        samples.push({ cue: Number(m[2]), clock: s.player.currentTime })
      }
      await page.waitForTimeout(700)
    }
    expect(samples.length).toBeGreaterThanOrEqual(8)
    // In sync: the cue's loop time keeps a fixed offset from the playhead (within a cue's 2 s).
    const offsets = samples.map(({ cue, clock }) => (((cue - clock) % 24) + 24) % 24)
    const spread = Math.max(...offsets.map((o) => Math.min(Math.abs(o - offsets[0]!), 24 - Math.abs(o - offsets[0]!))))
    expect(spread).toBeLessThanOrEqual(2.5)
    const boxes = await page.evaluate(() => (window as any).automation.textBoxes())
    const caption = boxes.find((b: { text: string }) => /caption \d+ of 12/.test(b.text))
    expect(caption.rect.y + caption.rect.h).toBeLessThanOrEqual(962)
    await page.context().close()
  })

  it('switches with the CC key and in Settings, and the choice and style survive a reload', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await open('', context)
    await page.waitForTimeout(2500)
    expect(captionText(await snapshot(page))).toBeNull()
    // The CC key (webOS 460) turns captions on from Live.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', windowsVirtualKeyCode: 460, nativeVirtualKeyCode: 460 })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: 460, nativeVirtualKeyCode: 460 })
    await eventually(async () => captionText(await snapshot(page)), 10_000, 'a caption after CC')
    // Settings: the caption size row, one step larger.
    await page.goto(`${demo.server.url}/?automation=1#settings`)
    await eventually(async () => (await snapshot(page)).texts.includes('Caption size'), 15_000, 'Settings')
    for (let i = 0; i < 20 && (await snapshot(page)).focused.text !== 'Caption size'; i++) await page.keyboard.press('ArrowDown')
    /** The value shown on a settings row: the text right after its label, without the ‹ › marks. */
    const rowValue = (texts: string[], label: string) => (texts[texts.indexOf(label) + 1] ?? '').replace(/[‹›]/g, '').trim()
    const sizeBefore = rowValue((await snapshot(page)).texts, 'Caption size')
    await page.keyboard.press('ArrowRight')
    const sizeAfter = await eventually(async () => {
      const v = rowValue((await snapshot(page)).texts, 'Caption size')
      return v !== sizeBefore ? v : false
    }, 5000, 'the size to change')
    await page.reload()
    await eventually(async () => (await snapshot(page)).texts.includes('Caption size'), 15_000, 'Settings after reload')
    const reloaded = (await snapshot(page)).texts
    expect(rowValue(reloaded, 'Caption size')).toBe(sizeAfter)
    expect(rowValue(reloaded, 'Captions (CC)')).toBe('On')
    await context.close()
  })
})

describe('voice guidance', () => {
  it('speaks the page and each focused item once, and not a backlog when scrolling fast', async () => {
    const page = await open('&voice=1')
    await page.keyboard.press('ArrowLeft')
    await eventually(async () => (await snapshot(page)).route === 'browse', 10_000, 'Browse')
    await page.waitForTimeout(800)
    const spoken = await spokenSoFar(page)
    console.log('[voice] spoken:', JSON.stringify(spoken))
    expect(spoken.some((s) => s.includes('Browse stories'))).toBe(true)
    const focused = (await snapshot(page)).focused.text!
    expect(spoken.some((s) => s.includes(focused.slice(0, 20)))).toBe(true)
    // Five quick moves: only where the focus ends up is spoken.
    await forgetSpeech(page)
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(800)
    const burst = await spokenSoFar(page)
    expect(burst.length).toBe(1)
    await page.context().close()
  })
})

describe('10-foot legibility', () => {
  it('has no text under 24 px or outside the title-safe area on any page', async () => {
    const page = await open('&captions=1')
    const problems: string[] = []
    for (const hash of ['', '#settings', '#browse']) {
      if (hash) await page.goto(`${demo.server.url}/?automation=1&captions=1${hash}`)
      await eventually(async () => (await snapshot(page)).texts.length > 2, 15_000, `texts on ${hash || 'live'}`)
      await page.waitForTimeout(1000)
      for (const v of await checkLegibility(page)) problems.push(`${hash || '#live'}: ${JSON.stringify(v)}`)
    }
    await page.keyboard.press('Enter')
    await eventually(async () => (await snapshot(page)).route.startsWith('article'), 10_000, 'an article')
    await page.waitForTimeout(1000)
    for (const v of await checkLegibility(page)) problems.push(`#article: ${JSON.stringify(v)}`)
    expect(problems).toEqual([])
    await page.context().close()
  })
})
