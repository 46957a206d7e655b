/**
 * The label on the picture during an ad break ("Ad", or the text `appSettings.ads.label` gives),
 * top-right inside the title-safe area. Shown only when the config asks for a label; the App
 * drives it from the player's ad-break watch (src/player/ad-break-watch.ts).
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

const PAD_X = 20
const HEIGHT = 48

export class AdLabel extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      x: 1920 - theme.safe.x,
      y: theme.safe.y,
      mountX: 1,
      visible: false,
      Box: { rect: true, h: HEIGHT, color: theme.color.panel, shader: { type: Lightning.shaders.RoundedRectangle, radius: 8 } },
      Text: {
        x: PAD_X,
        y: 8,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.small, fontStyle: 'bold', textColor: theme.color.text, wordWrap: false },
      },
    }
  }

  override _init(): void {
    this.tag('Text').on('txLoaded', () => this.resize())
  }

  /** `text`: the label during a break; null: hidden (no break, or no label configured). */
  show(text: string | null): void {
    if (text !== null) this.tag('Text').text.text = text
    this.visible = text !== null
    this.resize()
  }

  private resize(): void {
    const w = this.tag('Text').renderWidth + PAD_X * 2
    this.tag('Box').w = w
    this.w = w
    this.h = HEIGHT
  }
}
