/** One row of the Settings page: what it sets on the left, its value between ‹ › on the right. */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { focusRingTemplate, showFocus } from './focus-ring'

export const ROW_W = 1000
export const ROW_H = 76
const PAD = 28

export class SettingRow extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    const text = { text: '', fontFace: theme.font.face, fontSize: theme.font.body, textColor: theme.color.text, wordWrap: false }
    return Object.assign({ w: ROW_W, h: ROW_H }, focusRingTemplate(ROW_W, ROW_H), {
      Label: { x: PAD, y: ROW_H / 2 + 2, mountY: 0.5, text },
      Value: { x: ROW_W - PAD, y: ROW_H / 2 + 2, mountX: 1, mountY: 0.5, text: Object.assign({}, text, { fontStyle: 'bold' }) },
    })
  }

  set label(label: string) {
    this.tag('Label').text.text = label
  }

  set value(value: string) {
    this.tag('Value').text.text = `‹  ${value}  ›`
  }

  override _focus(): void {
    showFocus(this, true)
  }

  override _unfocus(): void {
    showFocus(this, false)
  }
}
