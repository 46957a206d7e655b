import { describe, it, expect } from 'vitest'
import { legacyBundleUrl, restartOnLegacyBundle, markAppStarted } from '../../src/boot/legacy-fallback'

describe('restarting on the legacy bundle when the UI chunk fails to load', () => {
  it('asks the bundle loader for the legacy bundle, keeping the launch parameters', () => {
    expect(legacyBundleUrl('https://tv.example.com/app/?channel=world&kiosk=1')).toBe('https://tv.example.com/app/?channel=world&kiosk=1&bundle=legacy')
    expect(legacyBundleUrl('file:///opt/usr/apps/x/index.html')).toBe('file:///opt/usr/apps/x/index.html?bundle=legacy')
  })

  it('never loops: on the legacy bundle already it logs and stays', () => {
    const replaced: string[] = []
    const logs: string[] = []
    const w = { location: { href: 'http://127.0.0.1/?bundle=legacy', replace: (url: string) => replaced.push(url) } }
    restartOnLegacyBundle(w, new TypeError('Failed to fetch'), (m) => logs.push(m))
    expect(replaced).toEqual([])
    expect(logs).toEqual(['[loader] the UI chunk failed to load (TypeError: Failed to fetch)'])
  })

  it('replaces the page (no history entry to go Back into) and says why', () => {
    const replaced: string[] = []
    const logs: string[] = []
    const w = { location: { href: 'http://127.0.0.1/?automation=1', replace: (url: string) => replaced.push(url) } }
    restartOnLegacyBundle(w, new Error('boom'), (m) => logs.push(m))
    expect(replaced).toEqual(['http://127.0.0.1/?automation=1&bundle=legacy'])
    expect(logs[0]).toMatch(/restarting on the legacy bundle/)
  })

  it('marks the app started so later errors are not taken for a bundle that cannot run', () => {
    const w: { __liveNewsAppStarted?: boolean; location: { href: string; replace(u: string): void } } = { location: { href: '', replace: () => undefined } }
    markAppStarted(w)
    expect(w.__liveNewsAppStarted).toBe(true)
  })
})
