/**
 * "Exit?" on the home page's Back: focus starts on "No"; only "Yes" leaves the app, the
 * platform's way (Tizen/webOS checklists: never exit on Back alone).
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { DialogButton } from './DialogButton'

export class ExitDialog extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      w: 1920,
      h: 1080,
      visible: false,
      Dim: { rect: true, w: 1920, h: 1080, color: 0xb0000000 },
      Panel: {
        x: 960,
        y: 540,
        mount: 0.5,
        rect: true,
        w: 640,
        h: 270,
        color: theme.color.panel,
        Title: {
          x: 320,
          y: 70,
          mount: 0.5,
          text: { text: 'Exit?', fontFace: theme.font.face, fontSize: theme.font.title, textColor: theme.color.text },
        },
        No: { type: DialogButton, x: 80, y: 150, label: 'No' },
        Yes: { type: DialogButton, x: 340, y: 150, label: 'Yes' },
      },
    }
  }

  private onAnswer: ((exit: boolean) => void) | null = null
  private choice: 'No' | 'Yes' = 'No'

  open(onAnswer: (exit: boolean) => void): void {
    this.onAnswer = onAnswer
    this.choice = 'No'
    this.visible = true
  }

  close(): void {
    this.visible = false
    this.onAnswer = null
  }

  /** The question, for voice guidance. */
  get title(): string {
    return this.tag('Panel.Title').text.text
  }

  get isOpen(): boolean {
    return this.visible
  }

  override _getFocused(): Lightning.Component {
    return this.tag(`Panel.${this.choice}`) as Lightning.Component
  }

  override _handleLeft(): boolean {
    this.choice = 'No'
    this._refocus()
    return true
  }

  override _handleRight(): boolean {
    this.choice = 'Yes'
    this._refocus()
    return true
  }

  override _handleEnter(): boolean {
    this.answer(this.choice === 'Yes')
    return true
  }

  override _handleBack(): boolean {
    this.answer(false)
    return true
  }

  private answer(exit: boolean): void {
    const onAnswer = this.onAnswer
    this.close()
    if (onAnswer) onAnswer(exit)
  }
}
