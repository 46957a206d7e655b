/** Small checks on untrusted values (settings, feeds, storage) shared across modules. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` resolved against `base`, if that is an http(s) URL; anything else (javascript:, data:, junk) → null. */
export function resolveHttpUrl(value: string, base: string): string | null {
  if (value.trim() === '') return null
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
