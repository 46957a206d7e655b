/**
 * The Settings page's accessibility rows: captions on/off, voice guidance, and the caption display
 * settings 47 CFR 79.103(c) lists (size, font, text colour and opacity, background colour and
 * opacity, window colour and opacity, edges). Each row reads and changes CaptionPreferences.
 */
import type { CaptionPreferences } from '../captions/caption-preferences'
import { CAPTION_STYLE_OPTIONS, captionOptionLabel, type CaptionStyle } from '../captions/caption-style'
import { stepChoice, type SettingChange } from './settings-menu'

export interface AccessibilityMenuItem {
  id: string
  label: string
  valueText(preferences: CaptionPreferences, platformVoice: boolean | null): string
  change(preferences: CaptionPreferences, how: SettingChange, platformVoice: boolean | null): void
}

const VOICE_CHOICES = [null, true, false] as const
const voiceText = (choice: boolean | null) => (choice === null ? 'Follow the TV' : choice ? 'On' : 'Off')

const STYLE_LABELS: { [K in keyof CaptionStyle]: string } = {
  size: 'Caption size',
  font: 'Caption font',
  textColor: 'Caption colour',
  textOpacity: 'Caption opacity',
  backgroundColor: 'Background colour',
  backgroundOpacity: 'Background opacity',
  windowColor: 'Window colour',
  windowOpacity: 'Window opacity',
  edge: 'Caption edges',
}

function styleRow<K extends keyof CaptionStyle>(key: K): AccessibilityMenuItem {
  const id = `Caption${key.charAt(0).toUpperCase()}${key.slice(1)}`
  return {
    id,
    label: STYLE_LABELS[key],
    valueText: (p) => captionOptionLabel(key, p.style[key]),
    change: (p, how) => {
      const next = stepChoice(CAPTION_STYLE_OPTIONS[key], p.style[key], how)
      p.setStyle({ [key]: next } as Partial<CaptionStyle>)
    },
  }
}

export const ACCESSIBILITY_MENU: readonly AccessibilityMenuItem[] = [
  {
    id: 'Captions',
    label: 'Captions (CC)',
    valueText: (p) => (p.captionsOn() ? 'On' : 'Off'),
    change: (p) => p.toggleCaptions(),
  },
  {
    id: 'VoiceGuidance',
    label: 'Voice guidance',
    valueText: (p, platformVoice) => {
      const choice = p.stored.voiceGuidance
      return choice === null ? `${voiceText(null)} (${p.voiceOn(platformVoice) ? 'on' : 'off'})` : voiceText(choice)
    },
    change: (p, how) => p.setVoiceGuidance(stepChoice(VOICE_CHOICES, p.stored.voiceGuidance, how)),
  },
  ...(Object.keys(STYLE_LABELS) as Array<keyof CaptionStyle>).map((key) => styleRow(key)),
]
