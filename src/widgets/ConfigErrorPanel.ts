/**
 * Bad settings, on screen: each line names the field and the value (the same text goes to the
 * console). The app keeps running on defaults behind it; it never takes focus.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

export class ConfigErrorPanel extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      x: theme.safe.x,
      y: theme.safe.y,
      w: 1920 - 2 * theme.safe.x,
      visible: false,
      Box: { rect: true, w: 1920 - 2 * theme.safe.x, h: 0, color: 0xf0300a0a },
      Title: {
        x: 30,
        y: 20,
        text: { text: 'Settings error', fontFace: theme.font.face, fontSize: theme.font.body, textColor: theme.color.error },
      },
      Lines: { x: 30, y: 70 },
    }
  }

  setIssues(messages: string[]): void {
    const lineHeight = 38
    this.tag('Lines').children = messages.slice(0, 8).map((message, i) => ({
      ref: `Issue-${i}`,
      y: i * lineHeight,
      text: {
        text: message,
        fontFace: theme.font.face,
        fontSize: theme.font.small,
        textColor: theme.color.text,
        wordWrapWidth: 1920 - 2 * theme.safe.x - 60,
        maxLines: 1,
      },
    }))
    this.tag('Box').h = 90 + Math.min(messages.length, 8) * lineHeight
    this.visible = messages.length > 0
  }
}
