import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import type { Article } from '../../src/feed/article'
import { HELD_RETRY_MS, pickSpotlight, SpotlightRotation } from '../../src/kiosk/spotlight-rotation'
import { kioskStory } from './kiosk-fixtures'

const SECOND = 1000
const MINUTE = 60 * SECOND

/** Picks `n` times in a row, as the rotation does. */
function picks(articles: Article[], n: number): string[] {
  let shown: ReadonlySet<string> = new Set()
  let last: string | null = null
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const pick = pickSpotlight(articles, shown, last)
    shown = pick.shown
    last = pick.article ? pick.article.id : null
    ids.push(last ?? '-')
  }
  return ids
}

describe('pickSpotlight', () => {
  it('goes newest first, each story once, then round again', () => {
    const articles = [kioskStory('b', 2), kioskStory('c', 3), kioskStory('a', 1)]
    expect(picks(articles, 7)).toEqual(['c', 'b', 'a', 'c', 'b', 'a', 'c'])
  })

  it('skips stories without an http(s) link or a headline', () => {
    const articles = [
      kioskStory('ok', 1),
      kioskStory('none', 5, null),
      kioskStory('js', 4, 'javascript:alert(1)'),
      kioskStory('ftp', 3, 'ftp://news.example.com/x'),
      { ...kioskStory('untitled', 2), title: '' },
    ]
    expect(picks(articles, 3)).toEqual(['ok', 'ok', 'ok'])
  })

  it('puts undated stories after dated ones, in feed order', () => {
    const articles = [kioskStory('u1', null), kioskStory('d', 1), kioskStory('u2', null)]
    expect(picks(articles, 3)).toEqual(['d', 'u1', 'u2'])
  })

  it('a story that arrives mid-round goes next', () => {
    const first = pickSpotlight([kioskStory('a', 1), kioskStory('b', 2)], new Set(), null)
    expect(first.article!.id).toBe('b')
    const next = pickSpotlight([kioskStory('a', 1), kioskStory('b', 2), kioskStory('new', 3)], first.shown, 'b')
    expect(next.article!.id).toBe('new')
  })

  it('never shows the same story twice in a row across rounds while others exist', () => {
    // 'b' was shown last; 'a' joins and is the only unseen story: after it, the round restarts without repeating 'a'.
    const round = pickSpotlight([kioskStory('a', 9), kioskStory('b', 1)], new Set(['a', 'b']), 'a')
    expect(round.article!.id).toBe('b')
    expect(Array.from(round.shown)).toEqual(['b'])
  })

  it('forgets stories that left the feed, so the shown set stays small', () => {
    const pick = pickSpotlight([kioskStory('a', 1)], new Set(['gone-1', 'gone-2']), 'gone-2')
    expect(pick.article!.id).toBe('a')
    expect(Array.from(pick.shown)).toEqual(['a'])
  })

  it('picks nothing from an empty feed', () => {
    expect(pickSpotlight([], new Set(['x']), 'x')).toEqual({ article: null, shown: new Set() })
  })
})

describe('SpotlightRotation', () => {
  function rotation(articles: () => Article[], everyMs = 5 * MINUTE, showMs = 20 * SECOND) {
    const clock = new ManualClock()
    const log: string[] = []
    const r = new SpotlightRotation({ clock, everyMs, showMs, articles })
    r.events.on('show', (a) => log.push(`show ${a.id} @${clock.now() / SECOND}s`))
    r.events.on('hide', () => log.push(`hide @${clock.now() / SECOND}s`))
    return { clock, log, r }
  }

  it('shows a story every period (start to start) for its seconds, the first one period after start', () => {
    const articles = [kioskStory('a', 1), kioskStory('b', 2)]
    const { clock, log, r } = rotation(() => articles)
    r.start()
    clock.advance(11 * MINUTE)
    expect(log).toEqual(['show b @300s', 'hide @320s', 'show a @600s', 'hide @620s'])
    expect(r.isShowing).toBe(false)
  })

  it('with no story to show, tries again a period later', () => {
    let articles: Article[] = []
    const { clock, log, r } = rotation(() => articles, 6 * SECOND, 4 * SECOND)
    r.start()
    clock.advance(6 * SECOND)
    expect(log).toEqual([])
    articles = [kioskStory('a', 1)]
    clock.advance(6 * SECOND)
    expect(log).toEqual(['show a @12s'])
  })

  it('stop() hides a story on screen and cancels what was scheduled', () => {
    const { clock, log, r } = rotation(() => [kioskStory('a', 1)])
    r.start()
    clock.advance(5 * MINUTE + 5 * SECOND)
    expect(r.isShowing).toBe(true)
    r.stop()
    expect(log).toEqual(['show a @300s', 'hide @305s'])
    expect(clock.pendingTimers()).toBe(0)
    r.stop()
    expect(log).toHaveLength(2)
  })

  it('runs a day on one timer at a time', () => {
    const { clock, log, r } = rotation(() => [kioskStory('a', 1), kioskStory('b', 2), kioskStory('c', 3)])
    r.start()
    for (let minute = 0; minute < 24 * 60; minute++) {
      clock.advance(MINUTE)
      expect(clock.pendingTimers()).toBe(1)
    }
    expect(log.filter((line) => line.startsWith('show'))).toHaveLength(24 * 12)
  })

  it('does not rotate in during an ad break: the turn waits for the break to end', () => {
    const clock = new ManualClock()
    const log: string[] = []
    let adBreak = false
    const r = new SpotlightRotation({ clock, everyMs: 5 * MINUTE, showMs: 20 * SECOND, articles: () => [kioskStory('a', 1)], held: () => adBreak })
    r.events.on('show', (a) => log.push(`show ${a.id} @${clock.now() / SECOND}s`))
    r.start()
    clock.advance(4 * MINUTE + 50 * SECOND)
    adBreak = true
    clock.advance(40 * SECOND)
    expect(log).toEqual([])
    adBreak = false
    clock.advance(HELD_RETRY_MS)
    expect(log).toEqual(['show a @332s'])
  })
})
