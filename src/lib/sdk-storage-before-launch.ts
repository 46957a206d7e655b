/**
 * What the SDK Storage (sdk-storage.ts) saved, read before the SDK is loaded: the picture starts
 * before the UI chunk that carries the SDK (index.ts), and a choice that decides what plays (the
 * audio track) should apply from the first fragment, not a second later.
 *
 * The SDK keeps each key as `<platformSettings.id>.<key>` in localStorage, its value JSON-encoded
 * (the SDK's Storage plugin over localcookies). Where localStorage does not work the SDK falls back
 * to cookies: then nothing is read here, and the value applies once the UI is up. Read-only: the
 * UI saves through sdk-storage.ts. Never throws.
 */
import type { KeyValueStore } from './key-value-store'

type LocalStorageLike = Pick<Storage, 'getItem'>

function pageLocalStorage(): LocalStorageLike | null {
  try {
    return typeof localStorage === 'object' && localStorage !== null ? localStorage : null
  } catch (error) {
    // A sandboxed or privacy-locked page throws on merely reading `localStorage`.
    return null
  }
}

export function sdkStorageBeforeLaunch(namespace: string | undefined, storage: LocalStorageLike | null = pageLocalStorage()): KeyValueStore {
  return {
    get(key) {
      if (!storage) return null
      try {
        const value: unknown = JSON.parse(storage.getItem(namespace ? `${namespace}.${key}` : key) || 'null')
        return typeof value === 'string' ? value : null
      } catch (error) {
        return null
      }
    },
    set() {},
    remove() {},
  }
}
