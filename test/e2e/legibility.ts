/**
 * 10-foot legibility: every visible text at least 24 px tall at 1080p and inside the 5% title-safe
 * area. A text inside a clipping ancestor (the crawl's viewport) is judged by the part the clip
 * lets through: it may scroll in from beyond the safe edge as long as the viewport is safe.
 * Needs the page opened with `?automation=1` (window.automation.textBoxes()).
 */
import type { Page } from 'playwright-core'
import { intersectRects, type TextBox } from '../../src/automation/text-boxes'
import type { Rect } from '../../src/lib/rect'

export interface LegibilityRules {
  minFontSize: number
  safe: Rect
  /** Sub-pixel slack for positions that are fractions of a pixel after scaling. */
  tolerance: number
}

/** 5% of 1920 x 1080 on each side: x 96..1824, y 54..1026 (src/app/theme.ts). */
export const TEN_FOOT_RULES: LegibilityRules = { minFontSize: 24, safe: { x: 96, y: 54, w: 1728, h: 972 }, tolerance: 0.5 }

export interface LegibilityViolation {
  text: string
  path: string
  problem: 'too small' | 'outside title-safe area'
  detail: string
}

const round = (v: number) => Math.round(v * 10) / 10
const describe = (r: Rect) => `x ${round(r.x)}..${round(r.x + r.w)}, y ${round(r.y)}..${round(r.y + r.h)}`

export function rectInside(inner: Rect, outer: Rect, tolerance = 0): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.w <= outer.x + outer.w + tolerance &&
    inner.y + inner.h <= outer.y + outer.h + tolerance
  )
}

export function legibilityViolations(boxes: TextBox[], rules: LegibilityRules = TEN_FOOT_RULES): LegibilityViolation[] {
  const violations: LegibilityViolation[] = []
  for (const box of boxes) {
    if (box.fontSize < rules.minFontSize - rules.tolerance) {
      violations.push({ text: box.text, path: box.path, problem: 'too small', detail: `${round(box.fontSize)} px < ${rules.minFontSize} px` })
    }
    const shown = box.clip ? intersectRects(box.rect, box.clip) : box.rect
    if (shown && !rectInside(shown, rules.safe, rules.tolerance)) {
      const seen = box.clip ? `shown at ${describe(shown)} through its clip` : `drawn at ${describe(shown)}`
      violations.push({ text: box.text, path: box.path, problem: 'outside title-safe area', detail: `${seen}, safe is ${describe(rules.safe)}` })
    }
  }
  return violations
}

/** The violations on the page as it is now. */
export async function checkLegibility(page: Page, rules: LegibilityRules = TEN_FOOT_RULES): Promise<LegibilityViolation[]> {
  const boxes = await page.evaluate(() => (window as unknown as { automation: { textBoxes(): TextBox[] } }).automation.textBoxes())
  return legibilityViolations(boxes, rules)
}
