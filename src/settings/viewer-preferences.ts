/**
 * What the viewer chose on the Settings page, kept in a KeyValueStore (the SDK Storage in the app)
 * so the choice outlives a restart. settings.json stays the operator's default: a viewer who never
 * opened Settings gets exactly what it says.
 */
import type { KeyValueStore } from '../lib/key-value-store'

export type CrawlSpeed = 'slow' | 'normal' | 'fast'

export const CRAWL_SPEEDS: readonly CrawlSpeed[] = ['slow', 'normal', 'fast']

export interface ViewerPreferences {
  crawlEnabled: boolean
  crawlSpeed: CrawlSpeed
}

/** The operator's ticker settings the preferences are relative to (AppConfig['ticker']). */
export interface TickerDefaults {
  enabled: boolean
  speedPxPerSecond: number
}

export const VIEWER_PREFERENCES_KEY = 'viewerPreferences'

/** "Normal" is the operator's configured speed; slow and fast are relative to it. */
const SPEED_FACTOR: Record<CrawlSpeed, number> = { slow: 0.6, normal: 1, fast: 1.6 }

export function defaultViewerPreferences(ticker: TickerDefaults): ViewerPreferences {
  return { crawlEnabled: ticker.enabled, crawlSpeed: 'normal' }
}

/** The stored choices; a field missing or unreadable (an older app, a hand-edited store) keeps its default. */
export function loadViewerPreferences(store: KeyValueStore, defaults: ViewerPreferences): ViewerPreferences {
  let saved: unknown = null
  try {
    saved = JSON.parse(store.get(VIEWER_PREFERENCES_KEY) || 'null')
  } catch (error) {
    saved = null
  }
  const fields = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>
  const speed = fields.crawlSpeed
  return {
    crawlEnabled: typeof fields.crawlEnabled === 'boolean' ? fields.crawlEnabled : defaults.crawlEnabled,
    crawlSpeed: CRAWL_SPEEDS.indexOf(speed as CrawlSpeed) >= 0 ? (speed as CrawlSpeed) : defaults.crawlSpeed,
  }
}

export function saveViewerPreferences(store: KeyValueStore, preferences: ViewerPreferences): void {
  store.set(VIEWER_PREFERENCES_KEY, JSON.stringify(preferences))
}

/** What to hand `HeadlineTicker.configure` for these preferences. */
export function crawlOptions(preferences: ViewerPreferences, ticker: TickerDefaults): { enabled: boolean; speedPxPerSecond: number } {
  return {
    enabled: preferences.crawlEnabled,
    speedPxPerSecond: Math.round(ticker.speedPxPerSecond * SPEED_FACTOR[preferences.crawlSpeed]),
  }
}
