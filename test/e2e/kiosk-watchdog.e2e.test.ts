/**
 * The kiosk watchdog, the one test where the app is meant to reload itself: a kiosk whose channel
 * has not played for minutes (its playlists answer 500 throughout) reloads the whole app, and the
 * reloaded app plays once the channel is back. Minutes pass on Playwright's page clock, which
 * fast-forwards the page's timers and Date; the server and the network stay real.
 */
import { describe, it, expect } from 'vitest'
import { snapshot, eventually } from './browser'
import { useDemoInChromium, setFault, clearFaults } from './demo'

const demo = useDemoInChromium()

describe('kiosk watchdog', () => {
  it('reloads a kiosk whose picture has not played for minutes, and the reloaded app plays', async () => {
    await setFault(demo.server, '/admin/faults', { fault: 'playlist500', seconds: 3600, channel: 'news' })
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    const errors: string[] = []
    const logs: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => logs.push(m.text()))
    let loads = 0
    page.on('load', () => loads++)
    try {
      await page.clock.install()
      await page.goto(`${demo.server.url}/?automation=1&kiosk=1`)
      const down = await eventually(async () => {
        const s = await snapshot(page)
        // The playlist answers 500: the screen says so (and that it will try again).
        return s.texts.some((t) => t.startsWith('The channel is not answering (HTTP 500).')) ? s : false
      }, 20_000, 'the kiosk saying its channel is not answering')
      expect(down.player.state).not.toBe('playing')
      expect(loads).toBe(1)

      // Under the reload gap (5 min since start) nothing happens, however long it has been down.
      await page.clock.fastForward('04:00')
      await page.waitForTimeout(1500)
      expect(loads, 'no reload inside the minimum gap').toBe(1)

      // Past it, with playback unhealthy all along (limit 3 min): the watchdog reloads the app.
      await page.clock.fastForward('02:00')
      await eventually(async () => loads >= 2, 15_000, 'the app to reload')
      expect(logs.some((l) => /\[kiosk\] reloading the app: playback not playing for/.test(l)), logs.filter((l) => l.includes('[kiosk]')).join('\n')).toBe(true)

      // The channel comes back: the reloaded kiosk plays, muted, with no key pressed.
      await clearFaults(demo.server, '/admin/faults')
      await eventually(async () => (await snapshot(page)).player.state === 'playing', 30_000, 'the reloaded kiosk playing')
      expect(await page.evaluate(() => document.querySelector('video')!.muted)).toBe(true)
      expect(errors).toEqual([])
    } finally {
      await clearFaults(demo.server, '/admin/faults')
      await context.close()
    }
  }, 120_000)
})
