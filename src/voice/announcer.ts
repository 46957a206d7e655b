/**
 * Voice guidance: the focused item's label, and the page's title when a page opens, spoken aloud.
 * Focus moves are debounced, so holding an arrow key speaks where the viewer stops, not every item
 * passed on the way; and a new focus silences whatever is still being said about the last one.
 *
 * The speech engine is injected: the Web Speech API where the browser has it, or on Samsung TVs
 * the platform's Voice Guide, which reads whichever HTML element has focus (Samsung's TTS guide),
 * so a canvas app gives it a hidden element to read.
 */
import type { Clock, TimerId } from '../lib/clock'

export interface SpeechEngine {
  speak(text: string): void
  /** Stops what is being said and drops anything queued. */
  cancel(): void
}

interface SpeechWindow {
  speechSynthesis?: { speak(utterance: unknown): void; cancel(): void }
  SpeechSynthesisUtterance?: new (text: string) => unknown
  document?: Document
  tizen?: unknown
  webOSSystem?: { accessibility?: { audioGuidance?: unknown } }
  webapis?: {
    tvinfo?: {
      getMenuValue?(key: unknown): unknown
      TvInfoMenuKey?: { VOICE_GUIDE_KEY?: unknown }
      TvInfoMenuValue?: { ON?: unknown }
    }
  }
}

const currentWindow = (): SpeechWindow => (typeof window === 'undefined' ? {} : (window as unknown as SpeechWindow))

/** `window.speechSynthesis`, or null where the browser has no Web Speech synthesis. */
export function webSpeech(win: SpeechWindow = currentWindow()): SpeechEngine | null {
  const synth = win.speechSynthesis
  const Utterance = win.SpeechSynthesisUtterance
  if (!synth || typeof Utterance !== 'function') return null
  return {
    speak: (text) => synth.speak(new Utterance(text)),
    cancel: () => synth.cancel(),
  }
}

/**
 * For a platform screen reader that reads the focused DOM element (Samsung Voice Guide): an
 * off-screen element, not display:none (which readers skip), focused again with each new text.
 */
export function focusedElementSpeech(doc: Document): SpeechEngine {
  const element = doc.createElement('div')
  element.setAttribute('tabindex', '-1')
  element.setAttribute('aria-live', 'assertive')
  element.style.cssText = 'position:absolute;left:-10000px;top:0;width:1px;height:1px;overflow:hidden'
  doc.body.appendChild(element)
  return {
    speak(text) {
      element.textContent = text
      element.blur()
      element.focus()
    },
    cancel() {
      element.textContent = ''
    },
  }
}

/**
 * The TV's own voice guidance switch: true/false where the platform lets an app read it, null
 * where it does not (or the call fails: platform objects differ between firmware versions).
 */
export function readPlatformVoiceSetting(win: SpeechWindow = currentWindow()): boolean | null {
  try {
    const webOSGuidance = win.webOSSystem?.accessibility?.audioGuidance
    if (typeof webOSGuidance === 'boolean') return webOSGuidance
    const tvinfo = win.webapis?.tvinfo
    const key = tvinfo?.TvInfoMenuKey?.VOICE_GUIDE_KEY
    if (tvinfo && typeof tvinfo.getMenuValue === 'function' && key !== undefined) {
      return tvinfo.getMenuValue(key) === (tvinfo.TvInfoMenuValue?.ON ?? 1)
    }
  } catch (error) {
    console.warn('[voice] could not read the TV voice guidance setting:', error)
  }
  return null
}

/** Samsung's Voice Guide when it is on (it reads focused elements); else Web Speech; else nothing. */
export function pickSpeechEngine(win: SpeechWindow = currentWindow(), platformVoiceOn: boolean | null = readPlatformVoiceSetting(win)): SpeechEngine | null {
  const doc = win.document
  if (win.tizen && platformVoiceOn === true && doc) return focusedElementSpeech(doc)
  return webSpeech(win) ?? (doc ? focusedElementSpeech(doc) : null)
}

export interface AnnouncerOptions {
  /** Quiet time after the last focus move before it is spoken. */
  focusDelayMs?: number
}

export class Announcer {
  private enabled = false
  private pendingPage: string | null = null
  /** Things that happened (a channel change, a status banner, a dialog), by kind: a newer one of a kind replaces the older. */
  private readonly pendingEvents = new Map<string, string>()
  private pendingFocus: string | null = null
  private timer: TimerId | null = null
  /** Something was spoken and may still be playing: the next focus move silences it. */
  private speaking = false
  private readonly focusDelayMs: number

  constructor(
    private readonly engine: SpeechEngine | null,
    private readonly clock: Clock,
    options: AnnouncerOptions = {},
  ) {
    this.focusDelayMs = options.focusDelayMs ?? 250
  }

  get isEnabled(): boolean {
    return this.enabled && this.engine !== null
  }

  setEnabled(on: boolean): void {
    this.enabled = on
    if (!on) this.silence()
  }

  /** A page opened: its title goes before the next focused item's label. */
  announcePage(title: string): void {
    if (!this.isEnabled || !title.trim()) return
    this.pendingPage = title.trim()
    this.schedule()
  }

  /**
   * Something the viewer should hear about though the focus did not move: spoken after the page
   * title and before the focused item. Within the quiet time, a newer event of the same `kind`
   * replaces the older (three quick channel changes speak the last channel only).
   */
  announceEvent(kind: string, text: string): void {
    if (!this.isEnabled || !text.trim()) return
    this.pendingEvents.delete(kind)
    this.pendingEvents.set(kind, text.trim())
    this.schedule()
  }

  /** Drops an event of `kind` not yet spoken (what it was about is over). */
  withdrawEvent(kind: string): void {
    this.pendingEvents.delete(kind)
  }

  announceFocus(label: string): void {
    if (!this.isEnabled || !label.trim()) return
    this.pendingFocus = label.trim()
    this.stopSpeaking()
    this.schedule()
  }

  destroy(): void {
    this.setEnabled(false)
  }

  private schedule(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = this.clock.setTimeout(() => this.flush(), this.focusDelayMs)
  }

  private flush(): void {
    this.timer = null
    const text = joinSentences([this.pendingPage, ...this.pendingEvents.values(), this.pendingFocus])
    this.pendingPage = null
    this.pendingEvents.clear()
    this.pendingFocus = null
    if (!text || !this.engine) return
    this.stopSpeaking()
    this.engine.speak(text)
    this.speaking = true
  }

  private stopSpeaking(): void {
    if (!this.speaking || !this.engine) return
    this.engine.cancel()
    this.speaking = false
  }

  private silence(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.pendingPage = null
    this.pendingEvents.clear()
    this.pendingFocus = null
    this.stopSpeaking()
  }
}

/** "Settings. Captions: Off", and "Exit? No" (no full stop after a question or an exclamation). */
function joinSentences(parts: Array<string | null>): string {
  return parts
    .filter((part): part is string => part !== null)
    .reduce((text, part) => (text === '' ? part : /[.?!]$/.test(text) ? `${text} ${part}` : `${text}. ${part}`), '')
}
