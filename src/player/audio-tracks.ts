/**
 * Alternate audio: which of a stream's audio renditions (`EXT-X-MEDIA TYPE=AUDIO`, hls.js's
 * `audioTracks`) the viewer hears, and how each is named on screen.
 *
 * - A track is labelled with its language's name in the viewer's language (`Intl.DisplayNames`
 *   where the engine has it, Chromium 81+), else the playlist's NAME, else the code. Old engines
 *   (Chromium 63–79, WPE 2.38) have no DisplayNames and get NAME: nothing here throws.
 * - A track with `CHARACTERISTICS="public.accessibility.describes-video"` is "Audio description".
 * - Which one plays: the viewer's remembered choice (language + audio description) where the
 *   stream has it, else a track in the TV's language (not audio description), else the
 *   playlist's DEFAULT, else the first.
 * The choice is kept in a KeyValueStore (the SDK Storage in the app) under AUDIO_PREFERENCE_KEY.
 */
import type { KeyValueStore } from '../lib/key-value-store'

/** The fields of an hls.js audio track (MediaPlaylist) read here. */
export interface HlsAudioTrack {
  name?: string
  lang?: string
  characteristics?: string
  default?: boolean
}

export interface AudioOption {
  /** The track's index in hls.js's `audioTracks`. */
  index: number
  label: string
  /** Canonical language code ("en"), or null when the playlist gives none. */
  language: string | null
  audioDescription: boolean
}

/** What the viewer chose, in terms that carry from one channel (and one launch) to the next. */
export interface AudioPreference {
  language: string | null
  audioDescription: boolean
}

export const AUDIO_PREFERENCE_KEY = 'audioPreference'
export const AUDIO_DESCRIPTION = 'Audio description'
const DESCRIBES_VIDEO = 'public.accessibility.describes-video'

/** ISO 639-2 codes playlists use, for engines without Intl.getCanonicalLocales. */
const THREE_LETTER: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', ita: 'it', por: 'pt', nld: 'nl', dut: 'nl',
  swe: 'sv', nor: 'no', dan: 'da', fin: 'fi', pol: 'pl', ces: 'cs', cze: 'cs', rus: 'ru', ukr: 'uk', tur: 'tr',
  ara: 'ar', heb: 'he', hin: 'hi', zho: 'zh', chi: 'zh', jpn: 'ja', kor: 'ko', ell: 'el', gre: 'el', hun: 'hu',
  ron: 'ro', rum: 'ro', cat: 'ca', eus: 'eu', baq: 'eu', glg: 'gl', cym: 'cy', wel: 'cy', gle: 'ga',
}

/** "eng", "en-US", "EN" → "en"; anything unusable → null. Never throws. */
export function languageCode(tag: string | null | undefined): string | null {
  if (typeof tag !== 'string') return null
  const trimmed = tag.trim()
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(trimmed)) return null
  const intl = typeof Intl === 'object' ? (Intl as { getCanonicalLocales?: (tag: string) => string[] }) : null
  let canonical = trimmed
  try {
    if (intl && typeof intl.getCanonicalLocales === 'function') canonical = intl.getCanonicalLocales(trimmed)[0] || trimmed
  } catch (error) {
    canonical = trimmed
  }
  const primary = canonical.split('-')[0]!.toLowerCase()
  return THREE_LETTER[primary] || primary
}

/** `code`'s name in `displayLanguage` ("es" in "en-GB" → "Spanish"), or null where the engine cannot say. */
export function languageName(code: string | null, displayLanguage: string): string | null {
  if (!code) return null
  const DisplayNames = typeof Intl === 'object' ? (Intl as { DisplayNames?: new (locales: string[], options: { type: string }) => { of(code: string): string | undefined } }).DisplayNames : undefined
  if (typeof DisplayNames !== 'function') return null
  try {
    const name = new DisplayNames([displayLanguage, 'en'], { type: 'language' }).of(code)
    // An unknown code comes back as itself.
    if (!name || name.toLowerCase() === code.toLowerCase()) return null
    return name.charAt(0).toLocaleUpperCase() + name.slice(1)
  } catch (error) {
    return null
  }
}

/** The tracks as the viewer is offered them, each with a label no other track has. */
export function audioOptions(tracks: ReadonlyArray<HlsAudioTrack>, displayLanguage: string): AudioOption[] {
  const options = tracks.map((track, index): AudioOption => {
    const language = languageCode(track.lang)
    const audioDescription = typeof track.characteristics === 'string' && track.characteristics.split(',').some((c) => c.trim() === DESCRIBES_VIDEO)
    const name = typeof track.name === 'string' && track.name.trim() !== '' ? track.name.trim() : null
    const base = languageName(language, displayLanguage) || name || (track.lang ? track.lang.trim() : '') || `Track ${index + 1}`
    return { index, label: audioDescription ? `${base} · ${AUDIO_DESCRIPTION}` : base, language, audioDescription }
  })
  // Two tracks of one language (a commentary, a second mix): the playlist's NAME tells them apart.
  return options.map((option) => {
    if (options.filter((o) => o.label === option.label).length < 2) return option
    const name = tracks[option.index]!.name
    return Object.assign({}, option, { label: name && name.trim() && name.trim() !== option.label ? `${option.label} (${name.trim()})` : `${option.label} ${option.index + 1}` })
  })
}

/** The index of the track to play (-1 when there is none). */
export function pickAudioTrack(
  tracks: ReadonlyArray<HlsAudioTrack>,
  options: ReadonlyArray<AudioOption>,
  preference: AudioPreference | null,
  tvLanguage: string | null,
): number {
  if (options.length === 0) return -1
  const find = (match: (o: AudioOption) => boolean) => {
    const matching = options.filter(match)
    const declaredDefault = matching.filter((o) => tracks[o.index] && tracks[o.index]!.default)
    return (declaredDefault[0] || matching[0] || null) as AudioOption | null
  }
  if (preference) {
    const exact = find((o) => o.language === preference.language && o.audioDescription === preference.audioDescription)
    if (exact) return exact.index
    // Audio description wanted on a channel with none in that language: any, then the language.
    if (preference.audioDescription) {
      const described = find((o) => o.audioDescription && (preference.language === null || o.language === preference.language))
      if (described) return described.index
    }
    const sameLanguage = preference.language ? find((o) => o.language === preference.language && !o.audioDescription) : null
    if (sameLanguage) return sameLanguage.index
  }
  const tv = languageCode(tvLanguage)
  const inTvLanguage = tv ? find((o) => o.language === tv && !o.audioDescription) : null
  if (inTvLanguage) return inTvLanguage.index
  const declared = find((o) => !o.audioDescription && !!tracks[o.index] && !!tracks[o.index]!.default)
  if (declared) return declared.index
  const plain = find((o) => !o.audioDescription)
  return (plain || options[0]!).index
}

export function preferenceOf(option: AudioOption): AudioPreference {
  return { language: option.language, audioDescription: option.audioDescription }
}

/** The remembered choice, or null (none yet, or unreadable: the reason goes to `log`). */
export function loadAudioPreference(store: KeyValueStore, log: (message: string) => void = () => undefined): AudioPreference | null {
  const text = store.get(AUDIO_PREFERENCE_KEY)
  if (text === null) return null
  let saved: unknown
  try {
    saved = JSON.parse(text)
  } catch (error) {
    log(`stored ${AUDIO_PREFERENCE_KEY} is not JSON: following the TV's language`)
    return null
  }
  const fields = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>
  const language = fields.language === null ? null : languageCode(fields.language as string)
  if ((fields.language !== null && language === null) || typeof fields.audioDescription !== 'boolean') {
    log(`stored ${AUDIO_PREFERENCE_KEY} ${JSON.stringify(text)} is not a language and true/false: following the TV's language`)
    return null
  }
  return { language, audioDescription: fields.audioDescription }
}

export function saveAudioPreference(store: KeyValueStore, preference: AudioPreference): void {
  store.set(AUDIO_PREFERENCE_KEY, JSON.stringify(preference))
}

/** The TV's language as the page sees it (navigator.language), or null. */
export function pageLanguage(nav: { language?: string; languages?: readonly string[] } | undefined = typeof navigator === 'object' ? navigator : undefined): string | null {
  if (!nav) return null
  if (typeof nav.language === 'string' && nav.language) return nav.language
  return nav.languages && typeof nav.languages[0] === 'string' ? nav.languages[0]! : null
}

/** What the player needs from the audio choice: which track of these to play. */
export interface AudioTrackPicker {
  pick(tracks: ReadonlyArray<HlsAudioTrack>): number
}

/**
 * The viewer's audio choice for the running app: the remembered preference (from a store that may
 * arrive later than the picture starts: the SDK Storage is set up with the UI), the TV's language,
 * and the labels in it.
 */
export class AudioChoice implements AudioTrackPicker {
  private store: KeyValueStore | null = null
  private preference: AudioPreference | null = null

  constructor(readonly tvLanguage: string | null, private readonly log: (message: string) => void = (m) => console.warn(`[audio] ${m}`)) {}

  /** The store the choice is kept in; its remembered preference now applies. */
  useStore(store: KeyValueStore): void {
    this.store = store
    this.preference = loadAudioPreference(store, this.log)
  }

  get remembered(): AudioPreference | null {
    return this.preference
  }

  options(tracks: ReadonlyArray<HlsAudioTrack>): AudioOption[] {
    return audioOptions(tracks, this.tvLanguage || 'en')
  }

  pick(tracks: ReadonlyArray<HlsAudioTrack>): number {
    return pickAudioTrack(tracks, this.options(tracks), this.preference, this.tvLanguage)
  }

  /** The viewer chose `option`: kept for the next channel and the next launch. */
  choose(option: AudioOption): void {
    this.preference = preferenceOf(option)
    if (this.store) saveAudioPreference(this.store, this.preference)
  }
}
