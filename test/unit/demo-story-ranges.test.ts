import { describe, expect, it } from 'vitest'
import { liveWindow, renderLivePlaylist, type LoopSegment } from '../../scripts/server/live-window.mjs'
import { demoStreamRanges, programmeRangeLines, storyRangeLines } from '../../scripts/server/demo-story-ranges.mjs'
import { DEMO_ARTICLES, articleLink } from '../../scripts/server/demo-articles.mjs'
import { demoProgrammeAt } from '../../scripts/server/demo-schedule.mjs'
import { articleMarksFromDateRanges, articleRanges, activeRange } from '../../src/onair/article-ranges'
import { programmesFromDateRanges } from '../../src/schedule/stream-programmes'
import type { DateRangeLike } from '../../src/schedule/date-range-fields'

const LOOP: LoopSegment[] = Array.from({ length: 12 }, (_, i) => ({ uri: `seg${String(i).padStart(3, '0')}.ts`, duration: 2 }))
const EPOCH = Date.UTC(2025, 11, 1, 17, 59, 30)
const windowAt = (seconds: number) => liveWindow({ segments: LOOP, epochMs: EPOCH, nowMs: EPOCH + seconds * 1000 })

/** The playlist as hls.js parses it: its DateRange objects. */
async function hlsDateRanges(playlist: string): Promise<DateRangeLike[]> {
  const { M3U8Parser } = await import('hls.js')
  const details = (M3U8Parser as unknown as { parseLevelPlaylist(...args: unknown[]): { dateRanges: Record<string, DateRangeLike> } }).parseLevelPlaylist(
    playlist, 'http://x/live/news/720p/index.m3u8', 0, 'main', 0, null,
  )
  return Object.values(details.dateRanges)
}

describe('the demo channels\' story and programme date ranges', () => {
  const cadence = { everySeconds: 20, onAirSeconds: 16 }
  const markers = demoStreamRanges({ stories: cadence })
  const playlistAt = (seconds: number, channel = 'news') => {
    const window = windowAt(seconds)
    return renderLivePlaylist(window, undefined, markers({ id: channel, segments: LOOP }, window))
  }

  it('lists the story on air, with a demo feed article\'s guid, starting on a segment boundary, as hls.js reads it', async () => {
    const text = playlistAt(200)
    const ranges = articleRanges(articleMarksFromDateRanges(await hlsDateRanges(text)))
    expect(ranges.length).toBeGreaterThan(0)
    const links = DEMO_ARTICLES.map(articleLink)
    const segmentStarts = new Set(Array.from({ length: 200 }, (_, k) => EPOCH + k * 2000))
    for (const r of ranges) {
      expect(links).toContain(r.articleId)
      expect(r.articleUrl).toBe(r.articleId)
      expect(segmentStarts.has(r.start)).toBe(true)
      expect(r.end - r.start).toBe(16_000)
    }
    expect(text).toMatch(/#EXT-X-DATERANGE:ID="story-news-\d+",CLASS="com.livenews.story",START-DATE="[^"]+Z",DURATION=16.000,X-ARTICLE-ID="https:\/\/news.example.com\/[^"]+",X-ARTICLE-URL="/)
  })

  it('a new story every cadence, each listed while any of its time is in the window; none between stories', () => {
    const startsSeen = new Set<string>()
    let gaps = 0
    for (let s = 60; s < 200; s += 2) {
      const window = windowAt(s)
      const lines = storyRangeLines('news', LOOP, window, cadence)
      const first = window.segments[0]!.startMs
      const end = window.segments.at(-1)!.startMs + 2000
      for (const line of lines) {
        const start = Date.parse(/START-DATE="([^"]+)"/.exec(line)![1]!)
        startsSeen.add(new Date(start).toISOString())
        expect(start < end && start + 16_000 > first).toBe(true)
      }
      if (lines.length === 0) gaps++
    }
    // 140 s at one every 20 s; the 4 s gaps between stories are shorter than the 12 s window: never empty.
    expect(startsSeen.size).toBeGreaterThanOrEqual(7)
    expect(gaps).toBe(0)
    const starts = [...startsSeen].map(Date.parse).sort()
    starts.slice(1).forEach((t, i) => expect(t - starts[i]!).toBe(20_000))
  })

  it('is a pure function of the window: the same at every reload; channels show different stories', async () => {
    expect(playlistAt(123)).toBe(playlistAt(123))
    const news = articleRanges(articleMarksFromDateRanges(await hlsDateRanges(playlistAt(123, 'news'))))
    const world = articleRanges(articleMarksFromDateRanges(await hlsDateRanges(playlistAt(123, 'world'))))
    const at = news[0]!.start + 1000
    expect(activeRange(news, at)?.articleId).not.toBe(activeRange(world, at)?.articleId)
  })

  it('announces the demo schedule\'s programme, as the app\'s schedule reads it', async () => {
    const programmes = programmesFromDateRanges(await hlsDateRanges(playlistAt(100)))
    const expected = demoProgrammeAt('news', EPOCH + 100_000)!
    expect(programmes.map((p) => [p.title, p.start, p.end])).toEqual([[expected.title, expected.start, expected.end]])
    expect(programmeRangeLines('nowhere', windowAt(100))).toEqual([])
  })

  it('the programme ranges take the schedule\'s phase, as /schedule.xml does', async () => {
    const phase = 11 * 60_000
    const window = windowAt(100)
    const playlist = renderLivePlaylist(window, undefined, demoStreamRanges({ stories: false, schedulePhaseMs: phase })({ id: 'news', segments: LOOP }, window))
    const programmes = programmesFromDateRanges(await hlsDateRanges(playlist))
    const expected = demoProgrammeAt('news', EPOCH + 100_000, phase)!
    expect(programmes.map((p) => [p.title, p.start, p.end])).toEqual([[expected.title, expected.start, expected.end]])
  })

  it('stories can be switched off (programmes stay)', () => {
    const window = windowAt(100)
    const header = demoStreamRanges({ stories: false })({ id: 'news', segments: LOOP }, window).header!
    expect(header.some((l) => l.includes('com.livenews.story'))).toBe(false)
    expect(header.some((l) => l.includes('com.livenews.programme'))).toBe(true)
  })
})
