/**
 * Offline cold start: launched with no stream and no feed, the app shows the cached headlines and
 * "Waiting for the channel…", then starts playing by itself when the network returns.
 */
import { describe, it, expect, afterAll } from 'vitest'
import { snapshot, eventually } from './browser'
import { useDemoInChromium, setFault, clearFaults } from './demo'

const demo = useDemoInChromium()

afterAll(async () => {
  await clearFaults(demo.server, '/admin/faults')
  await clearFaults(demo.server, '/admin/feed/fault')
})

describe('a cold start with the network down', () => {
  it('shows cached headlines and "Waiting for the channel…", then plays by itself', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    // An earlier session filled the headline cache.
    const earlier = await context.newPage()
    await earlier.goto(`${demo.server.url}/?automation=1`)
    await eventually(async () => (await snapshot(earlier)).ticker.items.length > 0, 20_000, 'headlines')
    await earlier.close()

    await setFault(demo.server, '/admin/faults', { fault: 'drop', seconds: 600 })
    await setFault(demo.server, '/admin/feed/fault', { fault: '500' })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${demo.server.url}/?automation=1`)
    const offline = await eventually(async () => {
      const s = await snapshot(page)
      return s.texts.includes('Waiting for the channel…') && s.ticker.items.length > 0 ? s : false
    }, 15_000, 'cached headlines and the waiting message')
    expect(offline.player.state).not.toBe('playing')

    await clearFaults(demo.server, '/admin/faults')
    await clearFaults(demo.server, '/admin/feed/fault')
    await eventually(async () => (await snapshot(page)).player.state === 'playing', 15_000, 'playing once the network is back')
    await eventually(async () => !(await snapshot(page)).texts.includes('Waiting for the channel…'), 5000, 'the message to go')
    expect(errors).toEqual([])
    await context.close()
  })
})
