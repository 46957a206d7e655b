import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { readAppConfig } from '../../src/config/app-config'

const BASE = 'http://127.0.0.1:8080/'
const settings = JSON.parse(readFileSync(new URL('../../settings.json', import.meta.url), 'utf8'))

describe('readAppConfig', () => {
  it('reads the shipped settings.json with no issues and resolves relative stream URLs', () => {
    const { config, issues } = readAppConfig(settings.appSettings, '', BASE)
    expect(issues).toEqual([])
    expect(config.channels.map((c) => c.id)).toEqual(['news', 'world'])
    expect(config.startChannel.url).toBe('http://127.0.0.1:8080/live/news/master.m3u8')
    expect(config.feed.url).toBe('http://127.0.0.1:8080/feed.rss')
    expect(config.automation).toBe(false)
  })

  it('names the field and the value of a bad setting, and keeps the default', () => {
    const bad = { ...settings.appSettings, ticker: { speedPxPerSecond: 'fast' } }
    const { config, issues } = readAppConfig(bad, '', BASE)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.field).toBe('appSettings.ticker.speedPxPerSecond')
    expect(issues[0]!.message).toContain('"fast"')
    expect(config.ticker.speedPxPerSecond).toBe(120)
  })

  it('rejects a channel URL that is not http(s) and reports its index', () => {
    const bad = { ...settings.appSettings, channels: [{ id: 'x', number: 1, name: 'X', url: 'javascript:alert(1)' }] }
    const { config, issues } = readAppConfig(bad, '', BASE)
    expect(issues.map((i) => i.field)).toContain('appSettings.channels[0].url')
    expect(config.startChannel.url).toBe('http://127.0.0.1:8080/live/news/master.m3u8')
  })

  it('applies ?stream, ?feed, ?kiosk and ?automation overrides', () => {
    const q = '?stream=https://cdn.example.com/live.m3u8&feed=/other.xml&kiosk=1&automation=1'
    const { config, issues } = readAppConfig(settings.appSettings, q, BASE)
    expect(issues).toEqual([])
    expect(config.startChannel.url).toBe('https://cdn.example.com/live.m3u8')
    expect(config.feed.url).toBe('http://127.0.0.1:8080/other.xml')
    expect(config.kiosk.enabled).toBe(true)
    expect(config.automation).toBe(true)
  })

  it('takes ?feedPoll= seconds for testers, and names a bad one', () => {
    expect(readAppConfig(settings.appSettings, '?feedPoll=5', BASE).config.feed.pollSeconds).toBe(5)
    const { config, issues } = readAppConfig(settings.appSettings, '?feedPoll=soon', BASE)
    expect(config.feed.pollSeconds).toBe(60)
    expect(issues[0]!.message).toBe('?feedPoll= must be a number of seconds from 2 to 86400, got "soon"')
  })

  it('reads the QoE beacon and CMCD settings, naming a bad beacon URL', () => {
    const good = { ...settings.appSettings, player: { cmcd: true, qoeBeaconUrl: 'https://qoe.example.com/b', qoeBeaconSeconds: 30 } }
    expect(readAppConfig(good, '', BASE).config.player).toMatchObject({ cmcd: true, qoeBeaconUrl: 'https://qoe.example.com/b', qoeBeaconSeconds: 30 })
    const bad = { ...settings.appSettings, player: { qoeBeaconUrl: 'mailto:ops@example.com' } }
    const { config, issues } = readAppConfig(bad, '', BASE)
    expect(config.player.qoeBeaconUrl).toBeNull()
    expect(issues[0]!.message).toBe('appSettings.player.qoeBeaconUrl must be an http(s) URL, got "mailto:ops@example.com"')
  })

  it('tunes ?channel= and reports an unknown one by name', () => {
    expect(readAppConfig(settings.appSettings, '?channel=world', BASE).config.startChannel.id).toBe('world')
    const { config, issues } = readAppConfig(settings.appSettings, '?channel=sports', BASE)
    expect(config.startChannel.id).toBe('news')
    expect(issues[0]!.message).toBe('?channel= must be one of news, world, got "sports"')
  })

  it('reports a stream override that is not a URL', () => {
    const { issues } = readAppConfig(settings.appSettings, '?stream=ftp://x/y', BASE)
    expect(issues[0]!.message).toBe('?stream= must be an http(s) URL, got "ftp://x/y"')
  })

  it('rejects duplicate channel ids and an unknown default channel', () => {
    const bad = {
      ...settings.appSettings,
      defaultChannel: 'nope',
      channels: [
        { id: 'a', number: 1, name: 'A', url: '/a.m3u8' },
        { id: 'a', number: 2, name: 'A2', url: '/b.m3u8' },
      ],
    }
    const { config, issues } = readAppConfig(bad, '', BASE)
    expect(config.channels).toHaveLength(1)
    expect(issues.map((i) => i.field)).toEqual(['appSettings.channels[1].id', 'appSettings.defaultChannel'])
  })
})
