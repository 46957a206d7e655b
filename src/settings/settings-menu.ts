/**
 * The Settings page's rows: each says how its value reads and how Left/Right/OK change it. The page
 * draws one row per entry, so a new setting is one more entry here.
 */
import { CRAWL_SPEEDS, type CrawlSpeed, type CrawlPreferences } from '../crawl/crawl-preferences'

/** -1 for Left, +1 for Right; `wrap` for OK, which steps on and comes round again. */
export interface SettingChange {
  direction: -1 | 1
  wrap: boolean
}

export interface SettingsMenuItem {
  /** The row's ref on screen (in the focus path). */
  id: string
  label: string
  valueText(preferences: CrawlPreferences): string
  change(preferences: CrawlPreferences, how: SettingChange): CrawlPreferences
}

const SPEED_NAMES: Record<CrawlSpeed, string> = { slow: 'Slow', normal: 'Normal', fast: 'Fast' }

/** The neighbour of `current` in `choices`: stops at either end, or wraps round. */
export function stepChoice<T>(choices: readonly T[], current: T, how: SettingChange): T {
  const index = Math.max(0, choices.indexOf(current)) + how.direction
  if (how.wrap) return choices[(index + choices.length) % choices.length]!
  return choices[Math.min(choices.length - 1, Math.max(0, index))]!
}

function withChange(preferences: CrawlPreferences, change: Partial<CrawlPreferences>): CrawlPreferences {
  return Object.assign({}, preferences, change)
}

export const SETTINGS_MENU: readonly SettingsMenuItem[] = [
  {
    id: 'Crawl',
    label: 'Headline crawl',
    valueText: (p) => (p.crawlEnabled ? 'On' : 'Off'),
    change: (p) => withChange(p, { crawlEnabled: !p.crawlEnabled }),
  },
  {
    id: 'CrawlSpeed',
    label: 'Crawl speed',
    valueText: (p) => SPEED_NAMES[p.crawlSpeed],
    change: (p, how) => withChange(p, { crawlSpeed: stepChoice(CRAWL_SPEEDS, p.crawlSpeed, how) }),
  },
]
