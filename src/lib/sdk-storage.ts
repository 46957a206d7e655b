/** KeyValueStore over the SDK `Storage` plugin (localStorage, or cookies where that is missing). */
import { Storage } from '@lightningjs/sdk'
import type { KeyValueStore } from './key-value-store'

interface SdkStorage {
  get(key: string): unknown
  set(key: string, value: unknown): boolean
  remove(key: string): void
}

const storage = Storage as SdkStorage

export const sdkStorage: KeyValueStore = {
  get(key) {
    const value = storage.get(key)
    return typeof value === 'string' ? value : null
  },
  set(key, value) {
    if (!storage.set(key, value)) console.warn(`[storage] could not save "${key}" (${value.length} chars)`)
  },
  remove(key) {
    storage.remove(key)
  },
}
