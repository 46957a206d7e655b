/**
 * What the picture is doing, in words: "Waiting for the channel…", "Buffering…", "Reconnecting…",
 * "Press OK for sound", "This broadcast has ended" (with a hint under it: "Press ▲/▼ for other
 * channels"). Shown top-centre inside the title-safe area; hidden when all is well.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

export class StatusBanner extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      x: 960,
      y: theme.safe.y + 20,
      mountX: 0.5,
      visible: false,
      Box: {
        rect: true,
        color: theme.color.panel,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 12 },
      },
      Label: {
        x: 32,
        y: 14,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.body, textColor: theme.color.text, wordWrap: false },
      },
      Hint: {
        x: 32,
        y: 58,
        visible: false,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.small, textColor: theme.color.textDim, wordWrap: false },
      },
    }
  }

  override _init(): void {
    this.tag('Label').on('txLoaded', () => this.resizeBox())
    this.tag('Hint').on('txLoaded', () => this.resizeBox())
  }

  /** `hint`: a smaller line under the message (what the viewer can do), or none. */
  show(message: string | null, hint: string | null = null): void {
    if (!message) {
      this.visible = false
      return
    }
    this.tag('Label').text.text = message
    const hintTag = this.tag('Hint')
    if (hint) hintTag.text.text = hint
    hintTag.visible = !!hint
    this.visible = true
    this.resizeBox()
  }

  private resizeBox(): void {
    const label = this.tag('Label')
    const hint = this.tag('Hint')
    const withHint = hint.visible && hint.renderWidth > 0
    const w = Math.max(label.renderWidth, withHint ? hint.renderWidth : 0) + 64
    const h = (withHint ? hint.y + hint.renderHeight : label.renderHeight + 14) + 14
    this.patch({ w, Box: { w, h } })
  }
}
