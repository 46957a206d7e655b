/**
 * The channel banner: number and name for a few seconds after a channel change, and the digits
 * being typed ("1_"). Top-left inside the title-safe area.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

const SHOW_MS = 3000

export class ChannelBanner extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      x: theme.safe.x,
      y: theme.safe.y,
      alpha: 0,
      Box: { rect: true, w: 520, h: 110, color: theme.color.panel },
      Number: {
        x: 24,
        y: 14,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.huge, fontStyle: 'bold', textColor: theme.color.focus },
      },
      Name: {
        x: 150,
        y: 34,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.title, textColor: theme.color.text, wordWrapWidth: 350, maxLines: 1 },
      },
    }
  }

  private hideTimer: ReturnType<typeof setTimeout> | null = null

  showChannel(number: number, name: string): void {
    this.present(String(number), name)
  }

  showTyping(digits: string): void {
    this.present(`${digits}_`, '')
  }

  showMessage(number: string, message: string): void {
    this.present(number, message)
  }

  /** A line of its own, no number (the Audio key's choice: "Audio: Spanish"); up to two lines. */
  showNote(note: string): void {
    this.present('', note)
  }

  private present(number: string, name: string): void {
    this.tag('Number').text.text = number
    const nameTag = this.tag('Name')
    // Without a number the text takes the whole box, smaller, on up to two lines.
    nameTag.patch(number ? { x: 150, y: 34, text: { fontSize: theme.font.title, wordWrapWidth: 350, maxLines: 1 } } : { x: 24, y: 14, text: { fontSize: theme.font.body, wordWrapWidth: 472, maxLines: 2 } })
    nameTag.text.text = name
    this.alpha = 1
    if (this.hideTimer) clearTimeout(this.hideTimer)
    this.hideTimer = setTimeout(() => {
      this.alpha = 0
      this.hideTimer = null
    }, SHOW_MS)
  }

  override _detach(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer)
  }
}
