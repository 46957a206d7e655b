/**
 * The app's typed configuration: `settings.json` appSettings, validated, with URL-query overrides
 * so a tester can point the app anywhere without a rebuild. Every bad value becomes a ConfigIssue
 * naming the field and the value; the default is used instead so the app still runs.
 */
import { FieldReader, describeValue, type ConfigIssue } from './field-readers'
import { isRecord, resolveHttpUrl } from '../lib/values'
import { readKioskSettings, type KioskSettings } from '../kiosk/kiosk-settings'

export interface ChannelConfig {
  id: string
  number: number
  name: string
  url: string
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
  qr: { appDownloadUrl: string | null; tracking: Record<string, string> }
  automation: boolean
}

export interface ConfigResult {
  config: AppConfig
  issues: ConfigIssue[]
}

const DEMO_CHANNEL: ChannelConfig = { id: 'news', number: 1, name: 'Newsroom 24', url: '/live/news/master.m3u8' }

/** Reads appSettings (from settings.json) and the page's query string. `base` resolves relative URLs. */
export function readAppConfig(appSettings: unknown, query: string, base: string): ConfigResult {
  const root = new FieldReader(isRecord(appSettings) ? appSettings : {}, 'appSettings')
  const params = new URLSearchParams(query)
  const issues = root.issues

  const channels = readChannels(root, base)
  const feed = root.child('feed')
  const ticker = root.child('ticker')
  const player = root.child('player')
  const qr = root.child('qr')
  const kiosk = readKioskSettings(root.raw('kiosk'), query)
  issues.push(...kiosk.issues)

  const config: AppConfig = {
    appId: root.string('id', 'com.example.livenews', { nonEmpty: true }),
    version: root.string('version', '0.0.0', { nonEmpty: true }),
    channels,
    startChannel: channels[0]!,
    feed: {
      url: feed.url('url', null, base),
      pollSeconds: feed.number('pollSeconds', 60, 5, 86400),
      timeoutSeconds: feed.number('timeoutSeconds', 10, 1, 120),
      maxItems: feed.number('maxItems', 200, 1, 1000),
      maxBytes: feed.number('maxBytes', 5_000_000, 10_000, 50_000_000),
      breakingPrefix: feed.string('breakingPrefix', 'BREAKING:'),
    },
    ticker: {
      enabled: ticker.boolean('enabled', true),
      speedPxPerSecond: ticker.number('speedPxPerSecond', 120, 20, 600),
      maxItems: ticker.number('maxItems', 30, 1, 200),
    },
    player: {
      capLevelToPlayerSize: player.boolean('capLevelToPlayerSize', true),
      maxBufferLength: player.number('maxBufferLength', 20, 4, 120),
      backBufferLength: player.number('backBufferLength', 30, 0, 600),
      cmcd: player.boolean('cmcd', false),
      qoeBeaconUrl: player.url('qoeBeaconUrl', null, base),
      qoeBeaconSeconds: player.number('qoeBeaconSeconds', 60, 10, 3600),
    },
    kiosk: kiosk.settings,
    qr: { appDownloadUrl: qr.url('appDownloadUrl', null, base), tracking: qr.stringMap('tracking') },
    automation: root.boolean('automation', false),
  }

  const defaultId = root.string('defaultChannel', channels[0]!.id)
  const byDefault = channels.find((c) => c.id === defaultId)
  if (byDefault) config.startChannel = byDefault
  else root.fail('defaultChannel', defaultId, `one of the channel ids (${channels.map((c) => c.id).join(', ')})`)

  applyQuery(config, params, base, issues)
  return { config, issues }
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
    if (!id || !url) return
    if (seen.has(id)) return reader.fail('id', id, 'unique among channels')
    seen.add(id)
    channels.push({ id, number, name, url })
  })
  if (channels.length === 0) channels.push({ ...DEMO_CHANNEL, url: resolveHttpUrl(DEMO_CHANNEL.url, base)! })
  return channels
}

function queryIssue(name: string, value: string, expected: string): ConfigIssue {
  return { field: `?${name}`, value, message: `?${name}= must be ${expected}, got ${describeValue(value)}` }
}

function queryFlag(params: URLSearchParams, name: string, issues: ConfigIssue[]): boolean | null {
  const value = params.get(name)
  if (value === null) return null
  if (value === '1' || value === 'true' || value === '') return true
  if (value === '0' || value === 'false') return false
  issues.push(queryIssue(name, value, '1 or 0'))
  return null
}

function applyQuery(config: AppConfig, params: URLSearchParams, base: string, issues: ConfigIssue[]): void {
  const channelId = params.get('channel')
  if (channelId !== null) {
    const channel = config.channels.find((c) => c.id === channelId)
    if (channel) config.startChannel = channel
    else issues.push(queryIssue('channel', channelId, `one of ${config.channels.map((c) => c.id).join(', ')}`))
  }
  const stream = params.get('stream')
  if (stream !== null) {
    const url = resolveHttpUrl(stream, base)
    if (url) {
      // A stream given on the URL replaces the tuned channel for this session.
      const custom: ChannelConfig = { id: 'custom', number: 0, name: 'Custom stream', url }
      config.channels = [custom, ...config.channels.filter((c) => c.id !== 'custom')]
      config.startChannel = custom
    } else issues.push(queryIssue('stream', stream, 'an http(s) URL'))
  }
  const feed = params.get('feed')
  if (feed !== null) {
    const url = resolveHttpUrl(feed, base)
    if (url) config.feed.url = url
    else issues.push(queryIssue('feed', feed, 'an http(s) URL'))
  }
  const feedPoll = params.get('feedPoll')
  if (feedPoll !== null) {
    const seconds = Number(feedPoll)
    if (feedPoll !== '' && isFinite(seconds) && seconds >= 2 && seconds <= 86400) config.feed.pollSeconds = seconds
    else issues.push(queryIssue('feedPoll', feedPoll, 'a number of seconds from 2 to 86400'))
  }
  const kiosk = queryFlag(params, 'kiosk', issues)
  if (kiosk !== null) config.kiosk.enabled = kiosk
  const automation = queryFlag(params, 'automation', issues)
  if (automation !== null) config.automation = automation
}

export type { ConfigIssue }
