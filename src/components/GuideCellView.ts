/**
 * One programme on the Guide's grid: a card as wide as its time, its title cut to one line, the
 * programme on air outlined, and the app's focus ring. Voice guidance reads its `voiceLabel` (the
 * channel, the title, the times, what OK does: guide-labels.ts cellSpeech), set by the GuidePage.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { focusRingTemplate, showFocus } from './focus-ring'

const PAD = 16
/** Narrower than this, a card has no room for a readable title (its details show when focused). */
const MIN_TITLE_W = 72
const OUTLINE = 3

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

export interface GuideCellLook {
  x: number
  w: number
  h: number
  title: string
  /** On air now: outlined. */
  current: boolean
  /** A "No listing" gap, or a programme that is over: dimmer. */
  dim: boolean
}

export class GuideCellView extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    return Object.assign({}, focusRingTemplate(100, 100), {
      Outline: { visible: false, Top: { rect: true }, Bottom: { rect: true }, Left: { rect: true }, Right: { rect: true } },
      Title: { x: PAD, mountY: 0.5, text: { text: '', fontFace: theme.font.face, fontSize: theme.font.small, textColor: theme.color.text, wordWrap: true, maxLines: 1 } },
    })
  }

  /** What voice guidance says when it takes the focus. */
  voiceLabel: string | (() => string) = ''

  /** A cell's template for the row's children: the card sized to its time. */
  static cell(look: GuideCellLook, voiceLabel: () => string): Template {
    const { x, w, h, title, current, dim } = look
    const line = { color: theme.color.text }
    return Object.assign({ type: GuideCellView, x, w, h, voiceLabel }, focusRingTemplate(w, h), {
      Outline: {
        visible: current,
        Top: Object.assign({ w, h: OUTLINE }, line),
        Bottom: Object.assign({ y: h - OUTLINE, w, h: OUTLINE }, line),
        Left: Object.assign({ w: OUTLINE, h }, line),
        Right: Object.assign({ x: w - OUTLINE, w: OUTLINE, h }, line),
      },
      Title: {
        y: h / 2 + 2,
        visible: w >= MIN_TITLE_W,
        text: { text: title, wordWrapWidth: Math.max(1, w - 2 * PAD), textColor: dim ? theme.color.textDim : theme.color.text, fontStyle: current ? 'bold' : 'normal' },
      },
    }) as Template
  }

  override _focus(): void {
    showFocus(this, true)
  }

  override _unfocus(): void {
    showFocus(this, false)
  }
}
