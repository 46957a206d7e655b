import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { readConfig } from '../../src/config/app-config'
import { DEFAULT_CONFIG } from '../../src/config/defaults'
import { readFlag } from '../../src/config/field-readers'
import { CaptionPreferences, saveAccessibilityPreferences, DEFAULT_ACCESSIBILITY_PREFERENCES } from '../../src/captions/caption-preferences'
import { MemoryStore } from '../../src/lib/key-value-store'
import { readPlatformLaunch } from '../../src/input/launch-params'

const BASE = 'http://127.0.0.1:8080/'
const settings = JSON.parse(readFileSync(new URL('../../settings.json', import.meta.url), 'utf8'))
const read = (query: string, appSettings: unknown = settings.appSettings) => readConfig({ appSettings, query, base: BASE })

describe('config sources, merged in order: defaults < settings.json < (stored) < URL < launch parameters', () => {
  it('a field settings.json leaves out takes the one defaults object; one it sets wins over it', () => {
    const { ticker: _ticker, feed: _feed, ...rest } = settings.appSettings
    const bare = read('', rest).config
    expect(bare.ticker.speedPxPerSecond).toBe(DEFAULT_CONFIG.ticker.speedPxPerSecond)
    expect(bare.feed.pollSeconds).toBe(DEFAULT_CONFIG.feed.pollSeconds)
    expect(read('', { ...rest, ticker: { speedPxPerSecond: 200 }, feed: { pollSeconds: 30 } }).config).toMatchObject({
      ticker: { speedPxPerSecond: 200 },
      feed: { pollSeconds: 30 },
    })
  })

  it("the URL wins over settings.json (a tester's address)", () => {
    const appSettings = { ...settings.appSettings, feed: { pollSeconds: 30 }, kiosk: { enabled: false }, automation: false }
    const { config, issues } = read('?feedPoll=5&kiosk=1&automation=true&kioskSpotlightSeconds=4', appSettings)
    expect(issues).toEqual([])
    expect(config.feed.pollSeconds).toBe(5)
    expect(config.kiosk).toMatchObject({ enabled: true, spotlightSeconds: 4 })
    expect(config.automation).toBe(true)
  })

  it("the URL's captions/voice win over the stored choice for the session; the viewer's change wins after", () => {
    const store = new MemoryStore()
    saveAccessibilityPreferences(store, { ...DEFAULT_ACCESSIBILITY_PREFERENCES, captions: false })
    const { config } = read('?captions=1&voice=0')
    expect(config.session).toEqual({ captions: true, voiceGuidance: false })
    const preferences = new CaptionPreferences(store, config.session, () => undefined)
    expect(preferences.captionsOn()).toBe(true)
    expect(preferences.voiceOn(true)).toBe(false)
    preferences.setCaptions(false)
    expect(preferences.captionsOn()).toBe(false)
  })

  it("the platform's launch parameters win over the URL's deep link, field by field", () => {
    const launch = readPlatformLaunch({ PalmSystem: { launchParams: '{"article":"from-launcher"}' } })
    const { config, issues } = readConfig({ appSettings: settings.appSettings, query: '?channel=world&article=from-url', base: BASE, launch })
    expect(issues).toEqual([])
    expect(config.deepLink).toEqual({ channel: 'world', article: 'from-launcher' })
    expect(config.startChannel.id).toBe('world')
  })
})

describe('bad values become config issues (shown on screen), whatever their source', () => {
  it('?engine= picks the engine; a bad one is named and the app chooses', () => {
    expect(read('?engine=native').config.engine).toBe('native')
    const { config, issues } = read('?engine=turbo')
    expect(config.engine).toBe('auto')
    expect(issues.map((i) => i.message)).toEqual(['?engine= must be one of auto, hlsjs, native, got "turbo"'])
  })

  it('?captions= and ?voice= that are neither on nor off are named, and change nothing', () => {
    const { config, issues } = read('?captions=maybe&voice=loud')
    expect(config.session).toEqual({})
    expect(issues.map((i) => i.message)).toEqual(['?captions= must be 1 or 0, got "maybe"', '?voice= must be 1 or 0, got "loud"'])
  })

  it("a launch parameter the app cannot use is named like any other bad value", () => {
    const launch = readPlatformLaunch({ PalmSystem: { launchParams: '{"channel":""}' } })
    const { config, issues } = readConfig({ appSettings: settings.appSettings, query: '', base: BASE, launch })
    expect(config.deepLink).toEqual({})
    expect(issues.map((i) => i.message)).toEqual(['deep link: PalmSystem.launchParams: channel must be a short id, got ""'])
  })
})

describe('readFlag: the one on/off parser', () => {
  it.each([['1', true], ['true', true], ['ON', true], ['', true], ['0', false], ['False', false], ['off', false], ['maybe', null], ['2', null]])(
    '%j → %j',
    (text, expected) => expect(readFlag(text)).toBe(expected),
  )
})
