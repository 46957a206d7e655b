/**
 * Samsung TVs deliver only the arrows, OK and Return to a web app; every other remote key must be
 * registered first (docs/platforms.md, Samsung Tizen). Call `registerTizenKeys(window.tizen)` once at
 * start. It never throws: a TV that lacks a key, or refuses one, just leaves that key unregistered.
 */
import type { Tizen, TizenInputDevice } from './tv-globals'

/**
 * The Tizen names of the keys key-map.ts gives a meaning to. Return and Exit are left out on
 * purpose: they arrive without registration, and registering them (or their long press) takes
 * the force-close away from the viewer, which the Samsung checklist forbids.
 */
const APP_KEY_NAMES: readonly string[] = [
  'MediaPlay', 'MediaPause', 'MediaPlayPause', 'MediaStop', 'MediaFastForward', 'MediaRewind',
  'ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue',
  'ChannelUp', 'ChannelDown',
  'Info', 'Guide', 'Caption', 'MTS',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
]

export interface TizenKeyRegistration {
  /** Names the TV accepted. */
  registered: string[]
  /** Names this TV model does not have (absent from `getSupportedKeys()`). */
  unsupported: string[]
  /** Names the TV refused or threw on. */
  failed: string[]
}

/** Registers the app's keys; resolves with what happened (for the log), never rejects. */
export function registerTizenKeys(tizen: Tizen | undefined): Promise<TizenKeyRegistration> {
  const device = tizen?.tvinputdevice
  if (!device) return Promise.resolve({ registered: [], unsupported: [...APP_KEY_NAMES], failed: [] })

  const supported = supportedKeyNames(device)
  const wanted = APP_KEY_NAMES.filter((name) => supported === null || supported.has(name))
  const unsupported = APP_KEY_NAMES.filter((name) => supported !== null && !supported.has(name))
  return register(device, wanted).then(({ registered, failed }) => ({ registered, unsupported, failed }))
}

/** The names this TV has, or null when it cannot say (then every name is tried). */
function supportedKeyNames(device: TizenInputDevice): Set<string> | null {
  try {
    const keys = device.getSupportedKeys?.()
    if (!Array.isArray(keys)) return null
    return new Set(keys.map((key) => key.name))
  } catch (error) {
    return null
  }
}

type Outcome = Pick<TizenKeyRegistration, 'registered' | 'failed'>

function register(device: TizenInputDevice, names: string[]): Promise<Outcome> {
  if (names.length === 0) return Promise.resolve({ registered: [], failed: [] })
  const batch = device.registerKeyBatch
  if (typeof batch !== 'function') return Promise.resolve(registerOneByOne(device, names))

  return new Promise((resolve) => {
    let settled = false
    const settle = (outcome: () => Outcome) => {
      if (settled) return
      settled = true
      resolve(outcome())
    }
    // A batch fails as a whole when any one name is refused; one by one then saves the rest.
    try {
      batch.call(
        device,
        names,
        () => settle(() => ({ registered: names, failed: [] })),
        () => settle(() => registerOneByOne(device, names)),
      )
    } catch (error) {
      settle(() => registerOneByOne(device, names))
    }
  })
}

function registerOneByOne(device: TizenInputDevice, names: string[]): Outcome {
  const outcome: Outcome = { registered: [], failed: [] }
  for (const name of names) {
    try {
      if (typeof device.registerKey !== 'function') throw new Error('registerKey is missing')
      device.registerKey(name)
      outcome.registered.push(name)
    } catch (error) {
      outcome.failed.push(name)
    }
  }
  return outcome
}
