/** A focusable button: paints itself focused/unfocused (focus colour ≥ 3:1 against the panel). */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

const IDLE = 0xff2a3340

export class DialogButton extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      rect: true,
      w: 220,
      h: 72,
      color: IDLE,
      Label: {
        x: 110,
        y: 38,
        mount: 0.5,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.body, textColor: theme.color.text },
      },
    }
  }

  set label(text: string) {
    this.tag('Label').text.text = text
  }

  override _focus(): void {
    this.patch({ color: theme.color.focus, Label: { text: { textColor: theme.color.onBreaking } } })
  }

  override _unfocus(): void {
    this.patch({ color: IDLE, Label: { text: { textColor: theme.color.text } } })
  }
}
