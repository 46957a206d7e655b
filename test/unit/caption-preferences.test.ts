import { describe, it, expect } from 'vitest'
import { MemoryStore } from '../../src/lib/key-value-store'
import {
  ACCESSIBILITY_PREFERENCES_KEY,
  CaptionPreferences,
  DEFAULT_ACCESSIBILITY_PREFERENCES,
  loadAccessibilityPreferences,
  saveAccessibilityPreferences,
} from '../../src/captions/caption-preferences'
import { DEFAULT_CAPTION_STYLE } from '../../src/captions/caption-style'

const storeWith = (text: string | null) => {
  const store = new MemoryStore()
  if (text !== null) store.set(ACCESSIBILITY_PREFERENCES_KEY, text)
  return store
}

describe('loadAccessibilityPreferences', () => {
  it('starts with captions off, voice guidance following the TV, and the default style', () => {
    expect(loadAccessibilityPreferences(storeWith(null))).toEqual({ value: DEFAULT_ACCESSIBILITY_PREFERENCES, problems: [] })
  })

  it('reads back what was saved, under one versioned key', () => {
    const store = new MemoryStore()
    const saved = { captions: true, voiceGuidance: false, captionStyle: { ...DEFAULT_CAPTION_STYLE, size: 'large' as const } }
    saveAccessibilityPreferences(store, saved)
    expect(JSON.parse(store.get(ACCESSIBILITY_PREFERENCES_KEY)!).version).toBe(1)
    expect(loadAccessibilityPreferences(store)).toEqual({ value: saved, problems: [] })
  })

  it.each([
    ['{"captions":tru', /not JSON/],
    ['[true]', /not an object/],
    ['null', /not an object/],
  ])('survives corrupt data %s with the defaults and a reason', (text, reason) => {
    const { value, problems } = loadAccessibilityPreferences(storeWith(text))
    expect(value).toEqual(DEFAULT_ACCESSIBILITY_PREFERENCES)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(reason)
  })

  it('keeps the good fields of a damaged record and names the bad ones', () => {
    const text = JSON.stringify({ version: 1, captions: 'yes', voiceGuidance: true, captionStyle: { size: 'small', edge: 'glow' } })
    const { value, problems } = loadAccessibilityPreferences(storeWith(text))
    expect(value).toEqual({ captions: false, voiceGuidance: true, captionStyle: { ...DEFAULT_CAPTION_STYLE, size: 'small' } })
    expect(problems).toEqual([
      'stored captions "yes" is not true/false: captions off',
      'caption edge "glow" is not one of none, raised, depressed, uniform, drop-shadow: using none',
    ])
  })

  it('reads what it knows from another version, and says so', () => {
    const { value, problems } = loadAccessibilityPreferences(storeWith('{"version":2,"captions":true,"future":1}'))
    expect(value.captions).toBe(true)
    expect(problems).toEqual(['stored accessibilityPreferences has version 2, expected 1: reading what is known'])
  })
})

describe('CaptionPreferences', () => {
  it('turns captions and voice on for the session from the URL without storing anything', () => {
    const store = new MemoryStore()
    const prefs = new CaptionPreferences(store, { captions: true, voiceGuidance: true }, () => undefined)
    expect(prefs.captionsOn()).toBe(true)
    expect(prefs.voiceOn(false)).toBe(true)
    expect(prefs.stored.captions).toBe(false)
    expect(store.get(ACCESSIBILITY_PREFERENCES_KEY)).toBeNull()
  })

  it("follows the TV's voice guidance setting until the viewer chooses, and stays off where it cannot be read", () => {
    const prefs = new CaptionPreferences(new MemoryStore(), {}, () => undefined)
    expect(prefs.voiceOn(true)).toBe(true)
    expect(prefs.voiceOn(null)).toBe(false)
    prefs.setVoiceGuidance(false)
    expect(prefs.voiceOn(true)).toBe(false)
  })

  it('saves a change, tells its listeners, and lets it win over the URL for the rest of the session', () => {
    const store = new MemoryStore()
    const prefs = new CaptionPreferences(store, { captions: true }, () => undefined)
    let changes = 0
    prefs.events.on('change', () => changes++)
    prefs.toggleCaptions()
    expect(prefs.captionsOn()).toBe(false)
    prefs.setStyle({ textColor: 'yellow', edge: 'uniform' })
    expect(changes).toBe(2)
    const reloaded = new CaptionPreferences(store, {}, () => undefined)
    expect(reloaded.captionsOn()).toBe(false)
    expect(reloaded.style).toEqual({ ...DEFAULT_CAPTION_STYLE, textColor: 'yellow', edge: 'uniform' })
  })

  it('logs each problem of the store once (a bad ?captions= is a config issue: config-sources.test.ts)', () => {
    const logged: string[] = []
    new CaptionPreferences(storeWith('{oops'), {}, (m) => logged.push(m))
    expect(logged).toEqual(['stored accessibilityPreferences is not JSON: using the defaults'])
  })
})
