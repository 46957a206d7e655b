/**
 * Streams the app did not make, from a plain static host (test/fixtures/streams/, made by
 * scripts/make-stream-fixtures.sh with Debian's ffmpeg): what the viewer sees and what the
 * snapshot reports.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually } from './browser'
import { useDemoInChromium, useServerForFile } from './demo'
import { startStaticStreamServer } from '../fixtures/streams/static-stream-server'
import { recordSpeech, spokenSoFar } from './speech'

const demo = useDemoInChromium()
const streams = useServerForFile(startStaticStreamServer)

/**
 * The engine fact simulated: MSE that cannot decode HEVC (as on many TVs and some Chromium
 * builds). `isTypeSupported` says no for hvc1/hev1 and a SourceBuffer for it cannot be made;
 * H.264/AAC stay supported.
 */
function withoutHevc(): void {
  const isHevc = (type: string) => /codecs\s*=\s*"?[^"]*\b(hvc1|hev1)/i.test(type)
  const original = MediaSource.isTypeSupported.bind(MediaSource)
  MediaSource.isTypeSupported = (type: string) => !isHevc(type) && original(type)
  const addSourceBuffer = MediaSource.prototype.addSourceBuffer
  MediaSource.prototype.addSourceBuffer = function (this: MediaSource, type: string) {
    if (isHevc(type)) throw new DOMException(`unsupported: ${type}`, 'NotSupportedError')
    return addSourceBuffer.call(this, type)
  }
}

async function openStream(url: string, opts: { hevc: boolean; query?: string }): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 } })
  if (!opts.hevc) await context.addInitScript(withoutHevc)
  const page = await context.newPage()
  if (opts.query && opts.query.includes('voice=1')) await recordSpeech(page)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(`${demo.server.url}/?automation=1${opts.query ?? ''}&stream=${encodeURIComponent(url)}`)
  return { page, errors, close: () => context.close() }
}

/** Samples the snapshot for `ms`: the states seen and whether the element was ever paused. */
async function watch(page: Page, ms: number): Promise<{ states: string[]; texts: string[] }> {
  const states = new Set<string>()
  const texts = new Set<string>()
  const end = Date.now() + ms
  while (Date.now() < end) {
    const s = await snapshot(page)
    states.add(s.player.state)
    s.texts.forEach((t) => texts.add(t))
    await page.waitForTimeout(250)
  }
  return { states: [...states], texts: [...texts] }
}

const HEVC_TEXT = 'This channel uses a format this TV cannot play (HEVC)'

describe('a channel in a codec the engine cannot decode (HEVC in fMP4, MSE says no)', () => {
  it('fails at once with the codec named, on screen and in the snapshot, and retries nothing', async () => {
    const { page, errors, close } = await openStream(`${streams().origin}/master-hevc.m3u8`, { hevc: false })
    try {
      const failed = await eventually(async () => {
        const s = await snapshot(page)
        return s.player.state === 'failed' ? s : false
      }, 15_000, 'the failed state')
      expect(failed.texts).toContain(HEVC_TEXT)
      const requestsAtFailure = streams().log.length
      const later = await watch(page, 4000)
      expect(later.states).toEqual(['failed'])
      expect(later.texts).toContain(HEVC_TEXT)
      expect(later.texts).not.toContain('Waiting for the channel…')
      // No retry loop: nothing more is fetched from the stream host.
      expect(streams().log.length).toBe(requestsAtFailure)
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })

  it('fails the same way for a media playlist (no master, so no CODECS to read before the init segment)', async () => {
    const { page, close } = await openStream(`${streams().origin}/hevc/index.m3u8`, { hevc: false })
    try {
      const failed = await eventually(async () => {
        const s = await snapshot(page)
        return s.player.state === 'failed' ? s : false
      }, 20_000, 'the failed state')
      expect(failed.texts).toContain(HEVC_TEXT)
      const later = await watch(page, 3000)
      expect(later.states).toEqual(['failed'])
    } finally {
      await close()
    }
  })

  it('skips the HEVC rendition of a mixed master and plays the H.264 one', async () => {
    const from = streams().log.length
    const { page, errors, close } = await openStream(`${streams().origin}/master-mixed.m3u8`, { hevc: false })
    try {
      await eventually(async () => (await snapshot(page)).player.state === 'playing', 15_000, 'playing')
      await eventually(async () => (await page.evaluate(() => document.querySelector('video')!.currentTime)) > 1, 10_000, 'the picture to move')
      const requested = streams().log.slice(from)
      expect(requested.some((p) => p.startsWith('/hevc/'))).toBe(false)
      expect(requested.some((p) => p.startsWith('/h264/seg-'))).toBe(true)
      expect(await page.evaluate(() => document.querySelector('video')!.paused)).toBe(false)
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })

  it('leaves the other channels tunable after a channel failed on its codec', async () => {
    const { page, close } = await openStream(`${streams().origin}/master-hevc.m3u8`, { hevc: false })
    try {
      await eventually(async () => {
        const s = await snapshot(page)
        return s.player.state === 'failed' && s.focusPath.some((name) => name.endsWith('Page'))
      }, 20_000, 'the failed state with the UI up')
      await page.keyboard.press('PageUp') // ChannelUp
      const s = await eventually(async () => {
        const s = await snapshot(page)
        return s.player.state === 'playing' && s.player.channelId !== 'custom' ? s : false
      }, 20_000, 'another channel playing')
      expect(s.player.channelId).not.toBe('custom')
      expect(s.texts).not.toContain(HEVC_TEXT)
    } finally {
      await close()
    }
  })
})

describe('a playlist the host answers with an HTTP error', () => {
  it('says what is wrong and when it tries again ("The channel is not answering (HTTP 404)…"), on screen and in the snapshot', async () => {
    const { page, errors, close } = await openStream(`${streams().origin}/no-such-channel/index.m3u8`, { hevc: true })
    try {
      const said = await eventually(async () => {
        const s = await snapshot(page)
        return s.texts.find((t) => /^The channel is not answering \(HTTP 404\)\. Trying again in \d+ s$/.test(t)) ?? false
      }, 20_000, 'the HTTP 404 message')
      expect(said).toMatch(/Trying again in \d+ s/)
      const s = await snapshot(page)
      expect(s.player.state).toBe('recovering')
      expect(s.texts).not.toContain('Waiting for the channel…')
      // It keeps trying, with the status still said.
      const later = await watch(page, 3000)
      expect(later.texts.some((t) => t.startsWith('The channel is not answering (HTTP 404)'))).toBe(true)
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })
})

describe('a media playlist given as the channel URL (no master: no RESOLUTION, no BANDWIDTH)', () => {
  it('reports the picture height and a measured bitrate, in the snapshot and the QoE figures', async () => {
    const { page, errors, close } = await openStream(`${streams().origin}/h264/index.m3u8`, { hevc: true })
    try {
      await eventually(async () => (await snapshot(page)).player.state === 'playing', 15_000, 'playing')
      // Two fragments in: the first two have been loaded and measured.
      await eventually(async () => (await page.evaluate(() => document.querySelector('video')!.currentTime)) > 2, 10_000, 'two fragments played')
      const s = await snapshot(page)
      // The fixture is 320x180 at about 100 kbit/s (video and audio, see make-stream-fixtures.sh).
      expect(s.player.levelHeight).toBe(180)
      expect(s.player.bitrate).toBeGreaterThan(50_000)
      expect(s.player.bitrate).toBeLessThan(300_000)
      const qoe = await page.evaluate(() => (window as unknown as { automation: { qoe(): { bitrate: number | null } } }).automation.qoe())
      expect(qoe.bitrate).toBeGreaterThan(50_000)
      expect(qoe.bitrate).toBeLessThan(300_000)
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })
})

const videoTime = (page: Page) => page.evaluate(() => document.querySelector('video')!.currentTime)
const timeToFirstFrame = (page: Page) =>
  page.evaluate(() => (window as unknown as { automation: { timeToFirstFrameMs(): number | null } }).automation.timeToFirstFrameMs())

describe('an audio-only channel (AAC, no video track)', () => {
  for (const [what, path] of [['a master with CODECS="mp4a.40.2"', 'master-audio-only.m3u8'], ['its media playlist', 'audio-only/index.m3u8']] as const) {
    it(`plays (${what}): state playing, a time to first "frame", and a still card with the channel name and "Audio only"`, async () => {
      const { page, errors, close } = await openStream(`${streams().origin}/${path}`, { hevc: true })
      try {
        const s = await eventually(async () => {
          const s = await snapshot(page)
          return s.player.state === 'playing' ? s : false
        }, 20_000, 'the audio-only channel playing')
        expect(await timeToFirstFrame(page)).not.toBeNull()
        await eventually(async () => (await snapshot(page)).texts.includes('Audio only'), 5000, 'the "Audio only" card')
        const shown = await snapshot(page)
        expect(shown.texts).toContain('Custom stream')
        expect(shown.texts).not.toContain('Waiting for the channel…')
        expect(s.player.state).toBe('playing')
        // The sound goes on and the frozen-picture watch (no frames to see) leaves it alone.
        const from = await videoTime(page)
        await eventually(async () => (await videoTime(page)) > from + 2, 10_000, 'the sound to advance')
        const later = await watch(page, 1500)
        expect(later.states).toEqual(['playing'])
        expect(errors).toEqual([])
      } finally {
        await close()
      }
    })
  }
})

describe('an AES-128 stream (ffmpeg -hls_key_info_file, the key on the same static host)', () => {
  it('plays, with the picture advancing', async () => {
    const from = streams().log.length
    const { page, errors, close } = await openStream(`${streams().origin}/aes128/index.m3u8`, { hevc: true })
    try {
      await eventually(async () => (await snapshot(page)).player.state === 'playing', 20_000, 'playing')
      const start = await videoTime(page)
      await eventually(async () => (await videoTime(page)) > start + 1.5, 10_000, 'the picture to advance')
      const s = await snapshot(page)
      expect(s.player.levelHeight).toBe(180)
      expect(streams().log.slice(from)).toContain('/aes128/stream.key')
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })
})

const ENDED = 'This broadcast has ended'
const PAUSED = 'Paused · Play to resume · OK to go live'

describe('a stream that ends (EXT-X-ENDLIST: a live event that ended, a VOD URL)', () => {
  for (const [what, path] of [['a live event that ended', 'ended-event/index.m3u8'], ['a VOD playlist', 'h264/index.m3u8']] as const) {
    it(`says "${ENDED}" after the end (${what}), never the viewer's pause, offers other channels, and has no latency`, async () => {
      const { page, errors, close } = await openStream(`${streams().origin}/${path}`, { hevc: true, query: '&voice=1' })
      try {
        await eventually(async () => (await snapshot(page)).player.state === 'playing', 20_000, 'playing')
        // Sample until the end (8 s of stream) and a little after: the pause text never shows.
        const seen = new Set<string>()
        const ended = await eventually(async () => {
          const s = await snapshot(page)
          s.texts.forEach((t) => seen.add(t))
          return s.texts.includes(ENDED) ? s : false
        }, 20_000, `"${ENDED}"`)
        expect(ended.player.state).toBe('ended')
        expect(ended.player.latency).toBeNull()
        expect(ended.texts).toContain('Press ▲/▼ for other channels')
        const after = await watch(page, 2000)
        after.texts.forEach((t) => seen.add(t))
        expect([...seen]).not.toContain(PAUSED)
        expect(after.states).toEqual(['ended'])
        // Voice guidance says the same, and never the pause.
        await eventually(async () => (await spokenSoFar(page)).includes(ENDED), 5000, `"${ENDED}" spoken`)
        expect((await spokenSoFar(page)).filter((t) => t.startsWith('Paused'))).toEqual([])
        // ▲ changes channel as the hint says.
        await page.keyboard.press('ArrowUp')
        const other = await eventually(async () => {
          const s = await snapshot(page)
          return s.player.state === 'playing' && s.player.channelId !== 'custom' ? s : false
        }, 20_000, 'another channel playing')
        expect(other.texts).not.toContain(ENDED)
        expect(errors).toEqual([])
      } finally {
        await close()
      }
    })
  }

  it('in kiosk mode, moves on to the next channel by itself', async () => {
    const { page, errors, close } = await openStream(`${streams().origin}/ended-event/index.m3u8`, { hevc: true, query: '&kiosk=1' })
    try {
      await eventually(async () => (await snapshot(page)).player.state === 'playing', 20_000, 'playing')
      await eventually(async () => (await snapshot(page)).texts.includes(ENDED), 20_000, `"${ENDED}"`)
      const next = await eventually(async () => {
        const s = await snapshot(page)
        return s.player.state === 'playing' && s.player.channelId !== null && s.player.channelId !== 'custom' ? s : false
      }, 30_000, 'the kiosk on another channel')
      expect(next.texts).not.toContain(ENDED)
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })
})
