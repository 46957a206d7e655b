/**
 * Which TV platform the app runs on. Decided from the globals each vendor injects into its
 * packaged web apps, so the same bundle can pick the right key codes, key registration and exit.
 */
import { currentWindow, type TvWindow } from './tv-globals'

export type Platform = 'tizen' | 'webos' | 'rdk' | 'browser'

/** RDK / WPE set-top boxes run a stock WebKit with no vendor object; only the user agent tells. */
const RDK_USER_AGENT = /WPE|RDK|Metrological/

export function detectPlatform(win: TvWindow = currentWindow()): Platform {
  if (isObject(win.tizen)) return 'tizen'
  if (isObject(win.webOS) || isObject(win.PalmSystem)) return 'webos'
  const userAgent = win.navigator?.userAgent
  if (typeof userAgent === 'string' && RDK_USER_AGENT.test(userAgent)) return 'rdk'
  return 'browser'
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null
}
