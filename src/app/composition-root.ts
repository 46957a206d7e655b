/**
 * The composition root: the one place the app's object graph is built, and each part handed only
 * what it uses. Two steps, because the picture comes first (docs/architecture.md):
 *
 * 1. index.ts, before any UI code loads: the config (config/app-config.ts, every source merged),
 *    the player (LiveChannel, the tuner, QoE, the audio choice, the caption track) → BootServices.
 * 2. composeUi, once the UI runs (the SDK's Launch has set up its Storage, and the App has its
 *    layers): the feed's HeadlineStore, accessibility, channel tuning, and the Router's pages each
 *    with their own services (app/routes.ts) → AppServices, which the App holds.
 *
 * No module reads a global context: a page or widget gets what it needs through `services`.
 */
import type { AppConfig, ConfigIssue } from '../config/app-config'
import type { LiveChannel } from '../player/live-channel'
import type { ChannelTuner, TuneRequest, TuneResult } from '../player/channel-tuner'
import type { CaptionTrack } from '../captions/caption-track'
import type { QoeStats } from '../player/qoe-stats'
import type { AudioChoice } from '../player/audio-tracks'
import type { KeyValueStore } from '../lib/key-value-store'
import type { CaptionsLayer } from '../widgets/CaptionsLayer'
import type { Router } from '@lightningjs/sdk'
import { HeadlineStore } from '../feed/headline-store'
import { offThreadFeedParser } from '../feed/off-thread-feed-parser'
import { AccessibilityControls } from './accessibility'
import { pageRoutes } from './routes'
import { WhenRouteOpens } from './when-route-opens'
import { startProgrammeInfo, type ProgrammeInfo } from '../schedule/programme-info'
import type { StreamProgrammeWatch } from '../player/stream-programme-watch'
import type { AdBreakWatch } from '../player/ad-break-watch'
import type { StreamArticleWatch } from '../onair/stream-article-watch'
import { OnAirService } from '../onair/on-air'
import { systemClock } from '../lib/clock'
import { AlertService } from '../alerts/alert-service'
import { BreakingNewsQueue } from '../crawl/breaking-news'
import { loadAlertArea } from '../alerts/alert-area-menu'
import type { GuideReport } from '../pages/GuidePage'

/** What index.ts builds before the UI: the config and the playing channel. */
export interface BootServices {
  config: AppConfig
  configIssues: ConfigIssue[]
  live: LiveChannel
  tuner: ChannelTuner
  captionTrack: CaptionTrack
  qoe: QoeStats
  /** Which alternate audio rendition plays (the viewer's choice, the TV's language). */
  audio: AudioChoice
  /** The programmes the playing stream announces (EXT-X-DATERANGE). */
  streamProgrammes: StreamProgrammeWatch
  /** Is the playhead in an ad break: the one `adBreak` source (src/player/ad-break-watch.ts). */
  adBreaks: AdBreakWatch
  /** The stories the playing stream marks as on air (src/onair/). */
  streamArticles: StreamArticleWatch
}

/** What the App has on screen that services draw into. */
export interface AppLayers {
  captions: CaptionsLayer
}

export type Tune = (request: TuneRequest) => TuneResult

/** The whole graph, as the App holds it. */
export interface AppServices extends BootServices {
  /** The SDK Storage: the viewer's choices. */
  storage: KeyValueStore
  /** Null when no feed is configured. */
  headlines: HeadlineStore | null
  /** Emergency alerts (CAP); null when no alert source is configured (src/alerts/). */
  alerts: AlertService | null
  /** New breaking stories waiting for, or on, the breaking-news bar (src/crawl/breaking-news.ts). */
  breaking: BreakingNewsQueue
  accessibility: AccessibilityControls
  /** Each channel's programme schedule: now/next (src/schedule/). */
  programmes: ProgrammeInfo
  /** The story on air: the chip on Live, `t=` on article QR codes (src/onair/). */
  onAir: OnAirService
  tune: Tune
  /** The Guide's focused programme, for the automation snapshot (null: the Guide is not open). */
  guide: GuideReport
  /** The deep link's story waits for Live (the root) to open. */
  liveOpened: WhenRouteOpens
  /** The Router's pages, each with its services. */
  routes: Router.Config
}

/** Step 2: called once by App._setup. `report` puts a problem on screen with the config issues. */
export function composeUi(boot: BootServices, storage: KeyValueStore, layers: AppLayers, report: (problem: string) => void): AppServices {
  const { config, live, tuner, audio } = boot
  // The SDK Storage is up now: the audio choice is saved there (Settings, the Audio key), and read
  // again where it could not be before (cookies instead of localStorage).
  audio.useStore(storage)
  live.pickAudioTrack()
  const headlines = config.feed.url ? startFeed(config, storage) : null
  const alerts = config.alerts.url ? startAlerts(config, storage) : null
  const breaking = new BreakingNewsQueue(config.breaking.showSeconds * 1000)
  // Played behind live (Watch from start, on after a pause): now/next of the moment on screen.
  const watchingAt = (channelId: string) => (live.timeshifted && tuner.current.id === channelId ? live.timeshift().playheadDate : null)
  const programmes = startProgrammeInfo(config, boot.streamProgrammes, tuner.current.id, watchingAt)
  const onAir = new OnAirService({ watch: boot.streamArticles, articles: () => (headlines ? headlines.articles : []), tracking: config.qr.tracking, clock: systemClock })
  // No chip during an ad break (onAirShown in src/onair/article-ranges.ts).
  onAir.setAdBreak(boot.adBreaks.adBreak)
  boot.adBreaks.events.on('adBreak', (inBreak) => onAir.setAdBreak(inBreak))
  onAir.start()
  const liveMoment = () => onAir.liveMoment()
  const accessibility = new AccessibilityControls(storage, config.session, layers.captions, boot.captionTrack, report)
  const tune: Tune = (request) => tuner.tune(request)
  const liveOpened = new WhenRouteOpens('live')
  const guide: GuideReport = { focused: null }
  const routes = pageRoutes(
    {
      live: { live, tuner, audio, accessibility, tune, programmes, adBreaks: boot.adBreaks, onAir },
      browse: { headlines },
      article: { headlines, qr: config.qr, liveMoment },
      settings: { live, audio, accessibility, ticker: config.ticker, version: config.version, alerts },
      guide: { channels: tuner.channels, schedules: programmes.schedules, live, tuner, tune, accessibility, report: guide },
    },
    (path) => liveOpened.routeOpened(path),
  )
  return { ...boot, storage, headlines, programmes, onAir, alerts, breaking, accessibility, tune, guide, liveOpened, routes }
}

function startFeed(config: AppConfig, storage: KeyValueStore): HeadlineStore {
  const feed = config.feed
  const headlines = new HeadlineStore({
    url: feed.url!,
    store: storage,
    intervalSeconds: feed.pollSeconds,
    timeoutSeconds: feed.timeoutSeconds,
    // The browser's HTTP cache revalidates: no preflight, so CORS "*" without OPTIONS is enough.
    revalidation: 'http-cache',
    // In the feed worker, or in slices where there is none: never one long task (docs/feed.md).
    parse: offThreadFeedParser(),
    rules: { maxItems: feed.maxItems, maxBytes: feed.maxBytes, breakingPrefix: feed.breakingPrefix },
  })
  headlines.events.on('error', (error) => console.warn(`[feed] ${error.message}`))
  return headlines
}

/** The CAP source polled for the viewer's area; the App starts it and shows what it finds. */
function startAlerts(config: AppConfig, storage: KeyValueStore): AlertService {
  const language = typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en'
  // The viewer's area (Settings) over settings.json's; `?area=` on the page's address wins for the session.
  const fromUrl = typeof location !== 'undefined' && new URLSearchParams(location.search).has('area')
  const viewerArea = fromUrl ? null : loadAlertArea(storage)
  const alerts = new AlertService({ settings: { ...config.alerts, url: config.alerts.url! }, viewerArea, language })
  alerts.events.on('error', (error) => console.warn(`[alerts] ${error.message}`))
  return alerts
}
