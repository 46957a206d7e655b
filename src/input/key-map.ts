/**
 * What each remote key means, per platform, as the key map Lightning reads.
 *
 * Lightning looks up `keyCode` in the map and calls `_capture<Name>` top-down, then
 * `_handle<Name>` bottom-up along the focus path, falling back to `_captureKey` / `_handleKey`
 * (core Application `_receiveKeydown`); key-up arrives as `_handle<Name>Release`. So every name
 * below is a handler suffix: `ChannelUp` → `_handleChannelUp`.
 *
 * The map goes into `appSettings.keys`. The SDK deep-merges it over its own defaults (SDK
 * Application `defaultOptions.keys`: 8 Back, 13 Enter, 27 Menu, 37–40 arrows, 174/175 Channel,
 * 178 Stop, 250 PlayPause, 191/409 Search), so codes we set win and the rest of the defaults stay.
 *
 * Key codes come from docs/platforms.md ("Remote key codes").
 */
import type { Platform } from './platform'

export type KeyName =
  | 'Left' | 'Right' | 'Up' | 'Down' | 'Enter' | 'Back' | 'Exit'
  | 'Play' | 'Pause' | 'PlayPause' | 'Stop' | 'FastForward' | 'Rewind'
  | 'ChannelUp' | 'ChannelDown'
  | 'Red' | 'Green' | 'Yellow' | 'Blue'
  | 'Info' | 'Guide' | 'Captions' | 'Audio'
  | 'Digit'

export type KeyMap = Record<number, KeyName>

/** Arrows and OK arrive unregistered on every platform (docs/platforms.md, Tizen section). */
const NAVIGATION: KeyMap = { 37: 'Left', 38: 'Up', 39: 'Right', 40: 'Down', 13: 'Enter' }

/**
 * Keyboard Back: browsers and kiosks have Backspace 8 and Escape 27 (docs/platforms.md, Back row).
 * Escape overrides the SDK's 27 → Menu: a viewer with a keyboard expects Escape to go back, and
 * RDK remotes whose Exit sends 27 then walk back to Live and its "Exit?" question instead of
 * leaving without asking (Back never exits on its own).
 */
const KEYBOARD_BACK: KeyMap = { 8: 'Back', 27: 'Back' }

/**
 * Media, colour and channel keys use the same codes on Tizen and webOS (docs/platforms.md table:
 * 415/19/413/417/412, 403–406), so every platform gets them; a code a remote never sends costs
 * nothing. PageUp/PageDown 33/34 are LG's channel keys and also suit a keyboard.
 */
const MEDIA: KeyMap = { 415: 'Play', 19: 'Pause', 10252: 'PlayPause', 413: 'Stop', 417: 'FastForward', 412: 'Rewind' }
const CHANNEL: KeyMap = { 427: 'ChannelUp', 428: 'ChannelDown', 33: 'ChannelUp', 34: 'ChannelDown' }
const COLOUR: KeyMap = { 403: 'Red', 404: 'Green', 405: 'Yellow', 406: 'Blue' }

/** Tizen Info 457, Guide 458, Caption 10221; LG's CC key is 460 (docs/platforms.md table); a keyboard's G (71) is Guide. */
const INFO: KeyMap = { 457: 'Info', 458: 'Guide', 10221: 'Captions', 460: 'Captions', 71: 'Guide' }

/**
 * The audio (language) key: Samsung's MTS 10195 (registered as "MTS", tizen-keys.ts). LG's remotes
 * have no standard one (the Settings page's Audio row serves there). A keyboard's A (65).
 */
const AUDIO: KeyMap = { 10195: 'Audio', 65: 'Audio' }

/**
 * Remote digits are 48–57 (docs/platforms.md); a keyboard's numpad sends 96–105. All twenty share one
 * name, `Digit`, so a page writes one `_handleDigit(e)` and reads the value with `digitOfKey(e)`
 * rather than ten handlers. (A key-map entry may be a list of names, but Lightning then fires
 * each name in turn and falls back to `_handleKey` once per name — one name is cleaner.)
 */
const TOP_ROW_DIGIT_0 = 48
const NUMPAD_DIGIT_0 = 96
const DIGITS: KeyMap = {}
for (let digit = 0; digit <= 9; digit++) {
  DIGITS[TOP_ROW_DIGIT_0 + digit] = 'Digit'
  DIGITS[NUMPAD_DIGIT_0 + digit] = 'Digit'
}

/**
 * Each remote's own Back (docs/platforms.md, Back row): Tizen Return 10009 and Exit 10182; webOS 461.
 * These stay on their platform so a desktop browser never reacts to a code it cannot send.
 */
const REMOTE_BACK: Record<Platform, KeyMap> = {
  tizen: { 10009: 'Back', 10182: 'Exit' },
  webos: { 461: 'Back' },
  rdk: {},
  browser: {},
}

/** The key map for `appSettings.keys` on this platform. A fresh object each call: callers may extend it. */
export function keyMapFor(platform: Platform): KeyMap {
  // Object.assign, not object spread: the bundle targets ES2019 and Chromium 53 predates spread.
  return Object.assign({}, NAVIGATION, KEYBOARD_BACK, MEDIA, CHANNEL, COLOUR, INFO, AUDIO, DIGITS, REMOTE_BACK[platform])
}

/** The digit 0–9 a `Digit` key event stands for, or null for any other key. */
export function digitOfKey(event: { keyCode: number }): number | null {
  const { keyCode } = event
  if (keyCode >= TOP_ROW_DIGIT_0 && keyCode <= TOP_ROW_DIGIT_0 + 9) return keyCode - TOP_ROW_DIGIT_0
  if (keyCode >= NUMPAD_DIGIT_0 && keyCode <= NUMPAD_DIGIT_0 + 9) return keyCode - NUMPAD_DIGIT_0
  return null
}
