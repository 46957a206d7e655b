/**
 * `window.automation.textBoxes()`: every text the viewer can see, with its font size and where it
 * is drawn, in 1080p pixels, read from the live Lightning tree. For the 10-foot legibility check
 * (test/e2e/legibility.ts): text at least 24 px, inside the title-safe area, or inside the
 * clipping viewport it scrolls through.
 */
import type { TreeNode } from './snapshot'
import type { Rect } from '../lib/rect'

export interface TextBox {
  text: string
  /** Refs (or class names) from the root, e.g. "Widgets/Ticker/Belt/Headline2". */
  path: string
  /** The font size as drawn: `text.fontSize` times the element's world scale, at 1080p. */
  fontSize: number
  /** The bounding box of the text texture on screen. */
  rect: Rect
  /** What the clipping ancestors leave visible, when there are any. */
  clip: Rect | null
}

/** The members of a Lightning element read here, on top of the snapshot's. */
export interface TextTreeNode extends TreeNode {
  clipping?: boolean
  text?: { text?: string; fontSize?: number } | null
  childList?: { get(): TextTreeNode[] } | null
  core: TreeNode['core'] & { _worldContext: { alpha: number; tb: number; td: number } }
}

export interface StageMetrics {
  w: number
  h: number
  /** Lightning's render precision: corner points are in stage pixels times this. */
  precision: number
}

/** Lightning's default font size, for a text element that sets none. */
const DEFAULT_FONT_SIZE = 40

export function intersectRects(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.w, b.x + b.w)
  const bottom = Math.min(a.y + a.h, b.y + b.h)
  return right > x && bottom > y ? { x, y, w: right - x, h: bottom - y } : null
}

/** The axis-aligned box around an element's four (possibly rotated or scaled) corners. */
export function boundingRect(corners: number[], precision: number): Rect {
  const xs = [corners[0]!, corners[2]!, corners[4]!, corners[6]!].map((v) => v / precision)
  const ys = [corners[1]!, corners[3]!, corners[5]!, corners[7]!].map((v) => v / precision)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

function isShown(node: TextTreeNode): boolean {
  return node.visible && node.attached && node.alpha > 0.001 && node.core._worldContext.alpha > 0.001
}

export function textBoxes(root: TextTreeNode, stage: StageMetrics): TextBox[] {
  const screen: Rect = { x: 0, y: 0, w: stage.w, h: stage.h }
  const boxes: TextBox[] = []
  const visit = (node: TextTreeNode, path: string, clip: Rect | null): void => {
    if (!isShown(node)) return
    const rect = boundingRect(node.core.getCornerPoints(), stage.precision)
    const text = node.text && node.text.text
    if (text && rect.w > 0 && rect.h > 0 && intersectRects(rect, clip ?? screen)) {
      const world = node.core._worldContext
      const scale = Math.sqrt(world.tb * world.tb + world.td * world.td) / stage.precision
      boxes.push({ text, path, fontSize: (node.text!.fontSize ?? DEFAULT_FONT_SIZE) * scale, rect, clip })
    }
    let childClip = clip
    if (node.clipping) {
      childClip = intersectRects(rect, clip ?? screen)
      // Nothing inside a clip that is off screen (or empty) is drawn.
      if (!childClip) return
    }
    for (const child of node.childList ? node.childList.get() : []) {
      visit(child, path ? `${path}/${child.ref || child.constructor.name}` : child.ref || child.constructor.name, childClip)
    }
  }
  visit(root, '', null)
  return boxes
}
