/**
 * The channel banner: number and name for a few seconds after a channel change, with what is on
 * now and next and a progress bar where the channel has a schedule (src/schedule/), and the
 * digits being typed ("1_"). Top-left inside the title-safe area. During an ad break the channel
 * alone: no now/next (the programme's title would be wrong over an advertisement).
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { ProgrammeBar } from './ProgrammeBar'
import type { ProgrammeLines } from '../schedule/programme-lines'

const SHOW_MS = 3000

export class ChannelBanner extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      x: theme.safe.x,
      y: theme.safe.y,
      alpha: 0,
      Box: { rect: true, w: 720, h: 110, color: theme.color.panel },
      Number: {
        x: 24,
        y: 14,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.huge, fontStyle: 'bold', textColor: theme.color.focus },
      },
      Name: {
        x: 150,
        y: 34,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.title, textColor: theme.color.text, wordWrapWidth: 550, maxLines: 1 },
      },
      Now: { x: 24, y: 110, visible: false, text: { text: '', fontFace: theme.font.face, fontSize: theme.font.body, textColor: theme.color.text, wordWrapWidth: 672, maxLines: 1 } },
      Next: { x: 24, y: 150, visible: false, text: { text: '', fontFace: theme.font.face, fontSize: theme.font.small, textColor: theme.color.textDim, wordWrapWidth: 672, maxLines: 1 } },
      Progress: { x: 24, y: 196, type: ProgrammeBar, visible: false },
    }
  }

  private hideTimer: ReturnType<typeof setTimeout> | null = null
  private adBreak = false
  /** The channel on show and its programme, to lay out again when a break starts or ends. */
  private shown: { number: string; name: string; programme: ProgrammeLines | null } | null = null

  /** The playhead entered or left an ad break: the now/next lines go, or come back, at once. */
  setAdBreak(inBreak: boolean): void {
    if (inBreak === this.adBreak) return
    this.adBreak = inBreak
    if (this.shown && this.alpha > 0) this.layout(this.shown.number, this.shown.name, this.shown.programme)
  }

  /** After a tune: the channel, and its programme now/next when its schedule says (null: none). */
  showChannel(number: number, name: string, programme: ProgrammeLines | null = null): void {
    this.present(String(number), name, programme)
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

  private present(number: string, name: string, programme: ProgrammeLines | null = null): void {
    this.shown = { number, name, programme }
    this.layout(number, name, programme)
    this.alpha = 1
    if (this.hideTimer) clearTimeout(this.hideTimer)
    this.hideTimer = setTimeout(() => {
      this.alpha = 0
      this.hideTimer = null
    }, SHOW_MS)
  }

  private layout(number: string, name: string, withProgramme: ProgrammeLines | null): void {
    const programme = this.adBreak ? null : withProgramme
    this.tag('Number').text.text = number
    this.tag('Box').h = programme ? 226 : 110
    this.tag('Now').patch({ visible: !!programme, text: { text: programme ? programme.now : '' } })
    this.tag('Next').patch({ visible: !!programme, text: { text: programme ? programme.next : '' } })
    ;(this.tag('Progress') as ProgrammeBar).show(programme ? programme.progress : null, 672)
    const nameTag = this.tag('Name')
    // Without a number the text takes the whole box, smaller, on up to two lines.
    nameTag.patch(number ? { x: 150, y: 34, text: { fontSize: theme.font.title, wordWrapWidth: 550, maxLines: 1 } } : { x: 24, y: 14, text: { fontSize: theme.font.body, wordWrapWidth: 672, maxLines: 2 } })
    nameTag.text.text = name
  }

  override _detach(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer)
  }
}
