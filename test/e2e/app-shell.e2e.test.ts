/**
 * The app shell in Chromium: a bad or unknown location fragment opens Live (at launch and later),
 * and voice guidance speaks what changes without the focus moving: channel changes, the Exit
 * dialog, a status banner.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually, untilUiReady, type Snapshot } from './browser'
import { useDemoInChromium, setFault, clearFaults } from './demo'
import { recordSpeech, spokenSoFar, forgetSpeech } from './speech'

const demo = useDemoInChromium()

async function open(query: string, hash = ''): Promise<{ page: Page; errors: string[] }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await recordSpeech(page)
  await page.goto(`${demo.server.url}/?automation=1${query}${hash}`)
  return { page, errors }
}

const until = (page: Page, what: string, test: (s: Snapshot) => boolean, ms = 10_000) =>
  eventually(async () => {
    const s = await snapshot(page)
    return test(s) ? s : false
  }, ms, what)

const spoken = (page: Page) => spokenSoFar(page)

async function untilSpoken(page: Page, text: string, ms = 10_000): Promise<string[]> {
  return eventually(async () => {
    const said = await spoken(page)
    return said.some((s) => s.includes(text)) ? said : false
  }, ms, `"${text}" spoken`)
}

describe('a bad location fragment', () => {
  for (const hash of ['#article/%', '#nosuchroute', '#browse/%E0%A4%A']) {
    it(`${hash} at launch opens Live, playing, with working keys`, async () => {
      const { page, errors } = await open('', hash)
      const s = await untilUiReady(page)
      expect(s.route).toBe('live')
      expect(s.player.state).toBe('playing')
      await page.keyboard.press('ArrowRight')
      await until(page, 'Browse after Right', (s) => s.route === 'browse' && s.focused.text !== null)
      await page.keyboard.press('Escape')
      await until(page, 'back on Live', (s) => s.route === 'live')
      expect(errors).toEqual([])
      await page.context().close()
    })
  }

  it('typed into the address later, it opens Live too', async () => {
    const { page, errors } = await open('')
    await untilUiReady(page)
    for (const hash of ['#nosuchroute', '#article/%']) {
      await page.keyboard.press('ArrowRight')
      await until(page, 'Browse', (s) => s.route === 'browse' && s.focused.text !== null)
      await page.evaluate((h) => (window.location.hash = h), hash)
      await until(page, `Live after ${hash}`, (s) => s.route === 'live' && s.focusPath.some((n) => n.endsWith('Page')))
    }
    await page.keyboard.press('ArrowRight')
    await until(page, 'Browse after Right', (s) => s.route === 'browse')
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('voice guidance for what changes without a focus move', () => {
  it('speaks the channel change, the Exit dialog and "Reconnecting"', async () => {
    const { page, errors } = await open('&voice=1')
    await untilUiReady(page)
    await page.waitForTimeout(800)
    await forgetSpeech(page)

    await page.keyboard.press('PageUp') // ChannelUp
    await until(page, 'World Desk', (s) => s.player.channelId === 'world')
    await untilSpoken(page, 'Channel 2, World Desk')
    await until(page, 'playing World Desk', (s) => s.player.state === 'playing', 20_000)

    await page.keyboard.press('Escape') // Back on Live
    await until(page, 'the Exit? question', (s) => s.texts.includes('Exit?'))
    const said = await untilSpoken(page, 'Exit?')
    expect(said.find((s) => s.includes('Exit?'))).toMatch(/Exit\? No/)
    await page.keyboard.press('Escape') // Back answers No
    await until(page, 'the question gone', (s) => !s.texts.includes('Exit?'))

    await page.waitForTimeout(800)
    await forgetSpeech(page)
    await setFault(demo.server, '/admin/faults', { fault: 'drop', seconds: 40 })
    try {
      await until(page, 'the Reconnecting banner', (s) => s.texts.includes('Reconnecting…'), 40_000)
      await untilSpoken(page, 'Reconnecting', 5000)
    } finally {
      await clearFaults(demo.server, '/admin/faults')
    }
    console.log('[voice] spoken during the fault:', JSON.stringify(await spoken(page)))
    expect(errors).toEqual([])
    await page.context().close()
  }, 120_000)
})

describe('bad URL values, on screen like every other bad setting', () => {
  it('names ?engine=turbo and ?captions=maybe in the Settings error panel, and plays on the defaults', async () => {
    const { page, errors } = await open('&engine=turbo&captions=maybe')
    const s = await untilUiReady(page)
    const panel = await until(page, 'the Settings error panel', (s) => s.texts.includes('Settings error'))
    expect(panel.texts).toContain('?engine= must be one of auto, hlsjs, native, got "turbo"')
    expect(panel.texts).toContain('?captions= must be 1 or 0, got "maybe"')
    expect(s.player.state).toBe('playing')
    expect(errors).toEqual([])
    await page.context().close()
  })
})
