/**
 * The captions on screen: the active cue lines in the viewer's caption style, centred and
 * bottom-anchored above the crawl, inside the title-safe area. One text texture draws the lines
 * with a background band behind each (Lightning's per-line highlight); a rectangle behind them is
 * the caption window. Sits above every page and overlay (zIndex), so nothing covers the captions.
 */
import { Lightning } from '@lightningjs/sdk'
import { captionTextProperties, captionWindowColor, DEFAULT_CAPTION_STYLE, type CaptionStyle } from '../captions/caption-style'
import {
  CAPTION_BOTTOM_ABOVE_CRAWL,
  CAPTION_MAX_LINES,
  captionWrapWidth,
  clampCaptionBottom,
  isTruncated,
  placeCaptionBlock,
} from '../captions/caption-layout'

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

/** What Lightning's text renderer reports about the texture it drew. */
interface TextRenderInfo {
  lines?: Array<{ info?: { text?: string } }>
}

export class CaptionsLayer extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    return {
      zIndex: 100,
      Window: { rect: true, color: 0x00000000, visible: false },
      Lines: {
        text: {
          text: '',
          wordWrap: true,
          maxLines: CAPTION_MAX_LINES,
          // No "..": a cut is detected and the oldest line dropped instead (onRendered).
          maxLinesSuffix: '',
          textAlign: 'center',
          // A bottom baseline makes the texture exactly its line bands, glyphs centred in each,
          // so the texture's rectangle is the caption block (no transparent tail below it).
          textBaseline: 'bottom',
          verticalAlign: 'middle',
        },
      },
    }
  }

  private lines: string[] = []
  private style: CaptionStyle = DEFAULT_CAPTION_STYLE
  private requestedBottom = CAPTION_BOTTOM_ABOVE_CRAWL

  override _init(): void {
    this.tag('Lines').on('txLoaded', () => this.onRendered())
    this.applyStyle(this.style)
  }

  /** The lines to show, oldest first; [] hides the captions. The newest three are kept. */
  setCues(lines: string[]): void {
    this.lines = lines.slice(-CAPTION_MAX_LINES)
    this.render()
  }

  applyStyle(style: CaptionStyle): void {
    this.style = style
    const props = captionTextProperties(style)
    this.tag('Lines').patch({ text: { ...props, wordWrapWidth: captionWrapWidth(props.paddingLeft) } } as Template)
    this.tag('Window').color = captionWindowColor(style)
    this.render()
  }

  /** Where the bottom edge of the captions goes: 940 above the crawl, lower when the crawl is hidden. */
  setBottom(y: number): void {
    this.requestedBottom = y
    this.place()
  }

  /**
   * Lightning draws no texture for a hidden element, so the lines are never hidden, only emptied:
   * an empty text draws nothing, and a new one appears once drawn (txLoaded), then is placed.
   */
  private render(): void {
    const label = this.tag('Lines')
    const text = this.lines.join('\n')
    if (label.text.text === text) {
      this.place()
    } else {
      label.text.text = text
      if (!text) this.tag('Window').visible = false
    }
  }

  private onRendered(): void {
    const drawn = (this.renderInfo().lines ?? []).map((line) => (line.info && line.info.text) || '')
    // Wrapping made the block taller than three lines: drop the oldest cue line, keep the newest.
    if (this.lines.length > 1 && isTruncated(drawn, this.lines.join('\n'))) {
      this.lines = this.lines.slice(1)
      this.render()
      return
    }
    this.place()
  }

  private place(): void {
    const label = this.tag('Lines')
    const lineCount = this.renderInfo().lines?.length ?? 0
    if (this.lines.length === 0 || lineCount === 0) return
    const { lineHeight } = captionTextProperties(this.style)
    const bottom = clampCaptionBottom(this.requestedBottom, lineHeight)
    const at = placeCaptionBlock(label.renderWidth, lineCount, lineHeight, bottom)
    this.patch({ Lines: { x: at.text.x, y: at.text.y }, Window: { ...at.window, visible: true } } as Template)
  }

  private renderInfo(): TextRenderInfo {
    const texture = this.tag('Lines').texture as { source?: { renderInfo?: TextRenderInfo | null } } | null
    return texture?.source?.renderInfo ?? {}
  }
}
