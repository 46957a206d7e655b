/**
 * The "On air" chip on Live (src/onair/): a red ON AIR label, the story's headline and its QR code
 * (with the live moment, `t=`). Top right: clear of the channel
 * banner (top left), the info overlay and the captions (both above the crawl, lower down) and the
 * crawl. OnAirService decides what shows; this only draws it.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { QrCard } from '../components/QrCard'
import type { OnAir } from '../onair/on-air'

export const ON_AIR_LABEL = 'ON AIR'
export const ON_AIR_SCAN = 'Scan for the story'
const W = 720
const PAD = 24
const QR_MAX = 300
const WORDS_W = 300
/** The chip's top; with a code of up to 49 modules (a 130-character URL) its bottom stays above the info overlay (y 652). */
const TOP = 110
/** Where the code starts, under the label and two lines of headline. */
const CODE_Y = 152

export class OnAirChip extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      visible: false,
      x: 1920 - theme.safe.x,
      y: TOP,
      mountX: 1,
      w: W,
      Box: { rect: true, w: W, h: 200, color: theme.color.panel, shader: { type: Lightning.shaders.RoundedRectangle, radius: 12 } },
      Label: {
        x: PAD,
        y: 18,
        rect: true,
        w: 140,
        h: 42,
        color: theme.color.brand,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 8 },
        Text: {
          x: 70,
          y: 23,
          mount: 0.5,
          text: { text: ON_AIR_LABEL, fontFace: theme.font.face, fontSize: theme.font.small, fontStyle: 'bold', textColor: theme.color.text },
        },
      },
      Headline: {
        x: PAD,
        y: 70,
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.body, lineHeight: 36, textColor: theme.color.text, fontStyle: 'bold', wordWrapWidth: W - 2 * PAD, maxLines: 2, maxLinesSuffix: '…' },
      },
      Code: { type: QrCard, y: CODE_Y, maxSide: QR_MAX, wordsSide: 'left', wordsWidth: WORDS_W },
    }
  }

  show(onAir: OnAir | null): void {
    if (!onAir) {
      ;(this.tag('Code') as QrCard).show(null)
      this.visible = false
      return
    }
    const url = onAir.qrUrl
    const code = this.tag('Code') as QrCard
    // Right-aligned in the chip: placed once the card says how large the code came out.
    const side = code.show(url ? { url, caption: ON_AIR_SCAN, address: onAir.article.url ?? url } : null)
    code.x = W - PAD - side
    const h = side ? CODE_Y + side + PAD : CODE_Y
    this.patch({ visible: true, h, Box: { h }, Headline: { text: { text: onAir.article.title } } })
  }
}
