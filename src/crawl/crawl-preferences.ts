/**
 * The viewer's crawl choices from the Settings page (on/off, slow/normal/fast), kept in a
 * KeyValueStore (the SDK Storage in the app) so the choice outlives a restart, and the one function
 * that applies them to the crawl (applyCrawlPreferences: App at start, SettingsPage on a change).
 * settings.json's `ticker` block stays the operator's default: a viewer who never opened Settings
 * gets exactly what it says.
 */
import type { KeyValueStore } from '../lib/key-value-store'

export type CrawlSpeed = 'slow' | 'normal' | 'fast'

export const CRAWL_SPEEDS: readonly CrawlSpeed[] = ['slow', 'normal', 'fast']

export interface CrawlPreferences {
  crawlEnabled: boolean
  crawlSpeed: CrawlSpeed
}

/** The operator's ticker settings the preferences are relative to (AppConfig['ticker']). */
export interface TickerDefaults {
  enabled: boolean
  speedPxPerSecond: number
}

/** What the crawl widget is told (HeadlineTicker.configure). */
export interface CrawlSettings {
  enabled: boolean
  speedPxPerSecond: number
}

/** The store key. Its name predates this module; it stays so choices saved by earlier versions are kept. */
export const CRAWL_PREFERENCES_KEY = 'viewerPreferences'

/** "Normal" is the operator's configured speed; slow and fast are relative to it. */
const SPEED_FACTOR: Record<CrawlSpeed, number> = { slow: 0.6, normal: 1, fast: 1.6 }

/**
 * The stored choices over the operator's defaults; a field missing or unreadable (nothing saved yet,
 * an older app, a hand-edited store) keeps its default.
 */
export function loadCrawlPreferences(store: KeyValueStore, ticker: TickerDefaults): CrawlPreferences {
  let saved: unknown = null
  try {
    saved = JSON.parse(store.get(CRAWL_PREFERENCES_KEY) || 'null')
  } catch (error) {
    saved = null
  }
  const fields = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>
  const speed = fields.crawlSpeed
  return {
    crawlEnabled: typeof fields.crawlEnabled === 'boolean' ? fields.crawlEnabled : ticker.enabled,
    crawlSpeed: CRAWL_SPEEDS.indexOf(speed as CrawlSpeed) >= 0 ? (speed as CrawlSpeed) : 'normal',
  }
}

export function saveCrawlPreferences(store: KeyValueStore, preferences: CrawlPreferences): void {
  store.set(CRAWL_PREFERENCES_KEY, JSON.stringify(preferences))
}

/** Shows or hides the crawl and sets its speed, for these preferences over the operator's ticker settings. */
export function applyCrawlPreferences(
  crawl: { configure(settings: CrawlSettings): void },
  preferences: CrawlPreferences,
  ticker: TickerDefaults,
): void {
  crawl.configure({
    enabled: preferences.crawlEnabled,
    speedPxPerSecond: Math.round(ticker.speedPxPerSecond * SPEED_FACTOR[preferences.crawlSpeed]),
  })
}
