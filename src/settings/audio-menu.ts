/**
 * The Settings page's Audio row and the remote's Audio key: what the row says and which audio
 * rendition Left/Right/OK (or the Audio key) moves to. The options come from audio-tracks.ts.
 */
import type { AudioOption } from '../player/audio-tracks'
import { stepChoice, type SettingChange } from './settings-menu'

export const AUDIO_ROW_LABEL = 'Audio'
/** The row's value on a channel with one audio rendition (or none listed yet). */
export const ONLY_ONE_AUDIO = 'Only one on this channel'

/** The playing option's label, or why there is nothing to choose. */
export function audioRowText(options: ReadonlyArray<AudioOption>, current: number): string {
  if (options.length < 2) return ONLY_ONE_AUDIO
  const playing = options.filter((o) => o.index === current)[0]
  return playing ? playing.label : options[0]!.label
}

/** The option to switch to, or null when there is nothing to switch to (one track, or at an end). */
export function nextAudioOption(options: ReadonlyArray<AudioOption>, current: number, how: SettingChange): AudioOption | null {
  if (options.length < 2) return null
  const playing = options.filter((o) => o.index === current)[0] || options[0]!
  const next = stepChoice(options, playing, how)
  return next === playing ? null : next
}
