import { describe, it, expect } from 'vitest'
import { MemoryStore } from '../../src/lib/key-value-store'
import {
  crawlOptions,
  defaultViewerPreferences,
  loadViewerPreferences,
  saveViewerPreferences,
  VIEWER_PREFERENCES_KEY,
  type ViewerPreferences,
} from '../../src/settings/viewer-preferences'
import { SETTINGS_MENU, stepChoice } from '../../src/settings/settings-menu'

const TICKER = { enabled: true, speedPxPerSecond: 120 }
const DEFAULTS = defaultViewerPreferences(TICKER)

describe('viewer preferences', () => {
  it('are the operator’s settings until the viewer chooses', () => {
    expect(loadViewerPreferences(new MemoryStore(), DEFAULTS)).toEqual({ crawlEnabled: true, crawlSpeed: 'normal' })
    expect(defaultViewerPreferences({ enabled: false, speedPxPerSecond: 90 }).crawlEnabled).toBe(false)
  })

  it('survive a restart through the store', () => {
    const store = new MemoryStore()
    saveViewerPreferences(store, { crawlEnabled: false, crawlSpeed: 'fast' })
    expect(loadViewerPreferences(store, DEFAULTS)).toEqual({ crawlEnabled: false, crawlSpeed: 'fast' })
  })

  it.each([['not json'], ['null'], ['[1,2]'], ['{"crawlEnabled":"no","crawlSpeed":"warp"}'], ['{}']])(
    'fall back to the defaults, field by field, for a stored %s',
    (stored) => {
      const store = new MemoryStore()
      store.set(VIEWER_PREFERENCES_KEY, stored)
      expect(loadViewerPreferences(store, DEFAULTS)).toEqual(DEFAULTS)
    },
  )

  it('keep a readable field when another is bad', () => {
    const store = new MemoryStore()
    store.set(VIEWER_PREFERENCES_KEY, '{"crawlEnabled":false,"crawlSpeed":7}')
    expect(loadViewerPreferences(store, DEFAULTS)).toEqual({ crawlEnabled: false, crawlSpeed: 'normal' })
  })

  it('turn into ticker options: normal is the configured speed, slow and fast relative to it', () => {
    expect(crawlOptions({ crawlEnabled: true, crawlSpeed: 'normal' }, TICKER)).toEqual({ enabled: true, speedPxPerSecond: 120 })
    expect(crawlOptions({ crawlEnabled: false, crawlSpeed: 'slow' }, TICKER)).toEqual({ enabled: false, speedPxPerSecond: 72 })
    expect(crawlOptions({ crawlEnabled: true, crawlSpeed: 'fast' }, TICKER).speedPxPerSecond).toBe(192)
  })
})

describe('the settings menu', () => {
  const item = (id: string) => SETTINGS_MENU.find((i) => i.id === id)!
  const start: ViewerPreferences = { crawlEnabled: true, crawlSpeed: 'normal' }

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
