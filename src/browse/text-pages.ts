/**
 * Article text for a screen without scrolling: wrapped into lines that fit a width, and the lines
 * cut into pages the viewer turns with Up/Down. Widths come from an injected `measure` (canvas
 * text metrics in the app, character counts by default), so the same code runs in node tests.
 */

/** Width of a piece of text, in whatever unit `maxWidth` is given in. */
export type MeasureText = (text: string) => number

export const countCharacters: MeasureText = (text) => text.length

export interface TextPageOptions {
  /** Widest a line may be, in `measure` units (characters by default). */
  maxWidth: number
  linesPerPage: number
  measure?: MeasureText
}

/**
 * Greedy line filling: each piece goes on the current line (after `separator`) while it fits.
 * A piece wider than a whole line is cut by characters, so nothing ever overflows.
 */
export function packLines(pieces: string[], separator: string, maxWidth: number, measure: MeasureText = countCharacters): string[] {
  const lines: string[] = []
  let line = ''
  for (const piece of pieces) {
    const candidate = line === '' ? piece : line + separator + piece
    if (measure(candidate) <= maxWidth) {
      line = candidate
      continue
    }
    if (line !== '') lines.push(line)
    line = ''
    let rest = piece
    while (measure(rest) > maxWidth) {
      const cut = longestFittingPrefix(rest, maxWidth, measure)
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    line = rest
  }
  if (line !== '') lines.push(line)
  return lines
}

/** At least one character, so a line narrower than a character still makes progress. */
function longestFittingPrefix(text: string, maxWidth: number, measure: MeasureText): number {
  let low = 1
  let high = text.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (measure(text.slice(0, mid)) <= maxWidth) low = mid
    else high = mid - 1
  }
  return low
}

/** Paragraphs (blank-line separated, as Article.body holds them) wrapped, with a blank line between. */
export function wrapParagraphs(text: string, maxWidth: number, measure: MeasureText = countCharacters): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\n\s*\n/)) {
    const words = paragraph.split(/\s+/).filter((word) => word !== '')
    if (words.length === 0) continue
    if (lines.length > 0) lines.push('')
    lines.push(...packLines(words, ' ', maxWidth, measure))
  }
  return lines
}

/** The text as pages of at most `linesPerPage` lines; no page starts with a blank line. [] for no text. */
export function textPages(text: string, options: TextPageOptions): string[][] {
  const lines = wrapParagraphs(text, options.maxWidth, options.measure)
  const pages: string[][] = []
  let page: string[] = []
  for (const line of lines) {
    if (page.length === 0 && line === '') continue
    page.push(line)
    if (page.length === options.linesPerPage) {
      pages.push(page)
      page = []
    }
  }
  if (page.length > 0) pages.push(page)
  return pages.map(withoutTrailingBlank)
}

function withoutTrailingBlank(page: string[]): string[] {
  return page[page.length - 1] === '' ? page.slice(0, -1) : page
}

/**
 * A URL as lines that fit, broken after '/', '?', '&' or '=' where it can be (a URL has no spaces
 * for a text renderer to wrap at, and a line that overflows would leave the title-safe area).
 */
export function wrapUrl(url: string, maxWidth: number, measure: MeasureText = countCharacters): string[] {
  const pieces = url.match(/[^/?&=]*[/?&=]*/g)!.filter((piece) => piece !== '')
  return packLines(pieces, '', maxWidth, measure)
}

/** Parts that are not empty, with a spaced middle dot between: "HEALTH  ·  5 min ago". */
export function joinPresent(parts: string[], separator = '  ·  '): string {
  return parts.filter((part) => part !== '').join(separator)
}
