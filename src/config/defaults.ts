/**
 * Every setting's default, in one object (as hls.js's `hlsDefaultConfig`): what the app uses when
 * settings.json, the URL and the platform say nothing about a field, and what replaces a bad value
 * (which is also reported on screen: config/app-config.ts). Change a default here and nowhere else;
 * settings.json may still set the field for a build. The allowed ranges sit with each field's
 * reader in app-config.ts (kiosk fields: kiosk/kiosk-settings.ts).
 */
import type { AppConfig } from './app-config'
import type { KioskSettings } from '../kiosk/kiosk-settings'

export const DEFAULT_KIOSK_SETTINGS: Readonly<KioskSettings> = Object.freeze({
  enabled: false,
  spotlightEveryMinutes: 5,
  spotlightSeconds: 20,
  pixelShiftEveryMinutes: 3,
  pixelShiftMaxPx: 6,
  watchdogUnhealthyMinutes: 3,
  watchdogMaxErrorsPerHour: 20,
  dailyReloadHour: null,
  unlockSequence: ['Up', 'Up', 'Down', 'Down', 'Left', 'Right', 'Left', 'Right', 'Enter'],
})

/** The defaults of AppConfig's plain fields (channels come from settings.json or the demo channel). */
export const DEFAULT_CONFIG = {
  appId: 'com.example.livenews',
  version: '0.0.0',
  feed: {
    url: null,
    pollSeconds: 60,
    timeoutSeconds: 10,
    maxItems: 200,
    maxBytes: 5_000_000,
    breakingPrefix: 'BREAKING:',
  },
  ticker: { enabled: true, speedPxPerSecond: 120, maxItems: 30 },
  player: {
    capLevelToPlayerSize: true,
    maxBufferLength: 20,
    backBufferLength: 30,
    cmcd: false,
    qoeBeaconUrl: null,
    qoeBeaconSeconds: 60,
  },
  kiosk: DEFAULT_KIOSK_SETTINGS,
  /** Emergency alerts (src/alerts/alert-settings.ts): no source, no area until a build or the URL names them. */
  alerts: { url: null, area: [] as string[], pollSeconds: 60, minShowSeconds: 10 },
  /** Channel schedules (each channel's own in `channels[].schedule`): refetched hourly, at most 2 MB. */
  schedule: { refreshMinutes: 60, maxBytes: 2_000_000 },
  /** The breaking-news bar (src/crawl/breaking-news.ts): each new breaking story shows 10 s (3-60). */
  breaking: { showSeconds: 10 },
  /** Ad breaks (src/ads/ad-settings.ts): no label on the picture unless asked for (true: "Ad", or a text). */
  ads: { label: null },
  qr: { appDownloadUrl: null, tracking: {} },
  automation: false,
  engine: 'auto',
  session: {},
  deepLink: {},
} as const satisfies Omit<AppConfig, 'channels' | 'startChannel'>

/** The channel tuned when settings.json names none that can be played. */
export const DEMO_CHANNEL = { id: 'news', number: 1, name: 'Newsroom 24', url: '/live/news/master.m3u8' } as const
