import { describe, it, expect } from 'vitest'
import { boundingRect, intersectRects, textBoxes, type TextBox, type TextTreeNode } from '../../src/automation/text-boxes'
import { legibilityViolations, rectInside, TEN_FOOT_RULES } from '../e2e/legibility'

/** A Lightning-like element: position and scale in stage px, rendered at `precision`. */
interface Spec {
  ref: string
  x?: number
  y?: number
  w?: number
  h?: number
  scale?: number
  text?: string
  fontSize?: number
  clipping?: boolean
  visible?: boolean
  alpha?: number
  children?: Spec[]
}

function tree(spec: Spec, precision = 1, parent = { x: 0, y: 0, scale: 1, alpha: 1 }): TextTreeNode {
  const scale = parent.scale * (spec.scale ?? 1)
  const x = parent.x + (spec.x ?? 0) * parent.scale
  const y = parent.y + (spec.y ?? 0) * parent.scale
  const alpha = parent.alpha * (spec.alpha ?? 1)
  const [w, h] = [(spec.w ?? 0) * scale, (spec.h ?? 0) * scale]
  const p = precision
  const children = (spec.children ?? []).map((c) => tree(c, precision, { x, y, scale, alpha }))
  return {
    ref: spec.ref,
    visible: spec.visible ?? true,
    alpha: spec.alpha ?? 1,
    attached: true,
    clipping: spec.clipping,
    text: spec.text ? { text: spec.text, fontSize: spec.fontSize } : null,
    childList: { get: () => children },
    constructor: { name: 'Element' },
    core: {
      getCornerPoints: () => [x * p, y * p, (x + w) * p, y * p, (x + w) * p, (y + h) * p, x * p, (y + h) * p],
      _worldContext: { alpha, tb: 0, td: scale * p },
    },
  } as unknown as TextTreeNode
}

const STAGE = { w: 1920, h: 1080, precision: 1 }
const box = (change: Partial<TextBox>): TextBox => ({ text: 't', path: 'T', fontSize: 30, rect: { x: 200, y: 200, w: 100, h: 40 }, clip: null, ...change })

describe('rectangle maths', () => {
  it('intersects rectangles, and has no intersection for ones that only touch', () => {
    expect(intersectRects({ x: 0, y: 0, w: 100, h: 100 }, { x: 50, y: 60, w: 100, h: 100 })).toEqual({ x: 50, y: 60, w: 50, h: 40 })
    expect(intersectRects({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBeNull()
  })

  it('bounds the corner points, scaled back from render precision', () => {
    expect(boundingRect([20, 10, 120, 10, 120, 50, 20, 50], 2 / 3)).toEqual({ x: 30, y: 15, w: 150, h: 60 })
    // Rotated 90 degrees: the corners come in another order.
    expect(boundingRect([100, 0, 100, 50, 80, 50, 80, 0], 1)).toEqual({ x: 80, y: 0, w: 20, h: 50 })
  })

  it('checks containment with a tolerance for sub-pixel positions', () => {
    const safe = TEN_FOOT_RULES.safe
    expect(rectInside({ x: 96, y: 54, w: 1728, h: 972 }, safe)).toBe(true)
    expect(rectInside({ x: 95.8, y: 54, w: 10, h: 10 }, safe)).toBe(false)
    expect(rectInside({ x: 95.8, y: 54, w: 10, h: 10 }, safe, 0.5)).toBe(true)
  })
})

describe('textBoxes', () => {
  it('reports each visible text with its font size times its world scale, at 1080p whatever the precision', () => {
    const root = tree(
      {
        ref: 'App',
        children: [
          { ref: 'Title', x: 100, y: 60, w: 400, h: 50, text: 'Top stories', fontSize: 44 },
          { ref: 'Small', x: 100, y: 300, scale: 0.5, children: [{ ref: 'Label', w: 200, h: 40, text: 'Tiny', fontSize: 30 }] },
          { ref: 'Hidden', visible: false, children: [{ ref: 'Gone', w: 10, h: 10, text: 'x' }] },
          { ref: 'Faded', alpha: 0, children: [{ ref: 'Gone', w: 10, h: 10, text: 'y' }] },
          { ref: 'Offscreen', x: 2000, y: 0, w: 100, h: 40, text: 'Far right' },
        ],
      },
      2 / 3,
    )
    const boxes = textBoxes(root, { ...STAGE, precision: 2 / 3 })
    expect(boxes.map((b) => [b.path, b.text, Math.round(b.fontSize)])).toEqual([
      ['Title', 'Top stories', 44],
      ['Small/Label', 'Tiny', 15],
    ])
    expect(boxes[0]!.rect.x).toBeCloseTo(100)
    expect(boxes[0]!.rect.w).toBeCloseTo(400)
    expect(boxes[1]!.rect.w).toBeCloseTo(100)
  })

  it('carries the intersection of the clipping ancestors, and skips what they hide entirely', () => {
    const root = tree({
      ref: 'App',
      children: [
        {
          ref: 'Crawl',
          x: 96,
          y: 962,
          w: 1728,
          h: 64,
          clipping: true,
          children: [
            { ref: 'Entering', x: 1700, y: 10, w: 600, h: 44, text: 'Breaking: entering from the right', fontSize: 30 },
            { ref: 'Waiting', x: 1800, y: 10, w: 300, h: 44, text: 'Not yet in view', fontSize: 30 },
          ],
        },
      ],
    })
    const boxes = textBoxes(root, STAGE)
    expect(boxes.map((b) => b.path)).toEqual(['Crawl/Entering'])
    expect(boxes[0]!.clip).toEqual({ x: 96, y: 962, w: 1728, h: 64 })
  })
})

describe('legibilityViolations', () => {
  it('passes readable text inside the title-safe area', () => {
    expect(legibilityViolations([box({}), box({ rect: { x: 96, y: 54, w: 1728, h: 972 }, fontSize: 24 })])).toEqual([])
  })

  it('flags text under 24 px at 1080p', () => {
    expect(legibilityViolations([box({ text: 'fine print', path: 'Footer/Note', fontSize: 20 })])).toEqual([
      { text: 'fine print', path: 'Footer/Note', problem: 'too small', detail: '20 px < 24 px' },
    ])
  })

  it('flags text drawn outside the title-safe area', () => {
    const [violation] = legibilityViolations([box({ rect: { x: 40, y: 20, w: 300, h: 40 } })])
    expect(violation).toMatchObject({ problem: 'outside title-safe area', detail: 'drawn at x 40..340, y 20..60, safe is x 96..1824, y 54..1026' })
  })

  it('judges a clipped text by what its clip shows: a crawl item may run past the safe edge inside a safe viewport', () => {
    const viewport = { x: 96, y: 962, w: 1728, h: 64 }
    const entering = box({ rect: { x: 1796, y: 972, w: 600, h: 44 }, clip: viewport })
    expect(legibilityViolations([entering])).toEqual([])
    const unsafeViewport = box({ rect: { x: 0, y: 972, w: 600, h: 44 }, clip: { x: 0, y: 962, w: 1920, h: 64 } })
    expect(legibilityViolations([unsafeViewport])[0]!.detail).toMatch(/^shown at x 0\.\.600, y 972\.\.1016 through its clip/)
  })
})
