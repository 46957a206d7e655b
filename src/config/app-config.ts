/**
 * The app's one typed configuration surface. Every source is read and merged here, in this order
 * (a later source wins over an earlier one, field by field):
 *
 *   1. config/defaults.ts (DEFAULT_CONFIG): what applies where nothing else says.
 *   2. settings.json `appSettings`: the operator's build.
 *   3. stored viewer choices (the viewer's Settings: crawl, captions, voice, audio): not read here,
 *      because the SDK Storage they live in is up only once the UI is; each preference object
 *      (crawl/crawl-preferences.ts, captions/caption-preferences.ts, player/audio-tracks.ts)
 *      takes this config as the default under the viewer's choice.
 *   4. the URL query (`?channel=`, `?stream=`, `?feed=`, `?feedPoll=`, `?kiosk=`, `?kiosk…=`,
 *      `?automation=`, `?engine=`, `?captions=`, `?voice=`, `?article=`, `?alerts=`, `?area=`, `?adLabel=`): a tester's or a
 *      kiosk's page address beats what is stored, for this session only (`session`); a viewer's
 *      change during the session wins again (CaptionPreferences).
 *   5. the platform's launch parameters (Tizen app control, webOS launchParams): the home-screen
 *      tile the viewer just picked says which channel or article to open (`deepLink`), over the URL.
 *
 * Every bad value, from any source, becomes one ConfigIssue naming the field and the value; the
 * default (or the earlier source's value) is used instead so the app still runs, and the App
 * shows the list on screen (widgets/ConfigErrorPanel.ts).
 */
import { FieldReader, QueryReader, type ConfigIssue } from './field-readers'
import { DEFAULT_CONFIG, DEMO_CHANNEL } from './defaults'
import { isRecord, resolveHttpUrl } from '../lib/values'
import { readKioskSettings, type KioskSettings } from '../kiosk/kiosk-settings'
import { DEEP_LINK_FIELDS, deepLinkFromParams, mergeDeepLinks, type DeepLink, type DeepLinkReading } from '../input/launch-params'
import type { SessionOverrides } from '../captions/caption-preferences'
import type { PlaybackEngine } from '../player/live-channel'
import { readAlertSettings, type AlertSettings } from '../alerts/alert-settings'
import { readAdSettings, type AdSettings } from '../ads/ad-settings'
import { readChannelSchedule, type ChannelSchedule } from '../schedule/schedule-settings'

export interface ChannelConfig {
  id: string
  number: number
  name: string
  url: string
  /** The channel's programme listing (settings.json `schedule`; schedule/schedule-settings.ts). */
  schedule?: ChannelSchedule | null
}

export interface AppConfig {
  appId: string
  version: string
  channels: ChannelConfig[]
  /** The channel the app tunes at launch. */
  startChannel: ChannelConfig
  feed: {
    url: string | null
    pollSeconds: number
    timeoutSeconds: number
    maxItems: number
    maxBytes: number
    breakingPrefix: string
  }
  ticker: { enabled: boolean; speedPxPerSecond: number; maxItems: number }
  player: {
    capLevelToPlayerSize: boolean
    maxBufferLength: number
    backBufferLength: number
    /** Common Media Client Data on segment requests (hls.js `cmcd`), for CDN analytics. */
    cmcd: boolean
    /** Where QoE reports go (batched); null sends none. */
    qoeBeaconUrl: string | null
    qoeBeaconSeconds: number
  }
  kiosk: KioskSettings
  /** Emergency alerts (CAP): the source, the viewer's area (src/alerts/alert-settings.ts). */
  alerts: AlertSettings
  /** Programme schedules: how often a channel's listing URL is fetched again, and its size cap. */
  schedule: { refreshMinutes: number; maxBytes: number }
  /** The breaking-news bar (src/crawl/breaking-news.ts): how long each new breaking story shows. */
  breaking: { showSeconds: number }
  /** Ad breaks: the label on the picture during one (src/ads/ad-settings.ts; `?adLabel=`). */
  ads: AdSettings
  qr: { appDownloadUrl: string | null; tracking: Record<string, string> }
  automation: boolean
  /** `?engine=`: hls.js, the engine's own HLS, or the app's choice per engine. */
  engine: PlaybackEngine
  /** `?captions=` / `?voice=`: this session's accessibility overrides (over the stored choices). */
  session: SessionOverrides
  /** What to open once the UI is up: the URL's `?channel=`/`?article=`, the platform's launch parameters over it. */
  deepLink: DeepLink
}

export interface ConfigResult {
  config: AppConfig
  issues: ConfigIssue[]
}

const ENGINES: readonly PlaybackEngine[] = ['auto', 'hlsjs', 'native']

export interface ConfigSources {
  /** settings.json's appSettings (anything: it is validated here). */
  appSettings: unknown
  /** The page's query string (`location.search`). */
  query: string
  /** The page's address: relative URLs resolve against it. */
  base: string
  /** The platform's launch parameters (input/launch-params.ts readPlatformLaunch); none in a browser. */
  launch?: DeepLinkReading
}

/** Reads and merges every source, in the order the file header gives. */
export function readConfig({ appSettings, query, base, launch }: ConfigSources): ConfigResult {
  const root = new FieldReader(isRecord(appSettings) ? appSettings : {}, 'appSettings')
  const issues = root.issues
  const params = new QueryReader(query, issues)
  const d = DEFAULT_CONFIG

  const channels = readChannels(root, base)
  const feed = root.child('feed')
  const ticker = root.child('ticker')
  const player = root.child('player')
  const qr = root.child('qr')
  const schedule = root.child('schedule')
  const breaking = root.child('breaking')
  const kiosk = readKioskSettings(root.raw('kiosk'), params)

  const config: AppConfig = {
    appId: root.string('id', d.appId, { nonEmpty: true }),
    version: root.string('version', d.version, { nonEmpty: true }),
    channels,
    startChannel: channels[0]!,
    feed: {
      url: feed.url('url', d.feed.url, base),
      pollSeconds: feed.number('pollSeconds', d.feed.pollSeconds, 5, 86400),
      timeoutSeconds: feed.number('timeoutSeconds', d.feed.timeoutSeconds, 1, 120),
      maxItems: feed.number('maxItems', d.feed.maxItems, 1, 1000),
      maxBytes: feed.number('maxBytes', d.feed.maxBytes, 10_000, 50_000_000),
      breakingPrefix: feed.string('breakingPrefix', d.feed.breakingPrefix),
    },
    ticker: {
      enabled: ticker.boolean('enabled', d.ticker.enabled),
      speedPxPerSecond: ticker.number('speedPxPerSecond', d.ticker.speedPxPerSecond, 20, 600),
      maxItems: ticker.number('maxItems', d.ticker.maxItems, 1, 200),
    },
    player: {
      capLevelToPlayerSize: player.boolean('capLevelToPlayerSize', d.player.capLevelToPlayerSize),
      maxBufferLength: player.number('maxBufferLength', d.player.maxBufferLength, 4, 120),
      backBufferLength: player.number('backBufferLength', d.player.backBufferLength, 0, 600),
      cmcd: player.boolean('cmcd', d.player.cmcd),
      qoeBeaconUrl: player.url('qoeBeaconUrl', d.player.qoeBeaconUrl, base),
      qoeBeaconSeconds: player.number('qoeBeaconSeconds', d.player.qoeBeaconSeconds, 10, 3600),
    },
    kiosk: kiosk.settings,
    alerts: readAlertSettings(root.child('alerts'), params, base, d.alerts),
    schedule: {
      refreshMinutes: schedule.number('refreshMinutes', d.schedule.refreshMinutes, 5, 1440),
      maxBytes: schedule.number('maxBytes', d.schedule.maxBytes, 10_000, 20_000_000),
    },
    breaking: { showSeconds: breaking.number('showSeconds', d.breaking.showSeconds, 3, 60) },
    ads: readAdSettings(root.child('ads'), params, d.ads),
    qr: { appDownloadUrl: qr.url('appDownloadUrl', d.qr.appDownloadUrl, base), tracking: qr.stringMap('tracking') },
    automation: root.boolean('automation', d.automation),
    engine: d.engine,
    session: { ...d.session },
    deepLink: { ...d.deepLink },
  }

  const defaultId = root.string('defaultChannel', channels[0]!.id)
  const byDefault = channels.find((c) => c.id === defaultId)
  if (byDefault) config.startChannel = byDefault
  else root.fail('defaultChannel', defaultId, `one of the channel ids (${channels.map((c) => c.id).join(', ')})`)

  applyQuery(config, params, base)
  applyDeepLink(config, params, launch ?? { link: {}, ignored: [] }, issues)
  return { config, issues }
}

/** readConfig without launch parameters (settings.json and the URL). */
export function readAppConfig(appSettings: unknown, query: string, base: string): ConfigResult {
  return readConfig({ appSettings, query, base })
}

function readChannels(root: FieldReader, base: string): ChannelConfig[] {
  const list = root.raw('channels')
  if (list !== undefined && !Array.isArray(list)) root.fail('channels', list, 'a list of channels')
  const channels: ChannelConfig[] = []
  const seen = new Set<string>()
  ;(Array.isArray(list) ? list : []).forEach((item: unknown, index) => {
    const field = `channels[${index}]`
    if (!isRecord(item)) return root.fail(field, item, 'an object {id, number, name, url}')
    const reader = new FieldReader(item, `appSettings.${field}`, root.issues)
    const id = reader.string('id', '', { nonEmpty: true })
    const url = reader.url('url', null, base)
    const number = reader.number('number', index + 1, 0, 9999)
    const name = reader.string('name', id, { nonEmpty: true })
    const schedule = readChannelSchedule(reader, base)
    if (!id || !url) return
    if (seen.has(id)) return reader.fail('id', id, 'unique among channels')
    seen.add(id)
    channels.push(schedule ? { id, number, name, url, schedule } : { id, number, name, url })
  })
  if (channels.length === 0) channels.push({ ...DEMO_CHANNEL, url: resolveHttpUrl(DEMO_CHANNEL.url, base)! })
  return channels
}

function applyQuery(config: AppConfig, params: QueryReader, base: string): void {
  const channelId = params.oneOf('channel', config.channels.map((c) => c.id))
  if (channelId !== null) config.startChannel = config.channels.find((c) => c.id === channelId)!
  const stream = params.url('stream', base)
  if (stream !== null) {
    // A stream given on the URL replaces the tuned channel for this session.
    const custom: ChannelConfig = { id: 'custom', number: 0, name: 'Custom stream', url: stream }
    config.channels = [custom, ...config.channels.filter((c) => c.id !== 'custom')]
    config.startChannel = custom
  }
  const feed = params.url('feed', base)
  if (feed !== null) config.feed.url = feed
  const feedPoll = params.number('feedPoll', 2, 86400, 'seconds')
  if (feedPoll !== null) config.feed.pollSeconds = feedPoll
  const kiosk = params.flag('kiosk')
  if (kiosk !== null) config.kiosk.enabled = kiosk
  const automation = params.flag('automation')
  if (automation !== null) config.automation = automation
  const engine = params.oneOf('engine', ENGINES)
  if (engine !== null) config.engine = engine
  const captions = params.flag('captions')
  if (captions !== null) config.session.captions = captions
  const voice = params.flag('voice')
  if (voice !== null) config.session.voiceGuidance = voice
}

/** The URL's `?channel=`/`?article=`, then the platform's launch parameters over them. */
function applyDeepLink(config: AppConfig, params: QueryReader, launch: DeepLinkReading, issues: ConfigIssue[]): void {
  const fromUrl: Record<string, unknown> = {}
  for (const field of DEEP_LINK_FIELDS) {
    const value = params.text(field)
    if (value !== null) fromUrl[field] = value
  }
  const reading = mergeDeepLinks(deepLinkFromParams(fromUrl, 'URL query'), launch)
  config.deepLink = reading.link
  issues.push(...deepLinkIssues(reading.ignored))
}

/** A deep link's ignored parameters, as the same ConfigIssue every other bad value is. */
export function deepLinkIssues(ignored: readonly string[]): ConfigIssue[] {
  return ignored.map((reason) => ({ field: 'deep link', value: reason, message: `deep link: ${reason}` }))
}

export type { ConfigIssue }
