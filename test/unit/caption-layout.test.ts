import { describe, it, expect } from 'vitest'
import {
  CAPTION_BOTTOM_ABOVE_CRAWL,
  CAPTION_BOTTOM_WITHOUT_CRAWL,
  CAPTION_MAX_WIDTH,
  CAPTION_WINDOW_PADDING,
  captionWrapWidth,
  clampCaptionBottom,
  isTruncated,
  placeCaptionBlock,
} from '../../src/captions/caption-layout'
import { CAPTION_STYLE_OPTIONS, DEFAULT_CAPTION_STYLE, captionTextProperties } from '../../src/captions/caption-style'

const SAFE = { left: 96, top: 54, right: 1824, bottom: 1026 }
const CRAWL_TOP = 962

describe('caption layout', () => {
  it('ends the block above the crawl bar, and lower (still title-safe) without it', () => {
    expect(CAPTION_BOTTOM_ABOVE_CRAWL + CAPTION_WINDOW_PADDING).toBeLessThan(CRAWL_TOP)
    expect(CAPTION_BOTTOM_WITHOUT_CRAWL).toBeGreaterThan(CAPTION_BOTTOM_ABOVE_CRAWL)
    expect(CAPTION_BOTTOM_WITHOUT_CRAWL + CAPTION_WINDOW_PADDING).toBeLessThanOrEqual(SAFE.bottom)
  })

  it('centres the block and puts the bottom of its last line on the requested edge', () => {
    const at = placeCaptionBlock(800, 2, 55, 940)
    expect(at.text).toEqual({ x: 560, y: 830 })
    expect(at.window).toEqual({ x: 548, y: 818, w: 824, h: 134 })
  })

  it('keeps the widest, tallest block of every size inside the title-safe area, wherever it is asked to go', () => {
    for (const size of CAPTION_STYLE_OPTIONS.size) {
      const { lineHeight, paddingLeft } = captionTextProperties({ ...DEFAULT_CAPTION_STYLE, size })
      const widest = captionWrapWidth(paddingLeft) + 2 * paddingLeft
      expect(widest).toBe(CAPTION_MAX_WIDTH)
      for (const asked of [0, 300, CAPTION_BOTTOM_ABOVE_CRAWL, CAPTION_BOTTOM_WITHOUT_CRAWL, 1080, 5000]) {
        const { window } = placeCaptionBlock(widest, 3, lineHeight, clampCaptionBottom(asked, lineHeight))
        expect(window.x).toBeGreaterThanOrEqual(SAFE.left)
        expect(window.x + window.w).toBeLessThanOrEqual(SAFE.right)
        expect(window.y).toBeGreaterThanOrEqual(SAFE.top)
        expect(window.y + window.h).toBeLessThanOrEqual(SAFE.bottom)
      }
    }
  })

  it('leaves a requested edge that is already safe where it is', () => {
    expect(clampCaptionBottom(CAPTION_BOTTOM_ABOVE_CRAWL, 55)).toBe(CAPTION_BOTTOM_ABOVE_CRAWL)
    expect(clampCaptionBottom(CAPTION_BOTTOM_WITHOUT_CRAWL, 55)).toBe(CAPTION_BOTTOM_WITHOUT_CRAWL)
  })
})

describe('isTruncated', () => {
  it('tells a text cut at the line limit from one merely wrapped', () => {
    const text = 'Good evening and welcome\nto the late edition'
    expect(isTruncated(['Good evening and', 'welcome', 'to the late edition'], text)).toBe(false)
    expect(isTruncated(['Good evening and', 'welcome', 'to the'], text)).toBe(true)
    expect(isTruncated([], '')).toBe(false)
  })
})
