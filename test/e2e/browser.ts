/**
 * End-to-end plumbing: Debian's Chromium driven by playwright-core, and the demo server on an
 * ephemeral port. A missing Chromium fails loudly with how to install it; it never skips.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Snapshot } from '../../src/automation/snapshot'
import { CHROMIUM_PATH, CHROMIUM_ARGS, AUTOPLAY_ARG } from '../../scripts/chromium.mjs'

export { CHROMIUM_PATH, CHROMIUM_ARGS }

export async function launchChromium(opts: { autoplay?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "sudo apt-get install -y chromium" ` +
        '(or set CHROMIUM_PATH). End-to-end tests need a real browser and never skip.',
    )
  }
  const args = [...CHROMIUM_ARGS]
  if (opts.autoplay !== false) args.push(AUTOPLAY_ARG)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args })
  // E2E_CPU_THROTTLE=4 slows every page's CPU like a TV's (or a busy CI machine) to shake out races.
  const rate = Number(process.env.E2E_CPU_THROTTLE || 1)
  return rate > 1 ? throttleEveryPage(browser, rate) : browser
}

/** Every page the browser opens (through newPage or a context's newPage) runs CPU-throttled. */
function throttleEveryPage(browser: Browser, rate: number): Browser {
  const throttle = async (page: Page): Promise<Page> => {
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate })
    return page
  }
  const throttled = (context: BrowserContext): BrowserContext => {
    const newPage = context.newPage.bind(context)
    context.newPage = async () => throttle(await newPage())
    return context
  }
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => throttled(await newContext(options))
  const newPage = browser.newPage.bind(browser)
  browser.newPage = async (options) => throttle(await newPage(options))
  return browser
}

export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(url)
  return { page, errors }
}

/** The automation snapshot's shape: the app's own type, so tests and app cannot drift apart. */
export type { Snapshot }

export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => (window as unknown as { automation: { snapshot(): Snapshot } }).automation.snapshot())
}

/** Polls `check` (which throws or returns false while not yet true) until it holds or time runs out. */
export async function eventually<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown = null
  for (;;) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * Playing, and the UI up with a page focused. The picture starts before the Lightning UI loads, so
 * a key pressed on "playing" alone can reach no page yet (and be lost) on a slow machine.
 */
export function untilUiReady(page: Page, timeoutMs = 20_000): Promise<Snapshot> {
  return eventually(async () => {
    const s = await snapshot(page)
    return s.player.state === 'playing' && s.focusPath.some((name) => name.endsWith('Page')) ? s : false
  }, timeoutMs, 'playing with a page focused')
}

/**
 * An article page on screen: its route, its QR code and its text drawn (the page is created on
 * navigation, and Lightning lays text out a frame or two after the elements exist).
 */
export function articleShown(s: Snapshot): boolean {
  return s.route.startsWith('article/') && s.qr !== null && s.texts.includes('Scan to read on your phone')
}

/** Presses `key` (a Playwright key name) and waits for the snapshot to satisfy `check`. */
export async function pressUntil(page: Page, key: string, check: (s: Snapshot) => boolean, what: string): Promise<Snapshot> {
  await page.keyboard.press(key)
  return eventually(async () => {
    const s = await snapshot(page)
    return check(s) ? s : false
  }, 5000, what)
}
