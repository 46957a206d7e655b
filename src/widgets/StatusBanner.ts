/**
 * What the picture is doing, in words: "Waiting for the channel…", "Buffering…", "Reconnecting…",
 * "Press OK for sound". Shown top-centre inside the title-safe area; hidden when all is well.
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
    }
  }

  override _init(): void {
    this.tag('Label').on('txLoaded', () => this.resizeBox())
  }

  show(message: string | null): void {
    if (!message) {
      this.visible = false
      return
    }
    this.tag('Label').text.text = message
    this.visible = true
  }

  private resizeBox(): void {
    const label = this.tag('Label')
    const w = label.renderWidth + 64
    const h = label.renderHeight + 28
    this.patch({ w, Box: { w, h } })
  }
}
