import { describe, expect, it } from 'vitest'
import { canWatchFromStart, WINDOW_START_MARGIN_MS } from '../../src/guide/watch-from-start'
import { dvrWindowOf, mediaTimeAt, type DatedFragment } from '../../src/player/dvr-window'
import { detailsLines, cellSpeech, guideAction, snapshotGuide, FROM_START_HINT, NO_LISTING, type CellContext } from '../../src/guide/guide-labels'
import { programmeTimeFormatter } from '../../src/schedule/schedule-time'
import { programme } from '../../src/schedule/programme'

const T0 = Date.parse('2025-12-01T18:20:00Z')
/** A live window of 2 s segments from T0, with a discontinuity (media time jumps) half way: dates and media time drift apart. */
function fragments(count: number): DatedFragment[] {
  return Array.from({ length: count }, (_, i) => ({ start: 100 + i * 2 + (i >= count / 2 ? 0.5 : 0), duration: 2, programDateTime: T0 + i * 2000 }))
}

describe('the DVR window and where a program date-time plays', () => {
  it('is the span of the playlist\'s program date-times', () => {
    expect(dvrWindowOf(fragments(300))).toEqual({ start: T0, end: T0 + 600_000 })
    expect(dvrWindowOf([{ start: 0, duration: 2 }])).toBeNull()
    expect(dvrWindowOf([])).toBeNull()
  })

  it('maps a program date-time to media time inside the fragment that holds it, across a discontinuity', () => {
    const list = fragments(10)
    expect(mediaTimeAt(list, T0)).toBe(100)
    expect(mediaTimeAt(list, T0 + 3000)).toBe(103)
    // Past the discontinuity (fragment 5 starts at 110.5, dated T0 + 10 s).
    expect(mediaTimeAt(list, T0 + 11_000)).toBe(111.5)
    expect(mediaTimeAt(list, T0 - 1)).toBeNull()
    expect(mediaTimeAt(list, T0 + 20_000)).toBeNull()
  })
})

describe('can a programme be watched from its start', () => {
  const window = { start: T0, end: T0 + 600_000 }
  const now = T0 + 600_000
  const ask = (start: number, channelId = 'news') => canWatchFromStart({ channelId, start, tunedChannelId: 'news', window, now })

  it('on the tuned channel, when its start is in the window (with a margin for the sliding window)', () => {
    expect(ask(T0 + 60_000)).toBe(true)
    expect(ask(T0 + WINDOW_START_MARGIN_MS)).toBe(true)
    expect(ask(T0 + WINDOW_START_MARGIN_MS - 1)).toBe(false)
    expect(ask(T0 - 60_000)).toBe(false)
  })

  it('not on another channel (its window is unknown), nor one yet to start, nor without a window', () => {
    expect(ask(T0 + 60_000, 'world')).toBe(false)
    expect(ask(now + 60_000)).toBe(false)
    expect(canWatchFromStart({ channelId: 'news', start: T0 + 60_000, tunedChannelId: 'news', window: null, now })).toBe(false)
  })
})

describe('what the Guide says about a cell, and what OK does', () => {
  const format = programmeTimeFormatter({ timeZone: 'UTC', hour12: false, locale: 'en-GB' })
  const news = { id: 'news', number: 1, name: 'Newsroom 24' }
  const world = { id: 'world', number: 2, name: 'World Desk' }
  const show = programme({ title: 'Evening Bulletin', description: 'The day\'s news.', start: T0 + 600_000, end: T0 + 2_400_000, source: 'xmltv' })
  const cell = { programme: show, start: show.start, end: show.end, current: true }
  const ctx = (over: Partial<CellContext>): CellContext => ({ channel: news, cell, tunedChannelId: 'news', fromStart: false, ...over })

  it('offers "Watch from start" on the tuned channel when it can, else live; another channel is tuned', () => {
    expect(guideAction(ctx({ fromStart: true }))).toEqual({ type: 'fromStart', at: show.start })
    expect(guideAction(ctx({}))).toEqual({ type: 'live' })
    expect(guideAction(ctx({ channel: world }))).toEqual({ type: 'tune', channelId: 'world' })
    expect(detailsLines(ctx({ fromStart: true }), format)).toEqual({ title: 'Evening Bulletin', times: '18:30 – 19:00', description: 'The day\'s news.', hint: FROM_START_HINT })
    expect(detailsLines(ctx({ channel: world }), format).hint).toBe('OK: Watch World Desk')
  })

  it('says the channel, the title, the times and what OK does; a gap is "No listing"', () => {
    expect(cellSpeech(ctx({ fromStart: true }), format)).toBe('Newsroom 24, Evening Bulletin, 18:30 to 19:00, on now, OK: Watch from start')
    const gap = { programme: null, start: show.start, end: show.end, current: false }
    expect(cellSpeech(ctx({ cell: gap, channel: world }), format)).toBe(`World Desk, ${NO_LISTING}, OK: Watch World Desk`)
    expect(snapshotGuide(ctx({ cell: gap }))).toMatchObject({ title: NO_LISTING, start: null, action: 'live', canWatchFromStart: false })
    expect(snapshotGuide(ctx({ fromStart: true }))).toEqual({
      channelId: 'news', title: 'Evening Bulletin', start: '2025-12-01T18:30:00.000Z', end: '2025-12-01T19:00:00.000Z', current: true, canWatchFromStart: true, action: 'fromStart',
    })
  })
})
