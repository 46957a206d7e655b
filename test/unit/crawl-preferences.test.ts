import { describe, it, expect } from 'vitest'
import { MemoryStore } from '../../src/lib/key-value-store'
import {
  applyCrawlPreferences,
  loadCrawlPreferences,
  saveCrawlPreferences,
  CRAWL_PREFERENCES_KEY,
  type CrawlPreferences,
  type CrawlSettings,
} from '../../src/crawl/crawl-preferences'
import { SETTINGS_MENU, stepChoice } from '../../src/settings/settings-menu'

const TICKER = { enabled: true, speedPxPerSecond: 120 }
const DEFAULTS: CrawlPreferences = { crawlEnabled: true, crawlSpeed: 'normal' }

/** What the crawl is told when these preferences are applied. */
function applied(preferences: CrawlPreferences, ticker = TICKER): CrawlSettings[] {
  const told: CrawlSettings[] = []
  applyCrawlPreferences({ configure: (settings) => told.push(settings) }, preferences, ticker)
  return told
}

describe('crawl preferences', () => {
  it('are the operator’s settings until the viewer chooses', () => {
    expect(loadCrawlPreferences(new MemoryStore(), TICKER)).toEqual(DEFAULTS)
    expect(loadCrawlPreferences(new MemoryStore(), { enabled: false, speedPxPerSecond: 90 })).toEqual({ crawlEnabled: false, crawlSpeed: 'normal' })
  })

  it('survive a restart through the store', () => {
    const store = new MemoryStore()
    saveCrawlPreferences(store, { crawlEnabled: false, crawlSpeed: 'fast' })
    expect(loadCrawlPreferences(store, TICKER)).toEqual({ crawlEnabled: false, crawlSpeed: 'fast' })
  })

  it('are read from the key earlier versions saved them under', () => {
    const store = new MemoryStore()
    store.set('viewerPreferences', '{"crawlEnabled":false,"crawlSpeed":"slow"}')
    expect(loadCrawlPreferences(store, TICKER)).toEqual({ crawlEnabled: false, crawlSpeed: 'slow' })
  })

  it.each([['not json'], ['null'], ['[1,2]'], ['{"crawlEnabled":"no","crawlSpeed":"warp"}'], ['{}']])(
    'fall back to the defaults, field by field, for a stored %s',
    (stored) => {
      const store = new MemoryStore()
      store.set(CRAWL_PREFERENCES_KEY, stored)
      expect(loadCrawlPreferences(store, TICKER)).toEqual(DEFAULTS)
    },
  )

  it('keep a readable field when another is bad', () => {
    const store = new MemoryStore()
    store.set(CRAWL_PREFERENCES_KEY, '{"crawlEnabled":false,"crawlSpeed":7}')
    expect(loadCrawlPreferences(store, TICKER)).toEqual({ crawlEnabled: false, crawlSpeed: 'normal' })
  })

  it('apply to the crawl once: normal is the configured speed, slow and fast relative to it', () => {
    expect(applied({ crawlEnabled: true, crawlSpeed: 'normal' })).toEqual([{ enabled: true, speedPxPerSecond: 120 }])
    expect(applied({ crawlEnabled: false, crawlSpeed: 'slow' })).toEqual([{ enabled: false, speedPxPerSecond: 72 }])
    expect(applied({ crawlEnabled: true, crawlSpeed: 'fast' })).toEqual([{ enabled: true, speedPxPerSecond: 192 }])
    expect(applied({ crawlEnabled: true, crawlSpeed: 'slow' }, { enabled: true, speedPxPerSecond: 95 })).toEqual([{ enabled: true, speedPxPerSecond: 57 }])
  })
})

describe('the settings menu', () => {
  const item = (id: string) => SETTINGS_MENU.find((i) => i.id === id)!
  const start: CrawlPreferences = { crawlEnabled: true, crawlSpeed: 'normal' }

  it('lists the crawl switch and its speed, each with a readable value', () => {
    expect(SETTINGS_MENU.map((i) => i.label)).toEqual(['Headline crawl', 'Crawl speed'])
    expect(SETTINGS_MENU.map((i) => i.valueText(start))).toEqual(['On', 'Normal'])
  })

  it('switches the crawl with any key, without touching the speed', () => {
    const off = item('Crawl').change(start, { direction: 1, wrap: true })
    expect(off).toEqual({ crawlEnabled: false, crawlSpeed: 'normal' })
    expect(item('Crawl').change(off, { direction: -1, wrap: false }).crawlEnabled).toBe(true)
    expect(start.crawlEnabled).toBe(true)
  })

  it('steps the speed: Left/Right stop at the ends, OK comes round again', () => {
    const speed = item('CrawlSpeed')
    const fast = speed.change(start, { direction: 1, wrap: false })
    expect(speed.valueText(fast)).toBe('Fast')
    expect(speed.change(fast, { direction: 1, wrap: false }).crawlSpeed).toBe('fast')
    expect(speed.change(fast, { direction: 1, wrap: true }).crawlSpeed).toBe('slow')
    expect(speed.change(start, { direction: -1, wrap: false }).crawlSpeed).toBe('slow')
  })

  it('stepChoice treats an unknown current value as the first choice', () => {
    expect(stepChoice(['a', 'b', 'c'], 'z', { direction: 1, wrap: false })).toBe('b')
  })
})
