import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { ChannelSchedules } from '../../src/schedule/channel-schedules'
import { ProgrammeInfo } from '../../src/schedule/programme-info'
import { programmeLines, snapshotProgramme } from '../../src/schedule/programme-lines'
import { programme } from '../../src/schedule/programme'
import { programmeTimeFormatter } from '../../src/schedule/schedule-time'
import { xmldomXml } from '../../src/feed/xmldom-reader'
import type { FeedFetch, FeedResponse } from '../../src/feed/feed-http'

const T = (hhmm: string) => Date.parse(`2025-12-01T${hhmm}:00Z`)
const xmltv = (title: string) => `<tv><channel id="news"/>
  <programme start="20251201180000 +0000" stop="20251201183000 +0000" channel="news"><title>${title}</title></programme>
  <programme start="20251201183000 +0000" stop="20251201190000 +0000" channel="news"><title>Sports Desk</title></programme></tv>`

function answer(status: number, body: string, headers: Record<string, string> = {}): FeedResponse {
  const bytes = new TextEncoder().encode(body)
  return { status, headers: { get: (name) => headers[name] ?? null }, body: null, arrayBuffer: async () => bytes.buffer as ArrayBuffer }
}

function schedules(fetch: FeedFetch, clock: ManualClock, reports: string[] = []) {
  return new ChannelSchedules({
    channels: [{ id: 'news', number: 1, name: 'Newsroom 24', url: 'https://x/live.m3u8', schedule: { url: 'https://x/schedule.xml', xmltvId: null, programmes: [] } }],
    fetch,
    clock,
    refreshMinutes: 60,
    maxBytes: 100_000,
    report: (m) => reports.push(m),
    xml: xmldomXml,
  })
}
const settle = () => new Promise((r) => setTimeout(r, 0))

describe('loading a channel\'s schedule', () => {
  it('fetches with only safelisted headers, refreshes hourly, and merges the stream\'s programmes over it', async () => {
    const clock = new ManualClock(T('18:10'))
    const requests: Array<Record<string, string>> = []
    let title = 'Evening Bulletin'
    const s = schedules(async (_url, init) => (requests.push(init.headers), answer(200, xmltv(title), { 'Content-Type': 'application/xml' })), clock)
    s.load('news')
    s.load('news')
    await settle()
    expect(requests).toHaveLength(1)
    expect(Object.keys(requests[0]!)).toEqual(['Accept'])
    expect(s.nowNext('news')!.now!.title).toBe('Evening Bulletin')
    title = 'Evening Bulletin (late)'
    clock.advance(60 * 60_000 - 1)
    expect(requests).toHaveLength(1)
    clock.advance(1)
    await settle()
    expect(s.nowNext('news', T('18:10'))!.now!.title).toBe('Evening Bulletin (late)')
    s.setStreamProgrammes('news', [programme({ title: 'Breaking: live statement', start: T('18:05'), end: T('18:20'), source: 'stream' })])
    expect(s.nowNext('news', T('18:10'))).toMatchObject({ now: { title: 'Breaking: live statement' }, next: { title: 'Evening Bulletin (late)', start: T('18:20') } })
    s.stop()
  })

  it('reports a failed fetch, keeps the last good listing and tries again after 5 minutes', async () => {
    const clock = new ManualClock(T('18:10'))
    const reports: string[] = []
    let status = 200
    const s = schedules(async () => answer(status, xmltv('Evening Bulletin')), clock, reports)
    s.load('news')
    await settle()
    status = 503
    clock.advance(60 * 60_000)
    await settle()
    expect(reports.join('\n')).toMatch(/news: https:\/\/x\/schedule.xml: the schedule answered HTTP 503 \(trying again in 5 min\)/)
    expect(s.nowNext('news', T('18:10'))!.now!.title).toBe('Evening Bulletin')
    status = 200
    clock.advance(5 * 60_000)
    await settle()
    expect(reports).toHaveLength(1)
    s.stop()
  })

  it('a listing that fails with none kept says so where the programme would be; the next good fetch clears it', async () => {
    const clock = new ManualClock(T('18:10'))
    let status = 404
    const s = schedules(async () => answer(status, xmltv('Evening Bulletin')), clock)
    const info = new ProgrammeInfo(s, clock)
    expect(info.lines('news')).toBeNull()
    await settle()
    expect(info.lines('news')).toEqual({ now: 'Programme listing unavailable (the schedule answered HTTP 404)', next: '', progress: null })
    expect(info.snapshot('news')).toBeNull()
    status = 200
    clock.advance(5 * 60_000)
    await settle()
    expect(info.lines('news')!.now).toMatch(/Evening Bulletin/)
    expect(s.problem('news')).toBeNull()
    s.stop()
  })

  it('names the programme under the playhead when the tuned channel plays behind live, and the one on air again once live', async () => {
    const clock = new ManualClock(T('18:40'))
    const s = schedules(async () => answer(200, xmltv('Evening Bulletin')), clock)
    let watching: number | null = T('18:02')
    const info = new ProgrammeInfo(s, clock, (id) => (id === 'news' ? watching : null))
    info.lines('news')
    await settle()
    // Watching the 18:00 bulletin from its start, at 18:40 on the clock.
    expect(info.snapshot('news')!.now!.title).toBe('Evening Bulletin')
    expect(info.snapshot('news')!.next!.title).toBe('Sports Desk')
    expect(info.lines('news')!.now).toMatch(/Evening Bulletin/)
    watching = null // Go live
    expect(info.snapshot('news')!.now!.title).toBe('Sports Desk')
    expect(info.lines('news')!.now).toMatch(/Sports Desk/)
    s.stop()
  })

  it('refuses a listing over the size cap', async () => {
    const clock = new ManualClock(T('18:10'))
    const reports: string[] = []
    const s = schedules(async () => answer(200, xmltv('x'), { 'Content-Length': '5000000' }), clock, reports)
    s.load('news')
    await settle()
    expect(reports[0]).toMatch(/larger|kB/)
    expect(s.nowNext('news')).toBeNull()
    s.stop()
  })
})

describe('the programme lines on screen and in the snapshot', () => {
  const format = programmeTimeFormatter({ timeZone: 'UTC', hour12: false, locale: 'en-GB' })
  const now = programme({ title: 'Evening Bulletin', start: T('18:00'), end: T('18:30'), source: 'xmltv' })
  const next = programme({ title: 'Sports Desk', start: T('18:30'), end: T('19:00'), source: 'xmltv' })

  it('says what is on with its times, what is next, and how far through', () => {
    expect(programmeLines({ now, next }, T('18:10'), format)).toEqual({ now: '18:00 – 18:30  Evening Bulletin', next: 'Next 18:30  Sports Desk', progress: 1 / 3 })
    expect(programmeLines({ now: null, next }, T('17:50'), format)).toEqual({ now: 'No programme information', next: 'Next 18:30  Sports Desk', progress: null })
    expect(programmeLines({ now: null, next: null }, T('17:50'), format)).toBeNull()
  })

  it('reports now and next with ISO times', () => {
    expect(snapshotProgramme({ now, next: null })).toEqual({ now: { title: 'Evening Bulletin', start: '2025-12-01T18:00:00.000Z', end: '2025-12-01T18:30:00.000Z' }, next: null })
    expect(snapshotProgramme(null)).toBeNull()
  })
})

describe('channels sharing one listing URL', () => {
  it('fetch it once per refresh and each take their own programmes', async () => {
    const clock = new ManualClock(T('18:10'))
    const urls: string[] = []
    const both = `<tv><channel id="news"/><channel id="world"/>
      <programme start="20251201180000 +0000" stop="20251201183000 +0000" channel="news"><title>Evening Bulletin</title></programme>
      <programme start="20251201180000 +0000" stop="20251201183000 +0000" channel="world"><title>World Tonight</title></programme></tv>`
    const schedule = { url: 'https://x/guide.xml', xmltvId: null, programmes: [] }
    const s = new ChannelSchedules({
      channels: [
        { id: 'news', number: 1, name: 'Newsroom 24', url: 'https://x/news.m3u8', schedule },
        { id: 'world', number: 2, name: 'World Desk', url: 'https://x/world.m3u8', schedule },
      ],
      fetch: async (url) => (urls.push(url), answer(200, both)),
      clock,
      refreshMinutes: 60,
      maxBytes: 100_000,
      report: () => {},
      xml: xmldomXml,
    })
    s.load('news')
    s.load('world')
    await settle()
    expect(urls).toEqual(['https://x/guide.xml'])
    expect([s.nowNext('news')!.now!.title, s.nowNext('world')!.now!.title]).toEqual(['Evening Bulletin', 'World Tonight'])
    clock.advance(60 * 60_000)
    await settle()
    expect(urls).toHaveLength(2)
    s.stop()
  })
})

describe('following a channel\'s programme while the overlay is open', () => {
  it('shows the lines again when the schedule changes, each minute, and at the programme boundary; not after stop', async () => {
    const { ProgrammeInfo } = await import('../../src/schedule/programme-info')
    const clock = new ManualClock(T('18:29') + 30_000)
    const inline = [
      programme({ title: 'Evening Bulletin', start: T('18:00'), end: T('18:30'), source: 'json' }),
      programme({ title: 'Sports Desk', start: T('18:30'), end: T('19:00'), source: 'json' }),
    ]
    const s = new ChannelSchedules({
      channels: [{ id: 'news', number: 1, name: 'Newsroom 24', url: 'https://x/live.m3u8', schedule: { url: null, xmltvId: null, programmes: inline } }],
      fetch: async () => answer(500, ''),
      clock,
      refreshMinutes: 60,
      maxBytes: 100_000,
      report: () => {},
    })
    const info = new ProgrammeInfo(s, clock)
    const shown: string[] = []
    const stop = info.follow('news', (lines) => shown.push(lines!.now.replace(/^.*\s\s/, '')))
    expect(shown).toEqual(['Evening Bulletin'])
    clock.advance(30_000)
    expect(shown).toEqual(['Evening Bulletin', 'Sports Desk'])
    clock.advance(60_000)
    expect(shown).toHaveLength(3)
    s.setStreamProgrammes('news', [programme({ title: 'Breaking: live statement', start: T('18:30'), end: T('18:45'), source: 'stream' })])
    expect(shown.at(-1)).toBe('Breaking: live statement')
    stop()
    clock.advance(10 * 60_000)
    s.setStreamProgrammes('news', [])
    expect(shown).toHaveLength(4)
  })
})
