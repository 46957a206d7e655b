/**
 * The caption display settings a viewer can change, as 47 CFR 79.103(c) lists them: text size,
 * font, text colour and opacity, background colour and opacity, caption window colour and opacity,
 * and character edges. One typed model with defaults, a validator that never lets a bad stored
 * value through, and the mapping onto Lightning's text and rectangle properties.
 */

export type CaptionTextSize = 'small' | 'medium' | 'large' | 'extra-large'
export type CaptionFont =
  | 'default'
  | 'monospace-serif'
  | 'proportional-serif'
  | 'monospace-sans'
  | 'proportional-sans'
  | 'casual'
  | 'cursive'
  | 'small-caps'
/** CEA-708's primary and secondary colours, the set TV caption menus offer. */
export type CaptionColor = 'white' | 'black' | 'red' | 'green' | 'blue' | 'yellow' | 'magenta' | 'cyan'
export type CaptionEdge = 'none' | 'raised' | 'depressed' | 'uniform' | 'drop-shadow'
export type CaptionOpacity = 0 | 0.25 | 0.5 | 0.75 | 1

export interface CaptionStyle {
  size: CaptionTextSize
  font: CaptionFont
  textColor: CaptionColor
  textOpacity: CaptionOpacity
  /** Behind each line of text. */
  backgroundColor: CaptionColor
  backgroundOpacity: CaptionOpacity
  /** Behind the whole caption block. */
  windowColor: CaptionColor
  windowOpacity: CaptionOpacity
  edge: CaptionEdge
}

/** White on a mostly opaque black band: what TV caption decoders show until the viewer changes it. */
export const DEFAULT_CAPTION_STYLE: Readonly<CaptionStyle> = {
  size: 'medium',
  font: 'default',
  textColor: 'white',
  textOpacity: 1,
  backgroundColor: 'black',
  backgroundOpacity: 0.75,
  windowColor: 'black',
  windowOpacity: 0,
  edge: 'none',
}

const COLORS: readonly CaptionColor[] = ['white', 'black', 'red', 'green', 'blue', 'yellow', 'magenta', 'cyan']

/** Every value each setting may take, in the order a settings menu cycles through them. */
export const CAPTION_STYLE_OPTIONS: { readonly [K in keyof CaptionStyle]: readonly CaptionStyle[K][] } = {
  size: ['small', 'medium', 'large', 'extra-large'],
  font: ['default', 'monospace-serif', 'proportional-serif', 'monospace-sans', 'proportional-sans', 'casual', 'cursive', 'small-caps'],
  textColor: COLORS,
  // Invisible text is not a choice anyone means to make.
  textOpacity: [1, 0.75, 0.5, 0.25],
  backgroundColor: COLORS,
  backgroundOpacity: [1, 0.75, 0.5, 0.25, 0],
  windowColor: COLORS,
  windowOpacity: [1, 0.75, 0.5, 0.25, 0],
  edge: ['none', 'raised', 'depressed', 'uniform', 'drop-shadow'],
}

/** Font size in px at 1080p; the smallest stays at the 24 px floor of 10-foot legibility or above. */
export const CAPTION_FONT_SIZE_PX: Readonly<Record<CaptionTextSize, number>> = {
  small: 32,
  medium: 42,
  large: 54,
  'extra-large': 68,
}

/**
 * A family list per font, first choice first: the TVs' own fonts are unknown, so each list walks
 * from the common desktop and Linux faces down to the CSS generic family, which always exists.
 */
export const CAPTION_FONT_FAMILIES: Readonly<Record<CaptionFont, readonly string[]>> = {
  default: ['sans-serif'],
  'monospace-serif': ['Courier New', 'Courier', 'Nimbus Mono PS', 'Liberation Mono', 'monospace'],
  'proportional-serif': ['Times New Roman', 'Times', 'Liberation Serif', 'DejaVu Serif', 'serif'],
  'monospace-sans': ['DejaVu Sans Mono', 'Consolas', 'Lucida Console', 'monospace'],
  'proportional-sans': ['Helvetica', 'Arial', 'Liberation Sans', 'DejaVu Sans', 'sans-serif'],
  casual: ['Comic Sans MS', 'Comic Neue', 'cursive'],
  cursive: ['Monotype Corsiva', 'URW Chancery L', 'Brush Script MT', 'cursive'],
  'small-caps': ['sans-serif'],
}

const RGB: Readonly<Record<CaptionColor, number>> = {
  white: 0xffffff,
  black: 0x000000,
  red: 0xff0000,
  green: 0x00ff00,
  blue: 0x0000ff,
  yellow: 0xffff00,
  magenta: 0xff00ff,
  cyan: 0x00ffff,
}

/** Lightning's ARGB number for a caption colour at an opacity. */
export function argb(color: CaptionColor, opacity: number): number {
  const alpha = Math.round(Math.min(1, Math.max(0, opacity)) * 255)
  return (alpha * 0x1000000 + RGB[color]) >>> 0
}

export interface CaptionStyleReading {
  style: CaptionStyle
  /** One line per stored field that was unusable and fell back to its default. */
  problems: string[]
}

/** Reads a stored style field by field: anything missing or unknown keeps its default and says why. */
export function readCaptionStyle(raw: unknown): CaptionStyleReading {
  const style: CaptionStyle = { ...DEFAULT_CAPTION_STYLE }
  const problems: string[] = []
  if (raw === undefined || raw === null) return { style, problems }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { style, problems: [`caption style is ${JSON.stringify(raw)}, not an object: using the defaults`] }
  }
  const fields = raw as Record<string, unknown>
  for (const key of Object.keys(CAPTION_STYLE_OPTIONS) as Array<keyof CaptionStyle>) {
    if (!(key in fields)) continue
    const value = fields[key]
    const allowed = CAPTION_STYLE_OPTIONS[key] as readonly unknown[]
    if (allowed.indexOf(value) >= 0) (style as unknown as Record<string, unknown>)[key] = value
    else problems.push(`caption ${key} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}: using ${String(DEFAULT_CAPTION_STYLE[key])}`)
  }
  return { style, problems }
}

/** The Lightning text settings for caption lines in this style (font, colours, edges, line background). */
export interface CaptionTextProperties {
  fontFace: string[]
  fontStyle: string
  fontSize: number
  lineHeight: number
  textColor: number
  shadow: boolean
  shadowColor: number
  shadowOffsetX: number
  shadowOffsetY: number
  shadowBlur: number
  /** Lightning's per-line highlight is the caption background: a band behind each line. */
  highlight: boolean
  highlightColor: number
  highlightHeight: number
  highlightOffset: number
  highlightPaddingLeft: number
  highlightPaddingRight: number
  /** The text texture must be as wide as the bands, or their ends are cut off. */
  paddingLeft: number
  paddingRight: number
}

/** Dark text gets light edges and light text dark ones, so the edge always adds contrast. */
function edgeColorFor(text: CaptionColor): CaptionColor {
  const rgb = RGB[text]
  const luminance = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)
  return luminance < 100 ? 'white' : 'black'
}

/**
 * Canvas text takes one shadow, so each edge is that shadow placed differently: raised = a sharp
 * shadow down-right (light from the top left), depressed = the same up-left, drop shadow = a
 * softer one further off, uniform = no offset and a blur, an approximate outline.
 */
function edgeShadow(edge: CaptionEdge, fontSize: number): { x: number; y: number; blur: number } | null {
  const step = Math.max(2, Math.round(fontSize * 0.05))
  switch (edge) {
    case 'none':
      return null
    case 'raised':
      return { x: step, y: step, blur: 0 }
    case 'depressed':
      return { x: -step, y: -step, blur: 0 }
    case 'drop-shadow':
      return { x: step + 1, y: step + 1, blur: step }
    case 'uniform':
      return { x: 0, y: 0, blur: Math.max(3, Math.round(fontSize * 0.12)) }
  }
}

export function captionTextProperties(style: CaptionStyle): CaptionTextProperties {
  const fontSize = CAPTION_FONT_SIZE_PX[style.size]
  const lineHeight = Math.round(fontSize * 1.3)
  const padding = Math.round(fontSize * 0.3)
  const shadow = edgeShadow(style.edge, fontSize)
  return {
    fontFace: [...CAPTION_FONT_FAMILIES[style.font]],
    fontStyle: style.font === 'small-caps' ? 'small-caps' : 'normal',
    fontSize,
    lineHeight,
    textColor: argb(style.textColor, style.textOpacity),
    shadow: shadow !== null,
    shadowColor: argb(edgeColorFor(style.textColor), style.textOpacity),
    shadowOffsetX: shadow ? shadow.x : 0,
    shadowOffsetY: shadow ? shadow.y : 0,
    shadowBlur: shadow ? shadow.blur : 0,
    highlight: style.backgroundOpacity > 0,
    highlightColor: argb(style.backgroundColor, style.backgroundOpacity),
    highlightHeight: lineHeight,
    highlightOffset: 0,
    highlightPaddingLeft: padding,
    highlightPaddingRight: padding,
    paddingLeft: padding,
    paddingRight: padding,
  }
}

/** The colour of the box behind the whole caption block; fully transparent when the window is off. */
export function captionWindowColor(style: CaptionStyle): number {
  return argb(style.windowColor, style.windowOpacity)
}

const SIZE_LABELS: Record<CaptionTextSize, string> = { small: 'Small', medium: 'Medium', large: 'Large', 'extra-large': 'Extra large' }
const FONT_LABELS: Record<CaptionFont, string> = {
  default: 'Default',
  'monospace-serif': 'Monospace serif',
  'proportional-serif': 'Proportional serif',
  'monospace-sans': 'Monospace sans-serif',
  'proportional-sans': 'Proportional sans-serif',
  casual: 'Casual',
  cursive: 'Cursive',
  'small-caps': 'Small capitals',
}
const EDGE_LABELS: Record<CaptionEdge, string> = { none: 'None', raised: 'Raised', depressed: 'Depressed', uniform: 'Outline', 'drop-shadow': 'Drop shadow' }

/** What a settings menu shows for a value: "Extra large", "Drop shadow", "Yellow", "75%". */
export function captionOptionLabel<K extends keyof CaptionStyle>(key: K, value: CaptionStyle[K]): string {
  if (typeof value === 'number') return `${Math.round(value * 100)}%`
  if (key === 'size') return SIZE_LABELS[value as CaptionTextSize]
  if (key === 'font') return FONT_LABELS[value as CaptionFont]
  if (key === 'edge') return EDGE_LABELS[value as CaptionEdge]
  const name = String(value)
  return name.charAt(0).toUpperCase() + name.slice(1)
}
