// @ts-check
/** Benchmark plumbing: Chromium, throttled pages, the app page, and small statistics. */
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH, CHROMIUM_ARGS, AUTOPLAY_ARG } from '../chromium.mjs'

/** Plus precise heap figures for the soak. */
const ARGS = [...CHROMIUM_ARGS, AUTOPLAY_ARG, '--enable-precise-memory-info', '--js-flags=--expose-gc']

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS })
}

/** @param {import('playwright-core').Browser} browser @param {number} throttle */
export async function throttledPage(browser, throttle) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  return { page, context, cdp }
}

/** Opens the app with automation and waits until it plays with headlines on screen. */
export async function openPlayingApp(browser, url, throttle) {
  const opened = await throttledPage(browser, throttle)
  await opened.page.goto(url)
  await opened.page.waitForFunction(() => {
    const a = /** @type {any} */ (window).automation
    if (!a) return false
    const s = a.snapshot()
    return s.player.state === 'playing' && s.ticker.items.length > 0
  }, null, { timeout: 60_000, polling: 250 })
  return opened
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}
