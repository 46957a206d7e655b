/**
 * The Live page's info overlay (OK): channel number and name, what is on now and next with a
 * progress bar (src/schedule/programme-lines.ts), and the keys that lead on from here. Sits above
 * the crawl, inside the title-safe area.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { ProgrammeBar } from './ProgrammeBar'
import type { ProgrammeLines } from '../schedule/programme-lines'

const W = 1920 - 2 * theme.safe.x
const H = 290
const BAR_W = 700

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
      Now: { x: 230, y: 92, text: { text: '', ...text(theme.font.body, theme.color.text) } },
      Next: { x: 230, y: 136, text: { text: '', ...text(theme.font.body, theme.color.textDim) } },
      Progress: { x: 230, y: 186, type: ProgrammeBar },
      Hints: { x: 230, y: 214, text: { text: '', ...text(theme.font.small, theme.color.text) } },
    }
  }

  /** `programme`: now/next from the channel's schedule; null: none ("Live now"). */
  present(channel: { number: number; name: string }, programme: ProgrammeLines | null, hints: string): void {
    this.patch({
      visible: true,
      Number: { text: { text: String(channel.number) } },
      Name: { text: { text: channel.name } },
      Now: { text: { text: programme ? programme.now : 'Live now' } },
      Next: { text: { text: programme ? programme.next : '' } },
      Hints: { text: { text: hints } },
    })
    ;(this.tag('Progress') as ProgrammeBar).show(programme ? programme.progress : null, BAR_W)
  }

  hide(): void {
    this.visible = false
  }
}
