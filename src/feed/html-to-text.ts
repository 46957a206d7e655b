/**
 * Feed markup -> plain text. Feed text is data: it is never put into a live document, so instead
 * of an HTML parser (slow on a TV for hundreds of items) this is a small tokenizer that keeps the
 * text, drops every tag, drops whatever sits inside script/style-like elements, and turns block
 * boundaries into line breaks. Its output only ever reaches a text renderer.
 */
import { decodeEntities, escapeHtml } from './html-entities'

/** Elements whose content is code or fallback, never article text. */
const DROP_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'noembed', 'noframes', 'textarea',
  'title', 'xmp', 'svg', 'math', 'head',
])
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr',
  'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'hr', 'dl', 'dt', 'dd', 'address',
  'aside', 'nav', 'main', 'caption', 'form', 'fieldset', 'details', 'summary',
])

/**
 * A start or end tag; quoted attribute values may hold '>'. Sticky, so a '<' that starts no tag
 * costs one attempt rather than a scan of the rest; the alternatives never overlap.
 */
const TAG = /<(\/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y
/** Controls and bidi overrides: invisible, or able to reorder a headline on screen. */
const UNSAFE_CHARS = /[\x00-\x08\x0b\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g

export interface HtmlToTextOptions {
  /** Keep paragraph breaks (blank lines) and line breaks; otherwise one line. */
  multiline?: boolean
  /** Stop reading once this much text is out (the caller caps it exactly). */
  maxLength?: number
}

/** Break markers while tags are stripped; folded into newlines once the text is decoded. */
const LINE = '\ue000'
const PARAGRAPH = '\ue001'

/** The text between the tags (entities still encoded), with break markers where blocks were. */
function stripTags(html: string, limit: number): string {
  const pieces: string[] = []
  let length = 0
  let lower: string | null = null
  let at = 0
  while (at < html.length && length < limit) {
    const lt = html.indexOf('<', at)
    const text = html.slice(at, lt < 0 ? html.length : lt)
    pieces.push(text)
    length += text.length
    if (lt < 0) break
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      at = end < 0 ? html.length : end + 3
      continue
    }
    const next = html.charAt(lt + 1)
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt)
      at = end < 0 ? html.length : end + 1
      continue
    }
    TAG.lastIndex = lt
    const tag = TAG.exec(html)
    if (!tag) {
      // '<' that starts no tag ("a < b", "<3") is text, as in HTML.
      if (/[A-Za-z/]/.test(next)) break // an unterminated tag: HTML drops the rest too
      pieces.push('<')
      at = lt + 1
      continue
    }
    at = TAG.lastIndex
    const name = tag[2]!.toLowerCase()
    if (tag[1] !== '/' && !/\/\s*$/.test(tag[3]!) && DROP_CONTENT.has(name)) {
      lower ??= html.toLowerCase()
      const end = lower.indexOf('</' + name, at)
      const close = end < 0 ? -1 : html.indexOf('>', end)
      at = close < 0 ? html.length : close + 1
    } else if (name === 'br') pieces.push(LINE)
    else if (BLOCK.has(name)) pieces.push(PARAGRAPH)
    else if (name === 'td' || name === 'th' || name === 'img') pieces.push(' ')
  }
  return pieces.join('')
}

/**
 * Runs of whitespace -> one space. Matching only what is not already a single space is ~10x
 * faster than /\s+/ on prose, where nearly every match would be a lone space.
 */
export function foldWhitespace(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ')
}

export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const stripped = html.indexOf('<') < 0 ? html : stripTags(html, (options.maxLength ?? Infinity) + 64)
  const text = decodeEntities(stripped).replace(UNSAFE_CHARS, '')
  if (!options.multiline) return text.replace(/[\s\ue000\ue001]{2,}|[^\S ]|[\ue000\ue001]/g, ' ').trim()
  return foldWhitespace(text)
    .replace(/[ \ue000\ue001]*\ue001[ \ue000\ue001]*/g, '\n\n')
    .replace(/ ?\ue000 ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Cuts text to `max` characters at a word boundary where one is near, marking the cut with '…'. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  if (space > max * 0.8) cut = cut.slice(0, space)
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1) // never split a surrogate pair
  return cut.replace(/[\s.,;:!?-]+$/, '') + '…'
}

/** The src of the first <img> in a fragment, entity-decoded; not yet resolved or checked. */
export function firstImageSrc(html: string): string | null {
  const match = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html)
  const src = match ? match[1] ?? match[2] ?? match[3] : undefined
  return src ? decodeEntities(src.trim()) : null
}

/** Plain text (JSON Feed content_text, Atom type="text") as HTML, so one cleaner serves all. */
export function plainTextToHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n[^\S\n]*\r?\n\s*/g, '<p>').replace(/\n/g, '<br>')
}
