import { describe, it, expect } from 'vitest'
import deepmerge from 'deepmerge'
import { isPlainObject } from 'is-plain-object'
import { keyMapFor, digitOfKey, type KeyMap } from '../../src/input/key-map'
import type { Platform } from '../../src/input/platform'

/** The SDK's own default keys (SDK 5.5 Application defaultOptions.keys), which ours merge over. */
const SDK_DEFAULT_KEYS = {
  8: 'Back', 13: 'Enter', 27: 'Menu', 37: 'Left', 38: 'Up', 39: 'Right', 40: 'Down',
  174: 'ChannelDown', 175: 'ChannelUp', 178: 'Stop', 250: 'PlayPause', 191: 'Search', 409: 'Search',
}

/** What Lightning ends up with: the SDK deep-merges appSettings over its defaults, as it does in Launch. */
function effectiveKeys(platform: Platform): Record<number, string> {
  const merged = deepmerge({ keys: SDK_DEFAULT_KEYS }, { keys: keyMapFor(platform) }, { isMergeableObject: isPlainObject })
  return merged.keys as Record<number, string>
}

const ALL_PLATFORMS: Platform[] = ['tizen', 'webos', 'rdk', 'browser']

describe('keyMapFor', () => {
  it('Escape and Backspace are Back in a browser, not Menu', () => {
    const keys = effectiveKeys('browser')
    expect(keys[27]).toBe('Back')
    expect(keys[8]).toBe('Back')
  })

  it('on Tizen, Return 10009 means Back and the Exit key 10182 means Exit', () => {
    const keys = effectiveKeys('tizen')
    expect(keys[10009]).toBe('Back')
    expect(keys[10182]).toBe('Exit')
  })

  it('on webOS, 461 means Back', () => {
    expect(effectiveKeys('webos')[461]).toBe('Back')
  })

  it("a remote's own Back code means nothing on other platforms", () => {
    expect(effectiveKeys('browser')[461]).toBeUndefined()
    expect(effectiveKeys('webos')[10009]).toBeUndefined()
  })

  it.each(ALL_PLATFORMS)('on %s the arrows, OK, media, channel, colour and info keys mean the same', (platform) => {
    const keys = effectiveKeys(platform)
    expect([keys[37], keys[38], keys[39], keys[40], keys[13]]).toEqual(['Left', 'Up', 'Right', 'Down', 'Enter'])
    expect([keys[415], keys[19], keys[10252], keys[413], keys[417], keys[412]]).toEqual([
      'Play', 'Pause', 'PlayPause', 'Stop', 'FastForward', 'Rewind',
    ])
    expect([keys[427], keys[428], keys[33], keys[34]]).toEqual(['ChannelUp', 'ChannelDown', 'ChannelUp', 'ChannelDown'])
    expect([keys[403], keys[404], keys[405], keys[406]]).toEqual(['Red', 'Green', 'Yellow', 'Blue'])
    expect([keys[457], keys[458], keys[10221], keys[460]]).toEqual(['Info', 'Guide', 'Captions', 'Captions'])
    // A keyboard's G opens the Guide too (kiosks, desktop browsers).
    expect(keys[71]).toBe('Guide')
  })

  it.each(ALL_PLATFORMS)("on %s Samsung's MTS key (10195) and a keyboard's A (65) are the Audio key", (platform) => {
    const keys = effectiveKeys(platform)
    expect([keys[10195], keys[65]]).toEqual(['Audio', 'Audio'])
  })

  it("keeps the SDK's extra defaults the app does not override (e.g. 175 ChannelUp, 250 PlayPause)", () => {
    const keys = effectiveKeys('rdk')
    expect(keys[175]).toBe('ChannelUp')
    expect(keys[250]).toBe('PlayPause')
  })

  it('every name is a usable Lightning handler suffix (_handle<Name>)', () => {
    for (const platform of ALL_PLATFORMS) {
      for (const name of Object.values(keyMapFor(platform))) expect(name).toMatch(/^[A-Z][A-Za-z]*$/)
    }
  })

  it('returns a fresh map each time, so one caller extending it cannot change another', () => {
    const first: KeyMap = keyMapFor('browser')
    first[27] = 'Exit'
    expect(keyMapFor('browser')[27]).toBe('Back')
  })
})

describe('digits', () => {
  it('the remote digits 48–57 and the numpad 96–105 are all the Digit key', () => {
    const keys = keyMapFor('tizen')
    for (let code = 48; code <= 57; code++) expect(keys[code]).toBe('Digit')
    for (let code = 96; code <= 105; code++) expect(keys[code]).toBe('Digit')
  })

  it('digitOfKey reads the typed digit from the key event', () => {
    expect(digitOfKey({ keyCode: 48 })).toBe(0)
    expect(digitOfKey({ keyCode: 55 })).toBe(7)
    expect(digitOfKey({ keyCode: 105 })).toBe(9)
    expect(digitOfKey({ keyCode: 13 })).toBeNull()
    expect(digitOfKey({ keyCode: 58 })).toBeNull()
  })
})
