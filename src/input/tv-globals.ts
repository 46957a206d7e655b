/**
 * The few TV-platform globals the app touches (Samsung `tizen`, LG `webOS` / `PalmSystem`), typed
 * as loosely as they really are: every member optional, because older firmware, hosted web apps
 * and test doubles each expose a different subset. Callers check before calling.
 */

export interface TizenAppControlData {
  key: string
  value: string[]
}

export interface TizenApplication {
  exit?(): void
  getRequestedAppControl?(): { appControl?: { data?: TizenAppControlData[] } } | null
}

export interface TizenSupportedKey {
  name: string
  code: number
}

export interface TizenInputDevice {
  getSupportedKeys?(): TizenSupportedKey[]
  registerKey?(name: string): void
  /** Tizen 2016+: one IPC round trip for all keys instead of one per key. */
  registerKeyBatch?(names: string[], onSuccess?: () => void, onError?: (error: unknown) => void): void
}

export interface Tizen {
  application?: { getCurrentApplication?(): TizenApplication }
  tvinputdevice?: TizenInputDevice
}

export interface WebOS {
  platformBack?(): void
  launchParams?: unknown
}

export interface PalmSystem {
  platformBack?(): void
  /** Brings a relaunched app to the foreground. */
  activate?(): void
  /** JSON text of the parameters the app was (re)launched with. */
  launchParams?: string
}

/** The parts of `window` the input modules read; a plain object with these works in tests. */
export interface TvWindow {
  tizen?: Tizen
  webOS?: WebOS
  PalmSystem?: PalmSystem
  navigator?: { userAgent?: string }
  location?: { search?: string }
  document?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
  addEventListener?: EventTarget['addEventListener']
  removeEventListener?: EventTarget['removeEventListener']
  close?(): void
}

/** `window` when there is one (browser), otherwise an empty object (node tests). */
export function currentWindow(): TvWindow {
  return typeof window === 'undefined' ? {} : (window as unknown as TvWindow)
}
