/**
 * The Live page's info overlay (OK): channel number and name, what is on, and the keys that lead
 * on from here. Sits above the crawl, inside the title-safe area.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

const W = 1920 - 2 * theme.safe.x
const H = 230

export class InfoOverlay extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    const text = (fontSize: number, textColor: number) => ({ fontFace: theme.font.face, fontSize, textColor, wordWrapWidth: W - 260, maxLines: 1 })
    return {
      x: theme.safe.x,
      y: 1080 - theme.safe.y - 64 - 20 - H,
      visible: false,
      Box: { rect: true, w: W, h: H, color: theme.color.panel },
      Number: {
        x: 40,
        y: 30,
        text: { text: '', fontFace: theme.font.face, fontSize: 96, fontStyle: 'bold', textColor: theme.color.focus },
      },
      Name: { x: 230, y: 34, text: { text: '', ...text(theme.font.title, theme.color.text) } },
      Now: { x: 230, y: 96, text: { text: '', ...text(theme.font.body, theme.color.textDim) } },
      Hints: { x: 230, y: 160, text: { text: '', ...text(theme.font.small, theme.color.text) } },
    }
  }

  present(channel: { number: number; name: string }, now: string, hints: string): void {
    this.patch({
      visible: true,
      Number: { text: { text: String(channel.number) } },
      Name: { text: { text: channel.name } },
      Now: { text: { text: now } },
      Hints: { text: { text: hints } },
    })
  }

  hide(): void {
    this.visible = false
  }
}
