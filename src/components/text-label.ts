/**
 * A text element's template in the app's face: one line unless `extra` asks to wrap (wordWrap,
 * wordWrapWidth, maxLines, fontStyle…). The pages' headings, hints and details use it.
 */
import type { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

export function label(text: string, fontSize: number, color: number, extra: object = {}): Template {
  return { text: Object.assign({ text, fontFace: theme.font.face, fontSize, textColor: color, wordWrap: false }, extra) }
}
