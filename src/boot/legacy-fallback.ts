/**
 * What the module bundle does when its UI chunk cannot be loaded (a network error, or an engine
 * that cannot parse it): the page starts again on the legacy bundle, which carries the UI inline.
 * The inline bundle loader in index.html honours `?bundle=legacy`.
 */

/** The page's address with `bundle=legacy`, or null when it already asks for the legacy bundle. */
export function legacyBundleUrl(href: string): string | null {
  const url = new URL(href)
  if (url.searchParams.get('bundle') === 'legacy') return null
  url.searchParams.set('bundle', 'legacy')
  return url.href
}

interface BootWindow {
  __liveNewsAppStarted?: boolean
  location: { href: string; replace(url: string): void }
}

/** Tells the bundle loader the app has started: errors from here on are the app's, not a reason to fall back. */
export function markAppStarted(w: BootWindow): void {
  w.__liveNewsAppStarted = true
}

/** Restarts the page on the legacy bundle; logs and stays put when that is what already runs. */
export function restartOnLegacyBundle(w: BootWindow, error: unknown, log: (message: string) => void): void {
  const next = legacyBundleUrl(w.location.href)
  log(`[loader] the UI chunk failed to load (${String(error)})${next ? ': restarting on the legacy bundle' : ''}`)
  if (next) w.location.replace(next)
}
