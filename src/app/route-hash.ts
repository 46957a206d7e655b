/**
 * Which location fragments the Router may be given. The SDK Router decodes a fragment with
 * decodeURIComponent as it starts (a lone `%` or a cut-off UTF-8 sequence throws there, before any
 * page exists: a blank screen with dead keys), and an unknown one with no `*` route leaves no page
 * at all. So the fragment is checked first, and anything malformed or unknown falls back to the
 * root (Live).
 */

/** Route paths as the Router is configured with them: `live`, `article/:id`; `*`, `!`, `$` are not routes to open. */
export type RoutePaths = readonly string[]

export type HashReading = { ok: true; hash: string } | { ok: false; hash: string; reason: string }

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text)
    return true
  } catch {
    return false
  }
}

/** The Router's own clean-up: no leading `#`, no trailing slashes. */
function clean(hash: string): string {
  return hash.replace(/^#/, '').replace(/\/+$/, '')
}

/** True when `hash` matches one of `paths` segment by segment (case-insensitive, as the Router matches). */
export function matchesRoute(hash: string, paths: RoutePaths): boolean {
  const parts = clean(hash).split('/')
  return paths.some((path) => {
    if (/^[!*$]$/.test(path)) return false
    const pattern = clean(path).split('/')
    if (pattern.length !== parts.length) return false
    return pattern.every((segment, i) => {
      const part = parts[i]!
      if (segment.startsWith(':')) return part !== ''
      return segment.toLowerCase() === part.toLowerCase()
    })
  })
}

/**
 * Reads a location fragment: ok with the cleaned hash ('' for none: the Router opens its root), or
 * not ok with why, for a fragment that would not decode or names no route.
 */
export function readRouteHash(rawHash: string, paths: RoutePaths): HashReading {
  const hash = clean(rawHash)
  if (hash === '') return { ok: true, hash }
  if (!decodes(hash)) return { ok: false, hash, reason: `"#${hash}" is not a valid address (bad %-encoding)` }
  if (!matchesRoute(hash, paths)) return { ok: false, hash, reason: `"#${hash}" is not a page of this app` }
  return { ok: true, hash }
}
