/**
 * A TV engine loses the WebGL context (GPU memory pressure, standby and back): once the engine
 * restores it, the UI must come back as it was — text, the QR code, keys — while the picture plays
 * on. Forced here with WEBGL_lose_context, on an article page (text and a QR code a phone reads).
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { openPage, snapshot, eventually, articleShown, pressUntil } from './browser'
import { useDemoInChromium } from './demo'
import { decodeQr } from './qr-screenshot'

/** The story's code sits under the picture window, in the right column (ArticlePage layout). */
const STORY_CODE_AREA = { x: 1320, y: 330, width: 530, height: 420 }

const demo = useDemoInChromium()

interface GlContextReport { losses: number; restores: number; lost: boolean; lastReloaded: number }
const glReport = (page: Page) => page.evaluate(() => (window as unknown as { automation: { glContext(): GlContextReport } }).automation.glContext())
const loseContext = (page: Page, action: 'loseContext' | 'restoreContext') =>
  page.evaluate((a) => {
    const canvas = document.querySelector('canvas')!
    const gl = (canvas.getContext('webgl') ?? canvas.getContext('experimental-webgl')) as WebGLRenderingContext
    ;(window as unknown as { __loseExt?: WEBGL_lose_context }).__loseExt ??= gl.getExtension('WEBGL_lose_context')!
    ;(window as unknown as { __loseExt: WEBGL_lose_context }).__loseExt[a]()
  }, action)
const videoTime = (page: Page) => page.evaluate(() => document.querySelector('video')!.currentTime)

describe('WebGL context lost and restored', () => {
  it('rebuilds the UI (text, QR code, keys) while the picture plays on', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1#browse`)
    await eventually(async () => {
      const s = await snapshot(page)
      return s.route === 'browse' && /^Tile-/.test(s.focused.ref) ? s : false
    }, 15_000, 'Browse with a focused tile')
    const article = await pressUntil(page, 'Enter', articleShown, 'the article page')
    const before = await eventually(async () => decodeQr(await page.screenshot({ clip: STORY_CODE_AREA })), 5000, 'a readable QR code')
    expect(before).toBe(article.qr!.url)

    await loseContext(page, 'loseContext')
    await eventually(async () => (await glReport(page)).lost, 5000, 'the context lost')
    // Lost: nothing of the UI is drawn any more (the phone has nothing to read).
    await page.waitForTimeout(300)
    expect(decodeQr(await page.screenshot({ clip: STORY_CODE_AREA }))).toBeNull()
    const timeWhileLost = await videoTime(page)

    await loseContext(page, 'restoreContext')
    const restored = await eventually(async () => {
      const r = await glReport(page)
      return r.restores === 1 && !r.lost ? r : false
    }, 5000, 'the context restored')
    expect(restored.losses).toBe(1)
    expect(restored.lastReloaded).toBeGreaterThan(5)
    const after = await eventually(async () => decodeQr(await page.screenshot({ clip: STORY_CODE_AREA })), 5000, 'the QR code readable again')
    expect(after).toBe(article.qr!.url)
    expect(await videoTime(page)).toBeGreaterThan(timeWhileLost)

    // Keys still work after the rebuild: Back to Browse and into the same story again.
    await pressUntil(page, 'Escape', (s) => s.route === 'browse', 'Back to Browse')
    await pressUntil(page, 'Enter', articleShown, 'the article page again')
    expect(await eventually(async () => decodeQr(await page.screenshot({ clip: STORY_CODE_AREA })), 5000, 'the QR code on the reopened page')).toBe(article.qr!.url)
    expect(errors).toEqual([])
    await page.close()
  })
})
