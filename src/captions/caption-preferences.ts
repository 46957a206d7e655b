/**
 * The viewer's accessibility choices: captions on or off, voice guidance, and the caption style.
 * Kept under one versioned JSON key of a KeyValueStore (the SDK Storage in the app). A corrupt or
 * hand-edited store never stops the app: each unusable field keeps its default, and the reason is
 * reported. `?captions=1` / `?voice=1` in the URL (read with the rest of the config:
 * config/app-config.ts) switch a feature on for this session only (kiosks, tests), without touching
 * what is stored.
 */
import type { KeyValueStore } from '../lib/key-value-store'
import { Emitter } from '../lib/emitter'
import { DEFAULT_CAPTION_STYLE, readCaptionStyle, type CaptionStyle } from './caption-style'

export const ACCESSIBILITY_PREFERENCES_KEY = 'accessibilityPreferences'
const VERSION = 1

export interface AccessibilityPreferences {
  captions: boolean
  /** null = follow the TV's own voice guidance setting, where the app can read it. */
  voiceGuidance: boolean | null
  captionStyle: CaptionStyle
}

/** What the URL asked for this session; a field is absent when the URL says nothing about it. */
export interface SessionOverrides {
  captions?: boolean
  voiceGuidance?: boolean
}

export const DEFAULT_ACCESSIBILITY_PREFERENCES: Readonly<AccessibilityPreferences> = {
  captions: false,
  voiceGuidance: null,
  captionStyle: DEFAULT_CAPTION_STYLE,
}

export interface PreferencesReading<T> {
  value: T
  problems: string[]
}

export function loadAccessibilityPreferences(store: KeyValueStore): PreferencesReading<AccessibilityPreferences> {
  const value: AccessibilityPreferences = { ...DEFAULT_ACCESSIBILITY_PREFERENCES }
  const text = store.get(ACCESSIBILITY_PREFERENCES_KEY)
  if (text === null) return { value, problems: [] }
  let saved: unknown
  try {
    saved = JSON.parse(text)
  } catch (error) {
    return { value, problems: [`stored ${ACCESSIBILITY_PREFERENCES_KEY} is not JSON: using the defaults`] }
  }
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) {
    return { value, problems: [`stored ${ACCESSIBILITY_PREFERENCES_KEY} is not an object: using the defaults`] }
  }
  const fields = saved as Record<string, unknown>
  const problems: string[] = []
  // A newer app may have added fields; the ones this version knows are still read.
  if (fields.version !== VERSION) problems.push(`stored ${ACCESSIBILITY_PREFERENCES_KEY} has version ${JSON.stringify(fields.version)}, expected ${VERSION}: reading what is known`)
  if (typeof fields.captions === 'boolean') value.captions = fields.captions
  else if ('captions' in fields) problems.push(`stored captions ${JSON.stringify(fields.captions)} is not true/false: captions off`)
  if (typeof fields.voiceGuidance === 'boolean' || fields.voiceGuidance === null) value.voiceGuidance = fields.voiceGuidance
  else if ('voiceGuidance' in fields) problems.push(`stored voiceGuidance ${JSON.stringify(fields.voiceGuidance)} is not true/false/null: following the TV`)
  const style = readCaptionStyle(fields.captionStyle)
  value.captionStyle = style.style
  problems.push(...style.problems)
  return { value, problems }
}

export function saveAccessibilityPreferences(store: KeyValueStore, preferences: AccessibilityPreferences): void {
  store.set(ACCESSIBILITY_PREFERENCES_KEY, JSON.stringify({ version: VERSION, ...preferences }))
}

export interface CaptionPreferencesEvents extends Record<string, unknown> {
  /** Something the viewer sees or hears changed: re-read `captionsOn()`, `voiceOn()` and `style`. */
  change: CaptionPreferences
}

/**
 * The stored preferences with this session's URL overrides on top. A change the viewer makes
 * (Settings, the CC key) is saved, and wins over the URL for the rest of the session.
 */
export class CaptionPreferences {
  readonly events = new Emitter<CaptionPreferencesEvents>()
  private saved: AccessibilityPreferences
  private session: SessionOverrides

  constructor(
    private readonly store: KeyValueStore,
    /** This session's URL overrides (AppConfig.session). */
    session: SessionOverrides,
    log: (message: string) => void = (message) => console.warn(`[accessibility] ${message}`),
  ) {
    const stored = loadAccessibilityPreferences(store)
    for (const problem of stored.problems) log(problem)
    this.saved = stored.value
    this.session = { ...session }
  }

  get style(): CaptionStyle {
    return this.saved.captionStyle
  }

  /** What is stored, without this session's overrides: what a Settings page shows as the choice. */
  get stored(): Readonly<AccessibilityPreferences> {
    return this.saved
  }

  captionsOn(): boolean {
    return this.session.captions ?? this.saved.captions
  }

  /** `platformSetting`: the TV's own voice guidance switch, or null where it cannot be read. */
  voiceOn(platformSetting: boolean | null): boolean {
    return this.session.voiceGuidance ?? this.saved.voiceGuidance ?? platformSetting ?? false
  }

  setCaptions(on: boolean): void {
    delete this.session.captions
    this.update({ captions: on })
  }

  toggleCaptions(): void {
    this.setCaptions(!this.captionsOn())
  }

  setVoiceGuidance(on: boolean | null): void {
    delete this.session.voiceGuidance
    this.update({ voiceGuidance: on })
  }

  setStyle(change: Partial<CaptionStyle>): void {
    this.update({ captionStyle: { ...this.saved.captionStyle, ...change } })
  }

  private update(change: Partial<AccessibilityPreferences>): void {
    this.saved = { ...this.saved, ...change }
    saveAccessibilityPreferences(this.store, this.saved)
    this.events.emit('change', this)
  }
}
