/**
 * index.html's Content-Security-Policy (scripts/build/csp.mjs): a normal session (the picture, the
 * crawl, Browse with its feed images, an article with its QR codes) violates nothing, on both
 * bundles; and a script injected into the page afterwards does not run.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually, untilUiReady, articleShown, pressUntil } from './browser'
import { useDemoInChromium } from './demo'

const demo = useDemoInChromium()

interface Violation {
  directive: string
  blocked: string
  sample: string
}

/** Opens the app with a recorder for the page's CSP violations, and for the console's reports of them (workers too). */
async function open(query: string): Promise<{ page: Page; violations: () => Promise<Violation[]>; refusals: string[]; errors: string[] }> {
  const page = await demo.browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const refusals: string[] = []
  const errors: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  // Init scripts run before the page's own, and are not subject to its policy.
  await page.addInitScript(() => {
    const seen: Violation[] = []
    ;(window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample })
    })
  })
  await page.goto(`${demo.server.url}/${query}`)
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations)
  return { page, violations, refusals, errors }
}

const videoTime = (page: Page) => page.evaluate(() => (document.querySelector('video') as HTMLVideoElement | null)?.currentTime ?? 0)

describe('the Content-Security-Policy', () => {
  it('is on the page, without unsafe-inline', async () => {
    const page = await demo.browser.newPage()
    await page.goto(`${demo.server.url}/?automation=1`)
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '')
    expect(policy).toMatch(/script-src 'self' 'unsafe-eval' 'sha256-[\w+/]+=*'/)
    expect(policy).toMatch(/object-src 'none'/)
    expect(policy).not.toMatch(/unsafe-inline/)
    await page.close()
  })

  for (const bundle of ['module', 'legacy']) {
    it(`lets a whole session run on the ${bundle} bundle without a violation`, async () => {
      const { page, violations, refusals, errors } = await open(`?automation=1&bundle=${bundle}`)
      await untilUiReady(page, 40_000)
      expect(await page.evaluate(() => (window as unknown as { __liveNewsBundle?: string }).__liveNewsBundle)).toBe(bundle)
      // The picture plays (hls.js, its worker, MSE) and the crawl shows the feed.
      await eventually(async () => (await videoTime(page)) > 1, 20_000, 'playback')
      await eventually(async () => {
        const snap = await snapshot(page)
        return snap.ticker.visible && snap.ticker.items.length > 0
      }, 20_000, 'headlines in the crawl')
      // Browse loads the feed's images (the demo's point at news.example.com, which does not answer
      // here: a failed load, not a refused one); an article draws its QR codes.
      await page.evaluate(() => (location.hash = '#browse'))
      await eventually(async () => {
        const s = await snapshot(page)
        return s.route === 'browse' && /^Tile-/.test(s.focused.ref)
      }, 15_000, 'Browse with a focused tile')
      await pressUntil(page, 'Enter', articleShown, 'the article page')
      await page.waitForTimeout(1000)
      expect(await violations()).toEqual([])
      expect(refusals).toEqual([])
      expect(errors).toEqual([])
      await page.close()
    })
  }

  it('refuses a script injected into the page', async () => {
    const { page, violations } = await open('?automation=1')
    await untilUiReady(page)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.appendChild(script)
    })
    await eventually(async () => (await violations()).length > 0, 5_000, 'a violation report')
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    expect(await violations()).toEqual([expect.objectContaining({ directive: expect.stringMatching(/^script-src/) })])
    // So does an inline event handler attribute.
    await page.evaluate(() => {
      const image = document.createElement('img')
      image.setAttribute('onerror', 'window.__injected = true')
      image.src = 'data:,'
      document.body.appendChild(image)
    })
    await eventually(async () => (await violations()).length > 1, 5_000, 'a second violation report')
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    await page.close()
  })
})
