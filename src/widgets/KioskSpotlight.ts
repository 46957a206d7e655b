/**
 * The kiosk's article spotlight: a lower-third card with the section, the headline, a three-line
 * summary and a QR code that hands the article to a phone. It sits inside the 5% title-safe area,
 * clear of the crawl bar even when pixel-shifted, with no text under 24 px (readable at 3 m).
 * KioskMode decides what shows and when; this only draws it.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import type { Article } from '../feed/article'
import type { PixelOffset } from '../kiosk/pixel-shift'
import { handoffUrl, qrMatrix, qrTexture, type QrTexture } from '../qr/qr-code'
import { withLiveMoment } from '../onair/article-ranges'
import { modulePxFor } from '../components/QrCard'
import { wrapUrl } from '../browse/text-pages'
import { textWidthAt } from '../components/text-width'

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

const PAD = 32
const TEXT_W = 820
/** The largest code the card makes room for; longer links get smaller (never under 6 px) modules. */
const QR_MAX = 360
const URL_SIZE = 24
const URL_MAX_LINES = 2
/** The crawl bar starts at y 962; the card stays 32 px above it (more than any pixel shift). */
const CARD_BOTTOM = 930
const FADE = { duration: 0.4 }
export const SCAN_PROMPT = 'Scan to read on your phone'

/** Object.assign, not object spread: the bundle must parse on Chromium 53. */
const textStyle = (text: string, fontSize: number, textColor: number, extra: object = {}) =>
  Object.assign({ text, fontFace: theme.font.face, fontSize, textColor, wordWrapWidth: TEXT_W }, extra)

/** The code's element: `qrUrl` tells the automation snapshot what it encodes ('' when none). */
export class HandoffQr extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  qrUrl = ''
}

/** The article's link as a viewer could type it, broken into lines at '/', '?', '&' or '='. */
function printedUrl(url: string): string {
  const lines = wrapUrl(url, TEXT_W, textWidthAt(URL_SIZE))
  return lines.length > URL_MAX_LINES ? lines.slice(0, URL_MAX_LINES).join('\n') + '…' : lines.join('\n')
}

export class KioskSpotlight extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    return {
      alpha: 0,
      Card: {
        x: theme.safe.x,
        y: CARD_BOTTOM,
        mountY: 1,
        rect: true,
        color: theme.color.panel,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 16 },
        flex: { direction: 'row', alignItems: 'center', padding: PAD },
        Story: {
          w: TEXT_W,
          flex: { direction: 'column' },
          Section: { text: textStyle('', theme.font.small, theme.color.focus, { fontStyle: 'bold', maxLines: 1 }) },
          Headline: {
            flexItem: { marginTop: 8 },
            text: textStyle('', theme.font.title, theme.color.text, { fontStyle: 'bold', lineHeight: 54, maxLines: 2, maxLinesSuffix: '…' }),
          },
          Summary: {
            flexItem: { marginTop: 16 },
            text: textStyle('', theme.font.body, theme.color.textDim, { lineHeight: 40, maxLines: 3, maxLinesSuffix: '…' }),
          },
          Scan: { flexItem: { marginTop: 24 }, text: textStyle(SCAN_PROMPT, theme.font.small, theme.color.text) },
          Url: {
            flexItem: { marginTop: 4 },
            text: textStyle('', URL_SIZE, theme.color.textDim, { wordWrap: false, lineHeight: 30 }),
          },
        },
        Qr: { type: HandoffQr, flexItem: { marginLeft: PAD } },
      },
    }
  }

  /** The START-DATE of the story on air, carried as `t=` (the App hands in OnAirService's); null: none. */
  liveMoment: () => number | null = () => null

  private get qr(): HandoffQr {
    return this.tag('Card.Qr') as HandoffQr
  }

  /** Shows `article`, its QR code carrying the link with the tracking parameters from settings. */
  show(article: Article, tracking: Record<string, string>): void {
    const handoff = article.url ? handoffUrl(article.url, tracking) : null
    const url = handoff ? withLiveMoment(handoff, this.liveMoment()) : null
    const qr = url ? this.codeFor(url) : null
    this.tag('Card.Story').patch({
      Section: { text: { text: (article.section || 'News').toUpperCase() } },
      Headline: { text: { text: article.title } },
      Summary: { text: { text: article.summary } },
      // Without a code there is nothing to scan: no prompt, no link.
      Scan: { visible: qr !== null },
      Url: { visible: qr !== null, text: { text: article.url ? printedUrl(article.url) : '' } },
    })
    this.qr.patch(
      qr
        ? { visible: true, w: qr.w, h: qr.h, texture: { type: Lightning.textures.StaticCanvasTexture, content: qr.content } }
        : { visible: false, texture: null },
    )
    this.qr.qrUrl = qr && url ? url : ''
    this.setSmooth('alpha', 1, FADE)
  }

  hide(): void {
    // Cleared at once, not after the fade: the snapshot must not report a code on its way out.
    this.qr.qrUrl = ''
    this.setSmooth('alpha', 0, FADE)
  }

  /** Burn-in protection: the whole card moves with the other static overlays. */
  setOffset(offset: PixelOffset): void {
    this.patch({ x: offset.x, y: offset.y })
  }

  private codeFor(url: string): QrTexture | null {
    try {
      return qrTexture(url, { modulePx: modulePxFor(qrMatrix(url).size, QR_MAX) })
    } catch (error) {
      // Too long for any QR code: show the story without one rather than nothing.
      console.warn(`[kiosk] no QR code for ${url}: ${String(error)}`)
      return null
    }
  }
}
