/**
 * Kiosk wiring: KioskMode over the running services and the App's overlays. Returns null when the
 * kiosk is off (settings.json `kiosk.enabled`, `?kiosk=1`). The App hands over what is on screen
 * (the spotlight, the layers that move against burn-in) and what a kiosk does by itself (move to
 * the next channel); everything else comes from the config and the player.
 */
import { KioskMode } from './kiosk-mode'
import { reachableWithin } from './kiosk-watchdog'
import type { PixelOffset } from './pixel-shift'
import type { KioskSettings } from './kiosk-settings'
import type { Article } from '../feed/article'
import type { HeadlineStore } from '../feed/headline-store'
import type { LiveChannel } from '../player/live-channel'
import { systemClock } from '../lib/clock'

export interface KioskWiring {
  settings: KioskSettings
  /** The QR tracking parameters the spotlight's code carries. */
  qrTracking: Record<string, string>
  live: LiveChannel
  headlines: HeadlineStore | null
  spotlight: { show(article: Article, tracking: Record<string, string>): void; hide(): void }
  /** The overlays that move together against burn-in (the spotlight, the crawl, the status banner). */
  shiftTargets: Array<{ setOffset(offset: PixelOffset): void }>
  /** Tunes the next channel (an ended broadcast is left for it). */
  nextChannel: () => void
  /** True during an ad break (src/player/ad-break-watch.ts): no spotlight comes in. */
  adBreak?: () => boolean
}

/** Starts kiosk mode when it is on; the App keeps the result for its key lock and destroys it on detach. */
export function startKiosk(wiring: KioskWiring): KioskMode | null {
  const { settings, live, headlines, spotlight } = wiring
  if (!settings.enabled) return null
  const kiosk = new KioskMode({
    clock: systemClock,
    settings,
    articles: () => (headlines ? headlines.articles : []),
    spotlight: { show: (article) => spotlight.show(article, wiring.qrTracking), hide: () => spotlight.hide() },
    shiftTargets: wiring.shiftTargets,
    playbackStates: (listener) => {
      listener(live.state)
      return live.events.on('state', listener)
    },
    playbackErrors: (listener) => live.events.on('fatalError', listener),
    reloadApp: () => window.location.reload(),
    nextChannel: wiring.nextChannel,
    appReachable: () => reachableWithin(() => fetch(window.location.href, { method: 'HEAD', cache: 'no-store' }), systemClock, 5000),
    log: (message) => console.warn(message),
    adBreak: wiring.adBreak,
  })
  kiosk.start()
  return kiosk
}
