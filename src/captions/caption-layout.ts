/**
 * Where the caption block sits on the 1920x1080 stage: centred, its bottom edge on a line above
 * the crawl (or lower when the crawl is hidden), never outside the 5% title-safe area, at most
 * 80% of the screen wide and three lines tall. Pure arithmetic; CaptionsLayer applies it.
 */
import type { Rect } from '../lib/rect'
import { theme } from '../app/theme'

const STAGE_W = 1920
const STAGE_H = 1080
const SAFE_BOTTOM = STAGE_H - theme.safe.y

/** The crawl bar takes y 962..1026: captions end 22 px above it. */
export const CAPTION_BOTTOM_ABOVE_CRAWL = 940
/** Without the crawl, captions sit near the bottom of the title-safe area, as on broadcast TV. */
export const CAPTION_BOTTOM_WITHOUT_CRAWL = SAFE_BOTTOM - 26
export const CAPTION_MAX_WIDTH = Math.round(STAGE_W * 0.8)
export const CAPTION_MAX_LINES = 3

/** The window box reaches this far beyond the text bands on each side. */
export const CAPTION_WINDOW_PADDING = 12

export interface CaptionBlockPlacement {
  /** Top-left of the text texture. */
  text: { x: number; y: number }
  /** The window box around every line band. */
  window: Rect
}

/** A requested bottom edge, moved inside the title-safe area with room left for three lines. */
export function clampCaptionBottom(bottom: number, lineHeight: number): number {
  const highest = theme.safe.y + CAPTION_MAX_LINES * lineHeight + CAPTION_WINDOW_PADDING
  return Math.round(Math.min(SAFE_BOTTOM - CAPTION_WINDOW_PADDING, Math.max(highest, bottom)))
}

/**
 * The text wraps inside this width; the line bands' padding is drawn within the texture, so it
 * counts against the 80% too.
 */
export function captionWrapWidth(bandPadding: number): number {
  return CAPTION_MAX_WIDTH - 2 * bandPadding
}

/**
 * Places a rendered caption texture `textureWidth` wide and `lines` lines of `lineHeight` tall
 * (CaptionsLayer draws with a bottom baseline, so the texture is exactly its line bands), so that
 * its bottom edge is at `bottom`.
 */
export function placeCaptionBlock(textureWidth: number, lines: number, lineHeight: number, bottom: number): CaptionBlockPlacement {
  const height = lines * lineHeight
  const x = Math.round((STAGE_W - textureWidth) / 2)
  const y = Math.round(bottom - height)
  return {
    text: { x, y },
    window: {
      x: x - CAPTION_WINDOW_PADDING,
      y: y - CAPTION_WINDOW_PADDING,
      w: Math.round(textureWidth) + 2 * CAPTION_WINDOW_PADDING,
      h: height + 2 * CAPTION_WINDOW_PADDING,
    },
  }
}

/**
 * Whether the text renderer cut the text at its line limit. Lightning reports the lines it drew
 * but not whether more were left, so count words: fewer drawn than given means some were cut.
 */
export function isTruncated(drawnLines: readonly string[], text: string): boolean {
  const words = (s: string) => s.split(/\s+/).filter((word) => word !== '').length
  return words(drawnLines.join(' ')) < words(text)
}
