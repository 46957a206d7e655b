/**
 * The "On air" chip from timed ID3 metadata: the demo server carries the stories as TXXX
 * X-ARTICLE-ID / X-ARTICLE-DURATION tags in an ID3 stream of the TS segments (stream_type 0x15,
 * scripts/server/ts-id3.mjs) instead of date ranges; hls.js hands them over with
 * FRAG_PARSING_METADATA, and the chip shows the article with `t=` the tag's time.
 */
import { describe, it, expect } from 'vitest'
import { snapshot, eventually, untilUiReady, openPage } from './browser'
import { useDemoInChromium } from './demo'
import { DEMO_ARTICLES, articleLink } from '../../scripts/server/demo-articles.mjs'

const demo = useDemoInChromium({ stories: { everySeconds: 24, onAirSeconds: 20, carrier: 'id3' } })

describe('On air from ID3', () => {
  it('shows the story an ID3 tag in the segments names, with t= its time', async () => {
    const { page, errors } = await openPage(demo.browser, `${demo.server.url}/?automation=1`)
    await untilUiReady(page)
    const playlist = await (await fetch(`${demo.server.url}/live/news/720p/index.m3u8`)).text()
    expect(playlist).not.toContain('com.livenews.story')
    const s = await eventually(async () => {
      const s = await snapshot(page)
      return s.onAir ? s : false
    }, 60_000, 'a story on air from ID3')
    const article = DEMO_ARTICLES.find((a) => articleLink(a) === s.onAir!.articleId)!
    expect(article).toBeTruthy()
    expect(s.texts).toContain(article.headline)
    const t = Date.parse(new URL(s.onAir!.qr!).searchParams.get('t')!)
    // The tag's time: a moment of the live stream in the last story's span, not the wall clock's now.
    expect(Date.now() - t).toBeGreaterThan(0)
    expect(Date.now() - t).toBeLessThan(60_000)
    // At the start of a segment (the tag's PTS is its segment's first), on the playlist's clock.
    const pdt = Date.parse(/#EXT-X-PROGRAM-DATE-TIME:(\S+)/.exec(playlist)![1]!)
    const offBoundary = (((t - pdt) % 2000) + 2000) % 2000
    console.log(`[on-air id3] t=${new Date(t).toISOString()}, ${offBoundary} ms after a segment boundary`)
    expect(Math.min(offBoundary, 2000 - offBoundary)).toBeLessThan(100)
    expect(errors).toEqual([])
    await page.close()
  }, 120_000)
})
