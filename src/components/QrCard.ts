/**
 * A QR code with what it is for and its URL in words (docs/platforms.md: always print the URL beside
 * the code). Modules are as large as `maxSide` allows but never under 6 px; the quiet zone is
 * qrTexture's 4 modules. `qrUrl` carries the encoded URL for the automation snapshot.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { qrMatrix, qrTexture } from '../qr/qr-code'
import { wrapUrl } from '../browse/text-pages'
import { textWidthAt } from './text-width'

const MIN_MODULE_PX = 6
const QUIET_MODULES = 4
const ADDRESS_SIZE = 24
const ADDRESS_MAX_LINES = 4

export interface QrCardContent {
  /** What the code encodes (with tracking parameters). */
  url: string
  caption: string
  /** The URL as the viewer may type it. */
  address: string
}

/** Whole pixels per module, as large as fits `maxSide`, never under the readable minimum. */
export function modulePxFor(modules: number, maxSide: number): number {
  return Math.max(MIN_MODULE_PX, Math.floor(maxSide / (modules + 2 * QUIET_MODULES)))
}

export class QrCard extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    const text = { text: '', fontFace: theme.font.face, textColor: theme.color.text, wordWrap: false }
    return {
      visible: false,
      Code: {},
      Words: {
        Caption: { text: Object.assign({}, text, { fontSize: theme.font.small, fontStyle: 'bold' }) },
        Address: { y: 40, text: Object.assign({}, text, { fontSize: ADDRESS_SIZE, lineHeight: 30, textColor: theme.color.textDim }) },
      },
    }
  }

  /** Largest side of the code in stage pixels. */
  maxSide = 300
  /** Where the words go: under the code, or to its left (right-aligned) when the card sits low. */
  wordsSide: 'below' | 'left' = 'below'
  /** Width the words may take. */
  wordsWidth = 480
  /** Read by the automation snapshot: the URL the visible code encodes. */
  qrUrl = ''

  /** Shows `content` (null: hides); returns the code's side in stage pixels, quiet zone included (0: hidden). */
  show(content: QrCardContent | null): number {
    const texture = content ? this.textureFor(content.url) : null
    if (!content || !texture) {
      this.qrUrl = ''
      this.visible = false
      return 0
    }
    this.qrUrl = content.url
    const side = texture.w
    const lines = wrapUrl(content.address, this.wordsWidth, textWidthAt(ADDRESS_SIZE))
    const address = lines.slice(0, ADDRESS_MAX_LINES).join('\n')
    const align = this.wordsSide === 'left' ? 'right' : 'left'
    const words = this.wordsSide === 'left' ? { x: -24, y: side / 2, mountX: 1, mountY: 0.5 } : { x: 0, y: side + 16, mountX: 0, mountY: 0 }
    this.patch({
      visible: true,
      Code: { w: side, h: side, texture: { type: Lightning.textures.StaticCanvasTexture, content: texture.content } },
      Words: Object.assign({ w: this.wordsWidth, h: 40 + lines.length * 30 }, words, {
        Caption: { x: align === 'right' ? this.wordsWidth : 0, mountX: align === 'right' ? 1 : 0, text: { text: content.caption } },
        Address: { x: align === 'right' ? this.wordsWidth : 0, mountX: align === 'right' ? 1 : 0, text: { text: address, textAlign: align } },
      }),
    })
    return side
  }

  /** Null for a URL too long for any QR code (a feed's problem, not a reason to crash the page). */
  private textureFor(url: string): ReturnType<typeof qrTexture> | null {
    try {
      return qrTexture(url, { modulePx: modulePxFor(qrMatrix(url).size, this.maxSide), quietModules: QUIET_MODULES })
    } catch (error) {
      console.warn(`[qr] ${error instanceof Error ? error.message : String(error)}`)
      return null
    }
  }
}
