/**
 * One pooled crawl element: a headline (with a BREAKING label when it is breaking news). The
 * ticker recycles a handful of these as headlines cross the screen. Focusable, so a viewer can
 * pick a headline from the crawl with Left/Right and open it with OK.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { crawlLabel, type Headline } from './crawl-headlines'

export const CRAWL_FONT_SIZE = 30
export const LABEL_FONT_SIZE = 26
export const LABEL_TEXT = 'BREAKING'
export const LABEL_PAD = 14

export class CrawlSlot extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      visible: false,
      // The headline comes first in the tree: it is the text the focus path reports.
      Headline: {
        y: 13,
        text: { text: '', fontFace: theme.font.face, fontSize: CRAWL_FONT_SIZE, textColor: theme.color.text, wordWrap: false },
      },
      Underline: { rect: true, y: 56, h: 5, w: 0, color: theme.color.focus, visible: false },
      Label: {
        rect: true,
        h: 44,
        y: 10,
        color: theme.color.breaking,
        Text: {
          x: LABEL_PAD,
          y: 5,
          text: { text: LABEL_TEXT, fontFace: theme.font.face, fontSize: LABEL_FONT_SIZE, fontStyle: 'bold', textColor: theme.color.onBreaking },
        },
      },
    }
  }

  headline: Headline | null = null

  show(headline: Headline, labelWidth: number, width: number): void {
    this.headline = headline
    const label = crawlLabel(headline, LABEL_TEXT)
    this.patch({
      visible: true,
      Label: { visible: label !== null, w: labelWidth - LABEL_PAD, Text: { text: { text: label ?? LABEL_TEXT } } },
      Headline: { x: labelWidth, text: { text: headline.text } },
      Underline: { x: labelWidth, w: Math.max(0, width - labelWidth) },
    })
  }

  clear(): void {
    this.headline = null
    this.visible = false
  }

  override _focus(): void {
    this.patch({ Underline: { visible: true }, Headline: { text: { textColor: theme.color.focus } } })
  }

  override _unfocus(): void {
    this.patch({ Underline: { visible: false }, Headline: { text: { textColor: theme.color.text } } })
  }
}
