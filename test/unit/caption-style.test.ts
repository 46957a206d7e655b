import { describe, it, expect } from 'vitest'
import {
  CAPTION_FONT_FAMILIES,
  CAPTION_FONT_SIZE_PX,
  CAPTION_STYLE_OPTIONS,
  DEFAULT_CAPTION_STYLE,
  argb,
  captionOptionLabel,
  captionTextProperties,
  captionWindowColor,
  readCaptionStyle,
  type CaptionStyle,
} from '../../src/captions/caption-style'

const style = (change: Partial<CaptionStyle>): CaptionStyle => ({ ...DEFAULT_CAPTION_STYLE, ...change })

describe('caption style model', () => {
  it('offers every setting 47 CFR 79.103(c) lists, each default among its options', () => {
    expect(Object.keys(CAPTION_STYLE_OPTIONS).sort()).toEqual(
      ['backgroundColor', 'backgroundOpacity', 'edge', 'font', 'size', 'textColor', 'textOpacity', 'windowColor', 'windowOpacity'].sort(),
    )
    expect(CAPTION_STYLE_OPTIONS.font).toHaveLength(8)
    expect(CAPTION_STYLE_OPTIONS.edge).toEqual(['none', 'raised', 'depressed', 'uniform', 'drop-shadow'])
    for (const key of Object.keys(CAPTION_STYLE_OPTIONS) as Array<keyof CaptionStyle>) {
      expect(CAPTION_STYLE_OPTIONS[key] as readonly unknown[]).toContain(DEFAULT_CAPTION_STYLE[key])
    }
  })

  it('keeps every size at or above the 24 px legibility floor, growing step by step', () => {
    const sizes = CAPTION_STYLE_OPTIONS.size.map((s) => CAPTION_FONT_SIZE_PX[s])
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24)
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes)
  })

  it('ends every font list in a CSS generic family, which always resolves', () => {
    for (const families of Object.values(CAPTION_FONT_FAMILIES)) {
      expect(['serif', 'sans-serif', 'monospace', 'cursive']).toContain(families[families.length - 1])
    }
  })
})

describe('readCaptionStyle', () => {
  it('takes a valid stored style as it is', () => {
    const stored = style({ size: 'extra-large', font: 'casual', textColor: 'yellow', backgroundOpacity: 0, edge: 'drop-shadow' })
    expect(readCaptionStyle(stored)).toEqual({ style: stored, problems: [] })
  })

  it('falls back field by field, saying which value was refused and what replaced it', () => {
    const { style: read, problems } = readCaptionStyle({ size: 'huge', textColor: 'yellow', textOpacity: 0, edge: 7 })
    expect(read).toEqual(style({ textColor: 'yellow' }))
    expect(problems).toEqual([
      'caption size "huge" is not one of small, medium, large, extra-large: using medium',
      'caption textOpacity 0 is not one of 1, 0.75, 0.5, 0.25: using 1',
      'caption edge 7 is not one of none, raised, depressed, uniform, drop-shadow: using none',
    ])
  })

  it('uses the defaults for nothing stored, and for something that is not an object', () => {
    expect(readCaptionStyle(undefined)).toEqual({ style: DEFAULT_CAPTION_STYLE, problems: [] })
    expect(readCaptionStyle('large').problems).toEqual(['caption style is "large", not an object: using the defaults'])
    expect(readCaptionStyle([1]).style).toEqual(DEFAULT_CAPTION_STYLE)
  })
})

describe('captionTextProperties', () => {
  it('maps colour and opacity to Lightning ARGB numbers', () => {
    expect(argb('white', 1)).toBe(0xffffffff)
    expect(argb('yellow', 0.5)).toBe(0x80ffff00)
    expect(argb('black', 0)).toBe(0x00000000)
    const props = captionTextProperties(style({ textColor: 'cyan', textOpacity: 0.75, backgroundColor: 'blue', backgroundOpacity: 0.25 }))
    expect(props.textColor).toBe(0xbf00ffff)
    expect(props).toMatchObject({ highlight: true, highlightColor: 0x400000ff })
  })

  it('draws the background as a band per line, as tall as the line, inside the texture padding', () => {
    const props = captionTextProperties(style({ size: 'large' }))
    expect(props.fontSize).toBe(54)
    expect(props.highlightHeight).toBe(props.lineHeight)
    expect(props.lineHeight).toBeGreaterThan(props.fontSize)
    expect(props.paddingLeft).toBe(props.highlightPaddingLeft)
    expect(props.paddingRight).toBe(props.highlightPaddingRight)
    expect(captionTextProperties(style({ backgroundOpacity: 0 })).highlight).toBe(false)
  })

  it('turns each edge style into one canvas shadow, scaled to the text and in a contrasting colour', () => {
    const edge = (e: CaptionStyle['edge'], textColor: CaptionStyle['textColor'] = 'white') => {
      const p = captionTextProperties(style({ edge: e, textColor, size: 'medium' }))
      return { shadow: p.shadow, color: p.shadowColor, x: p.shadowOffsetX, y: p.shadowOffsetY, blur: p.shadowBlur }
    }
    expect(edge('none').shadow).toBe(false)
    expect(edge('raised')).toEqual({ shadow: true, color: 0xff000000, x: 2, y: 2, blur: 0 })
    expect(edge('depressed')).toEqual({ shadow: true, color: 0xff000000, x: -2, y: -2, blur: 0 })
    expect(edge('drop-shadow')).toEqual({ shadow: true, color: 0xff000000, x: 3, y: 3, blur: 2 })
    expect(edge('uniform')).toEqual({ shadow: true, color: 0xff000000, x: 0, y: 0, blur: 5 })
    expect(edge('uniform', 'blue').color).toBe(0xffffffff)
    expect(captionTextProperties(style({ edge: 'drop-shadow', size: 'extra-large' })).shadowOffsetX).toBe(4)
  })

  it('sets the font family list, and small capitals through the canvas font variant', () => {
    expect(captionTextProperties(style({ font: 'monospace-serif' }))).toMatchObject({ fontFace: CAPTION_FONT_FAMILIES['monospace-serif'], fontStyle: 'normal' })
    expect(captionTextProperties(style({ font: 'small-caps' })).fontStyle).toBe('small-caps')
  })

  it('colours the caption window, transparent by default', () => {
    expect(captionWindowColor(DEFAULT_CAPTION_STYLE)).toBe(0)
    expect(captionWindowColor(style({ windowColor: 'magenta', windowOpacity: 1 }))).toBe(0xffff00ff)
  })
})

describe('captionOptionLabel', () => {
  it('names each value the way a settings menu shows it', () => {
    expect(captionOptionLabel('size', 'extra-large')).toBe('Extra large')
    expect(captionOptionLabel('font', 'proportional-sans')).toBe('Proportional sans-serif')
    expect(captionOptionLabel('edge', 'uniform')).toBe('Outline')
    expect(captionOptionLabel('textColor', 'magenta')).toBe('Magenta')
    expect(captionOptionLabel('backgroundOpacity', 0.25)).toBe('25%')
  })
})
