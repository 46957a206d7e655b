import { describe, it, expect } from 'vitest'
import { mediaEngineOf } from '../../src/player/media-engine'

describe('mediaEngineOf (engine facts from the user agent)', () => {
  it('is WebKit with GStreamer media on WPE (RDK boxes, cog) and WebKitGTK', () => {
    for (const userAgent of [
      // cog 0.16 / WPE WebKit 2.38 on Debian, as the WPE engine lane sees it: no WPE token at all.
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Safari/605.1.15',
      // Operator RDK builds that name WPE.
      'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE',
      'Mozilla/5.0 (Linux armv7l) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0 Safari/605.1.15 WPE/2.38',
      // …and one that spoofs Chrome around the WPE token.
      'Mozilla/5.0 (Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 WPE',
      // Epiphany (WebKitGTK).
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15 Epiphany/605.1.15',
    ]) {
      expect(mediaEngineOf(userAgent), userAgent).toBe('webkit-gstreamer')
    }
  })

  it('is Chromium wherever Blink answers, though its user agent says AppleWebKit too', () => {
    for (const userAgent of [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Version/5.0 TV Safari/537.36 Chrome/69.0.3497.106',
      'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
    ]) {
      expect(mediaEngineOf(userAgent), userAgent).toBe('chromium')
    }
  })

  it('is Apple WebKit on macOS and iOS (another media stack)', () => {
    expect(mediaEngineOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15')).toBe('webkit-apple')
    expect(mediaEngineOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1')).toBe('webkit-apple')
  })

  it('is other for Firefox, node and no user agent', () => {
    expect(mediaEngineOf('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0')).toBe('other')
    expect(mediaEngineOf('Node.js/22')).toBe('other')
    expect(mediaEngineOf(undefined)).toBe('other')
    expect(mediaEngineOf(null)).toBe('other')
  })
})
