/**
 * Alternate audio from a master built the way packagers build one (ffmpeg's HLS muxer, then the
 * master edited to mark audio description: test/fixtures/streams/multi-audio/, made by
 * scripts/make-stream-fixtures.sh), on a plain static host: the tracks the viewer is offered, the
 * one that plays by default, changing it from Settings and with the Audio key, and the choice
 * kept across a reload.
 */
import { describe, it, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { snapshot, eventually, pressUntil, untilUiReady, type Snapshot } from './browser'
import { useDemoInChromium, useServerForFile } from './demo'
import { recordSpeech, spokenSoFar } from './speech'
import { startStaticStreamServer } from '../fixtures/streams/static-stream-server'

const demo = useDemoInChromium()
const streams = useServerForFile(startStaticStreamServer)

async function openMultiAudio(locale: string, opts: { voice?: boolean } = {}): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await demo.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  if (opts.voice) await recordSpeech(page)
  await page.goto(`${demo.server.url}/?automation=1${opts.voice ? '&voice=1' : ''}&stream=${encodeURIComponent(`${streams().origin}/multi-audio/master.m3u8`)}`)
  return { page, errors, close: () => context.close() }
}

/** The tracks listed, as the snapshot reports them: hls.js has read the master. */
function tracksListed(page: Page): Promise<Snapshot> {
  return eventually(async () => {
    const s = await snapshot(page)
    return s.player.audioTracks.length === 3 && s.player.audioTrack !== null ? s : false
  }, 20_000, 'the audio tracks in the snapshot')
}

const playingLabel = (s: Snapshot) => s.player.audioTracks.filter((t) => t.index === s.player.audioTrack)[0]?.label

/** Whether `dir` (eng, spa, eng-ad) was fetched from the stream host since `from`. */
const fetched = (from: number, dir: string) => streams().log.slice(from).some((p) => p.startsWith(`/multi-audio/${dir}/seg-`))

async function currentTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('video')!.currentTime)
}

/** Live → overlay (OK) → Settings (Right) → the Audio row (Down), with real key presses. */
async function openAudioRow(page: Page): Promise<Snapshot> {
  await untilUiReady(page)
  await pressUntil(page, 'Enter', (s) => s.texts.some((t) => t.indexOf('Settings') >= 0), 'the info overlay')
  await pressUntil(page, 'ArrowRight', (s) => s.route === 'settings', 'the Settings page')
  let s = await snapshot(page)
  for (let i = 0; i < 10 && s.focused.text !== 'Audio'; i++) s = await pressUntil(page, 'ArrowDown', () => true, 'a row down')
  return eventually(async () => {
    const now = await snapshot(page)
    return now.focused.text === 'Audio' ? now : false
  }, 5000, 'the Audio row focused')
}

describe('a master with alternate audio (English, Spanish, English audio description)', () => {
  it("lists the tracks by language in the viewer's language, audio description marked, and plays the TV's language", async () => {
    const { page, errors, close } = await openMultiAudio('en-US')
    try {
      const s = await tracksListed(page)
      expect(s.player.audioTracks.map((t) => t.label)).toEqual(['English', 'Spanish', 'English · Audio description'])
      expect(s.player.audioTracks.map((t) => [t.language, t.audioDescription])).toEqual([['en', false], ['es', false], ['en', true]])
      expect(playingLabel(s)).toBe('English')
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })

  it('on a TV set to Spanish, plays the Spanish track (not the playlist DEFAULT) and names the tracks in Spanish', async () => {
    const from = streams().log.length
    const { page, errors, close } = await openMultiAudio('es-ES')
    try {
      const s = await tracksListed(page)
      expect(s.player.audioTracks.map((t) => t.label)).toEqual(['Inglés', 'Español', 'Inglés · Audio description'])
      expect(playingLabel(s)).toBe('Español')
      await eventually(async () => fetched(from, 'spa'), 15_000, 'the Spanish audio fetched')
      await untilUiReady(page)
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })

  it('changes from the Settings row, hls.js switches while the picture plays on, and a reload keeps the choice', async () => {
    const { page, errors, close } = await openMultiAudio('en-US')
    try {
      expect(playingLabel(await tracksListed(page))).toBe('English')
      const row = await openAudioRow(page)
      expect(row.texts).toContain('‹  English  ›')
      const from = streams().log.length
      const changed = await pressUntil(page, 'ArrowRight', (s) => playingLabel(s) === 'Spanish', 'the Spanish track chosen')
      expect(changed.texts).toContain('‹  Spanish  ›')
      await eventually(async () => fetched(from, 'spa'), 15_000, 'the Spanish audio fetched')
      const before = await currentTime(page)
      await eventually(async () => (await currentTime(page)) > before + 1, 10_000, 'the picture to play on')
      expect((await snapshot(page)).player.state).toBe('playing')
      // OK steps on to audio description.
      const described = await pressUntil(page, 'Enter', (s) => s.player.audioTrack === 2, 'audio description chosen')
      expect(described.texts).toContain('‹  English · Audio description  ›')

      const reloadedFrom = streams().log.length
      await page.reload()
      const again = await tracksListed(page)
      await eventually(async () => playingLabel(await snapshot(page)) === 'English · Audio description', 10_000, 'the remembered track')
      await eventually(async () => fetched(reloadedFrom, 'eng-ad'), 15_000, 'the described audio fetched after the reload')
      // From the start: not a second of the TV's language (English) first.
      expect(fetched(reloadedFrom, 'eng')).toBe(false)
      expect(again.player.audioTracks).toHaveLength(3)
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })

  it('the Audio key (a keyboard A) on Live steps to the next track, shows it and says it', async () => {
    const { page, errors, close } = await openMultiAudio('en-US', { voice: true })
    try {
      await tracksListed(page)
      await untilUiReady(page)
      const s = await pressUntil(page, 'a', (s) => playingLabel(s) === 'Spanish', 'the next track')
      expect(s.texts).toContain('Audio: Spanish')
      await eventually(async () => (await spokenSoFar(page)).some((said) => said.indexOf('Audio, Spanish') >= 0), 5000, '"Audio, Spanish" spoken')
      expect(s.route).toBe('live')
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })
})
