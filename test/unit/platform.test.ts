import { describe, it, expect } from 'vitest'
import { detectPlatform } from '../../src/input/platform'

const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'

describe('detectPlatform', () => {
  it('is Tizen when Samsung injects window.tizen', () => {
    expect(detectPlatform({ tizen: {}, navigator: { userAgent: CHROME_UA } })).toBe('tizen')
  })

  it('is webOS when LG injects window.webOS or, on older firmware, only PalmSystem', () => {
    expect(detectPlatform({ webOS: {} })).toBe('webos')
    expect(detectPlatform({ PalmSystem: { launchParams: '{}' } })).toBe('webos')
  })

  it('is RDK on a WPE / RDK / Metrological set-top box, told only by its user agent', () => {
    for (const userAgent of [
      'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE',
      'Mozilla/5.0 (Linux armv7l) AppleWebKit/605.1.15 RDK/1.0',
      'Mozilla/5.0 Metrological/2.0 AppleWebKit',
    ]) {
      expect(detectPlatform({ navigator: { userAgent } })).toBe('rdk')
    }
  })

  it('is a plain browser (or kiosk) otherwise, including with no navigator at all', () => {
    expect(detectPlatform({ navigator: { userAgent: CHROME_UA } })).toBe('browser')
    expect(detectPlatform({})).toBe('browser')
  })

  it('does not mistake a null global for a TV', () => {
    expect(detectPlatform({ tizen: null as never, webOS: null as never })).toBe('browser')
  })

  it('defaults to the running window, which in node is no TV', () => {
    expect(detectPlatform()).toBe('browser')
  })
})
