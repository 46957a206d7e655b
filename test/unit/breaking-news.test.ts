/** The breaking-news bar: only new breaking stories, one at a time, never twice, alerts first (src/crawl/breaking-news.ts). */
import { describe, expect, it } from 'vitest'
import { BreakingNewsQueue } from '../../src/crawl/breaking-news'

const story = (id: string, breaking = true) => ({ id, title: `${id} headline`, breaking })

describe('BreakingNewsQueue', () => {
  it('gives no bar for the breaking stories in the first list (old news)', () => {
    const q = new BreakingNewsQueue(10_000)
    q.articles([story('old1'), story('old2'), story('calm', false)])
    expect(q.tick(0, false)).toBe(false)
    expect(q.bar).toBeNull()
  })

  it('shows only new breaking stories, one at a time in arrival order, each for the show time', () => {
    const q = new BreakingNewsQueue(10_000)
    q.articles([story('old')])
    q.articles([story('old'), story('a'), story('calm', false), story('b')])
    expect(q.tick(1_000, false)).toBe(true)
    expect(q.bar).toEqual({ id: 'a', headline: 'a headline' })
    expect(q.tick(10_999, false)).toBe(false)
    expect(q.bar?.id).toBe('a')
    q.tick(11_000, false)
    expect(q.bar?.id).toBe('b')
    q.tick(21_000, false)
    expect(q.bar).toBeNull()
  })

  it('never shows the same id twice, even when a later list carries it again', () => {
    const q = new BreakingNewsQueue(5_000)
    q.articles([])
    q.articles([story('a')])
    q.tick(0, false)
    q.tick(5_000, false)
    q.articles([story('a')])
    q.articles([story('a'), story('b')])
    q.tick(6_000, false)
    expect(q.bar?.id).toBe('b')
    q.tick(11_000, false)
    expect(q.bar).toBeNull()
  })

  it('OK opens the story on the bar and the next queued one follows', () => {
    const q = new BreakingNewsQueue(10_000)
    q.articles([])
    q.articles([story('a'), story('b')])
    q.tick(0, false)
    expect(q.open()?.id).toBe('a')
    expect(q.open()).toBeNull()
    q.tick(1, false)
    expect(q.bar?.id).toBe('b')
  })

  it('an emergency alert on the bar wins; the breaking story waits and then shows in full', () => {
    const q = new BreakingNewsQueue(10_000)
    q.articles([])
    q.articles([story('a')])
    q.tick(0, true)
    expect(q.bar).toBeNull()
    q.tick(1_000, false)
    expect(q.bar?.id).toBe('a')
    q.tick(2_000, true)
    expect(q.bar).toBeNull()
    q.tick(30_000, false)
    expect(q.bar?.id).toBe('a')
    expect(q.endsAt()).toBe(40_000)
  })
})

describe('appSettings.breaking in settings.json', () => {
  const base = 'https://tv.example.com/app/'
  it('shows each breaking story 10 s by default; settings.json may say 3-60 s, anything else is reported and the default kept', async () => {
    const { readAppConfig } = await import('../../src/config/app-config')
    expect(readAppConfig({}, '', base).config.breaking).toEqual({ showSeconds: 10 })
    expect(readAppConfig({ breaking: { showSeconds: 20 } }, '', base).config.breaking.showSeconds).toBe(20)
    const bad = readAppConfig({ breaking: { showSeconds: 600 } }, '', base)
    expect(bad.config.breaking.showSeconds).toBe(10)
    expect(bad.issues.map((i) => i.message).join('\n')).toMatch(/appSettings\.breaking\.showSeconds/)
  })
})
