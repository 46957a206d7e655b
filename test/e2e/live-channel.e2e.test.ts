import { describe, it, expect } from 'vitest'
import { PNG } from 'pngjs'
import { launchChromium, openPage, snapshot, eventually, untilUiReady } from './browser'
import { useDemoInChromium } from './demo'

const demo = useDemoInChromium()

const videoTime = (page: import('playwright-core').Page) =>
  page.evaluate(() => (document.querySelector('video') as HTMLVideoElement | null)?.currentTime ?? 0)

describe('the live channel in Chromium', () => {
  it('opens straight into the demo channel and plays it live', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1`)
    const first = await eventually(async () => {
      const t = await videoTime(page)
      return t > 0 ? t : false
    }, 15_000, 'the first video frame')
    const started = Date.now()
    await eventually(async () => (await videoTime(page)) - first >= 4, 15_000, 'currentTime to advance 4 s')
    expect(Date.now() - started).toBeLessThan(15_000)

    const snap = await snapshot(page)
    expect(snap.player.state).toBe('playing')
    expect(snap.player.channelId).toBe('news')
    expect(snap.player.levelHeight).toBeGreaterThan(0)
    expect(snap.route).toBe('live')
    expect(errors).toEqual([])
    await page.close()
  })

  it('serves a live stream: the media sequence advances between playlist loads', async () => {
    const master = await (await fetch(`${demo.server.url}/live/news/master.m3u8`)).text()
    const mediaPath = master.split('\n').find((line) => line && !line.startsWith('#'))!
    const mediaUrl = new URL(mediaPath, `${demo.server.url}/live/news/master.m3u8`).href
    const sequence = async () => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(await (await fetch(mediaUrl)).text())![1])
    const before = await sequence()
    const after = await eventually(async () => {
      const s = await sequence()
      return s > before ? s : false
    }, 10_000, 'the media sequence to advance')
    expect(after).toBeGreaterThan(before)
    expect(await (await fetch(mediaUrl)).text()).not.toContain('#EXT-X-ENDLIST')
  })

  it('shows a picture that is not black in the video area', async () => {
    const { page } = await openPage(demo.browser, `${demo.server.url}/?automation=1`)
    await eventually(async () => (await videoTime(page)) > 1, 15_000, 'playback')
    const png = PNG.sync.read(await page.screenshot({ clip: { x: 200, y: 200, width: 1500, height: 600 } }))
    let bright = 0
    for (let i = 0; i < png.data.length; i += 4 * 37) {
      if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! > 90) bright++
    }
    const samples = png.data.length / (4 * 37)
    expect(bright / samples).toBeGreaterThan(0.2)
    await page.close()
  })

  it('plays a stream given with ?stream= (the world channel by URL)', async () => {
    const stream = encodeURIComponent(`${demo.server.url}/live/world/master.m3u8`)
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1&stream=${stream}`)
    await eventually(async () => (await snapshot(page)).player.state === 'playing', 15_000, 'playing')
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
    expect(requested.some((name) => name.includes('/live/world/'))).toBe(true)
    expect(requested.some((name) => name.includes('/live/news/'))).toBe(false)
    expect((await snapshot(page)).player.channelId).toBe('custom')
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a bad setting on screen and in the console, naming the field and the value', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const consoleErrors: string[] = []
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
    await page.goto(`${demo.server.url}/?automation=1&stream=ftp://nowhere/x.m3u8`)
    const snap = await eventually(async () => {
      const s = await snapshot(page)
      return s.texts.some((t) => t.includes('?stream=')) ? s : false
    }, 10_000, 'the settings error on screen')
    expect(snap.texts).toContain('?stream= must be an http(s) URL, got "ftp://nowhere/x.m3u8"')
    expect(consoleErrors.join('\n')).toContain('?stream= must be an http(s) URL, got "ftp://nowhere/x.m3u8"')
    // The app still plays its default channel behind the message.
    await eventually(async () => (await snapshot(page)).player.state === 'playing', 15_000, 'playing')
    await page.close()
  })

  it('plays through the browser\'s native HLS when forced (the path for devices without MSE)', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1&engine=native`)
    await eventually(async () => (await videoTime(page)) > 2, 20_000, 'native playback')
    const src = await page.evaluate(() => document.querySelector('video')!.getAttribute('src'))
    expect(src).toContain('/live/news/master.m3u8')
    expect((await snapshot(page)).player.state).toBe('playing')
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('when the browser refuses autoplay with sound', () => {
  it('plays muted and says "Press OK for sound"; OK turns the sound on', async () => {
    const strict = await launchChromium({ autoplay: false })
    try {
      const { page } = await openPage(strict, `${demo.server.url}/?automation=1`)
      await eventually(async () => (await snapshot(page)).texts.includes('Press OK for sound'), 15_000, 'the sound prompt')
      expect(await page.evaluate(() => document.querySelector('video')!.muted)).toBe(true)
      expect(await videoTime(page)).toBeGreaterThan(0)
      await untilUiReady(page)
      await page.keyboard.press('Enter')
      await eventually(async () => !(await page.evaluate(() => document.querySelector('video')!.muted)), 5000, 'unmuted')
      await eventually(async () => !(await snapshot(page)).texts.includes('Press OK for sound'), 5000, 'the prompt to go')
    } finally {
      await strict.close()
    }
  })
})
