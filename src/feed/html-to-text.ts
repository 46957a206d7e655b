/**
 * Feed markup -> plain text. Feed text is data: it is never put into a live document, so instead
 * of an HTML parser (slow on a TV for hundreds of items) this is a small tokenizer that keeps the
 * text, drops every tag, drops whatever sits inside script/style-like elements, and turns block
 * boundaries into line breaks. Its output only ever reaches a text renderer.
 *
 * Every pass here is linear in its input, whatever the markup: the scanners below look at each
 * character a bounded number of times, and no regular expression can backtrack over an unbounded
 * run (a pattern like `x*y` scanned from every start of a long run without `y` is quadratic). The
 * unit tests fuzz the output; scripts/bench/html-to-text-scaling.mjs prints the time per kB.
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
 * Controls and bidi overrides (invisible, or able to reorder a headline on screen), and the two
 * private-use characters this module uses as break markers, so a feed cannot forge a break.
 */
const UNSAFE_CHARS = /[\x00-\x08\x0b\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ue000\ue001]/g
const HAS_UNSAFE = /[\x00-\x08\x0b\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ue000\ue001]/

export interface HtmlToTextOptions {
  /** Keep paragraph breaks (blank lines) and line breaks; otherwise one line. */
  multiline?: boolean
  /** Stop reading once this much text is out (the caller caps it exactly). */
  maxLength?: number
}

/** Break markers while tags are stripped; folded into newlines at the end. */
const LINE = '\ue000'
const PARAGRAPH = '\ue001'

const GT = 62 // >
const SLASH = 47
const DQUOTE = 34
const SQUOTE = 39

/** Exactly the characters of a regular expression's \s. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 32
  return lower >= 97 && lower <= 122
}

/** Text between tags: entities decoded, unsafe characters (and forged markers) removed. */
function cleanPiece(text: string): string {
  const decoded = text.indexOf('&') < 0 ? text : decodeEntities(text)
  return HAS_UNSAFE.test(decoded) ? decoded.replace(UNSAFE_CHARS, '') : decoded
}

/**
 * Where the tag whose name starts at `from` ends (the index of its '>'), or -1 when it never
 * does (no '>', or a quoted value left open). Quoted attribute values may hold '>'. One pass.
 */
function tagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i)
    if (c === GT) return i
    if (c === DQUOTE || c === SQUOTE) {
      const close = html.indexOf(c === DQUOTE ? '"' : "'", i + 1)
      if (close < 0) return -1
      i = close
    }
  }
  return -1
}

/** Ends with '/' before its '>' (ignoring spaces): `<br/>`, `<script src="x" />`. */
function selfClosing(html: string, nameEnd: number, gt: number): boolean {
  let i = gt - 1
  while (i >= nameEnd && isSpace(html.charCodeAt(i))) i--
  return i >= nameEnd && html.charCodeAt(i) === SLASH
}

/** The text between the tags (entities decoded), with break markers where blocks were. */
function stripTags(html: string, limit: number): string {
  const pieces: string[] = []
  let length = 0
  let lower: string | null = null
  let at = 0
  while (at < html.length && length < limit) {
    const lt = html.indexOf('<', at)
    // No more of a long run of text than the limit needs (+64: an entity cut in two is lost).
    const text = cleanPiece(html.slice(at, Math.min(lt < 0 ? html.length : lt, at + (limit - length) + 64)))
    pieces.push(text)
    length += text.length
    if (lt < 0) break
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      at = end < 0 ? html.length : end + 3
      continue
    }
    const next = html.charCodeAt(lt + 1)
    if (next === 33 || next === 63) {
      // <!DOCTYPE …>, <![CDATA[ …, <?pi …>
      const end = html.indexOf('>', lt)
      at = end < 0 ? html.length : end + 1
      continue
    }
    const closing = next === SLASH
    const nameStart = closing ? lt + 2 : lt + 1
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      if (isAsciiLetter(next) || closing) break // "</" + no name: HTML drops the rest
      pieces.push('<') // '<' that starts no tag ("a < b", "<3") is text, as in HTML
      at = lt + 1
      continue
    }
    let nameEnd = nameStart + 1
    while (nameEnd < html.length) {
      const c = html.charCodeAt(nameEnd)
      if (c === GT || c === SLASH || isSpace(c)) break
      nameEnd++
    }
    const gt = tagEnd(html, nameEnd)
    if (gt < 0) break // an unterminated tag: HTML drops the rest too
    at = gt + 1
    const name = html.slice(nameStart, nameEnd).toLowerCase()
    if (!closing && DROP_CONTENT.has(name) && !selfClosing(html, nameEnd, gt)) {
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

/**
 * A run of spaces and break markers (whitespace already folded, so a run of two or more holds a
 * marker) -> a blank line if it holds a paragraph break or two line breaks, else one newline.
 */
function breakFor(run: string): string {
  if (run.indexOf(PARAGRAPH) >= 0) return '\n\n'
  const first = run.indexOf(LINE)
  return first >= 0 && run.indexOf(LINE, first + 1) >= 0 ? '\n\n' : '\n'
}

export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const text = stripTags(html, (options.maxLength ?? Infinity) + 64)
  if (!options.multiline) return text.replace(/[\s\ue000\ue001]{2,}|[^\S ]|[\ue000\ue001]/g, ' ').trim()
  // Each match is a greedy run with nothing required after it: no backtracking.
  return foldWhitespace(text).replace(/[ \ue000\ue001]{2,}|[\ue000\ue001]/g, breakFor).trim()
}

/**
 * Text that is already plain (a stored article) cleaned as htmlToText leaves its output, without
 * reading it as markup again: unsafe characters out, whitespace folded (one line; or, multiline,
 * single spaces and at most one blank line between lines), trimmed. htmlToText's output comes back
 * unchanged.
 */
export function cleanPlainText(text: string, options: { multiline?: boolean } = {}): string {
  const safe = HAS_UNSAFE.test(text) ? text.replace(UNSAFE_CHARS, '') : text
  if (!options.multiline) return foldWhitespace(safe).trim()
  return safe
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, (run) => (run.indexOf('\n') === run.lastIndexOf('\n') ? '\n' : '\n\n'))
    .trim()
}

/** Characters a cut text should not end on, before its '…'. */
function isTrailingJunk(c: number): boolean {
  // . , ; : ! ? -
  return isSpace(c) || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 45
}

/** Cuts text to `max` characters at a word boundary where one is near, marking the cut with '…'. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const space = text.lastIndexOf(' ', end - 1)
  if (space > max * 0.8) end = space
  // No trailing space or punctuation before the '…', and never half a surrogate pair.
  while (end > 0) {
    const c = text.charCodeAt(end - 1)
    if (!isTrailingJunk(c) && !(c >= 0xd800 && c <= 0xdbff)) break
    end--
  }
  return text.slice(0, end) + '…'
}

/**
 * The value of a `src` attribute in the tag whose attributes start at `from`, or null; `next` is
 * where the search for the next tag may go on (-1: the tag never ends, so there is nothing more).
 */
function srcInTag(html: string, from: number): { src: string | null; next: number } {
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i)
    if (c === GT) return { src: null, next: i + 1 }
    if (c === DQUOTE || c === SQUOTE) {
      const close = html.indexOf(c === DQUOTE ? '"' : "'", i + 1)
      if (close < 0) return { src: null, next: -1 }
      i = close
      continue
    }
    if (!isSpace(c) || (html.charCodeAt(i + 1) | 32) !== 115 || html.substr(i + 2, 2).toLowerCase() !== 'rc') continue
    // " src", then optional spaces, '=' and optional spaces
    let v = i + 4
    while (v < html.length && isSpace(html.charCodeAt(v))) v++
    if (html.charCodeAt(v) !== 61) continue
    v++
    while (v < html.length && isSpace(html.charCodeAt(v))) v++
    const q = html.charCodeAt(v)
    if (q === DQUOTE || q === SQUOTE) {
      const close = html.indexOf(q === DQUOTE ? '"' : "'", v + 1)
      if (close < 0) return { src: null, next: -1 }
      return { src: html.slice(v + 1, close), next: close + 1 }
    }
    let end = v
    while (end < html.length && html.charCodeAt(end) !== GT && !isSpace(html.charCodeAt(end))) end++
    if (end > v) return { src: html.slice(v, end), next: end }
  }
  return { src: null, next: -1 }
}

const IMG_START = /<img(?![A-Za-z0-9_])/gi

/** The src of the first <img> in a fragment, entity-decoded; not yet resolved or checked. */
export function firstImageSrc(html: string): string | null {
  const search = new RegExp(IMG_START)
  let at = 0
  while (at >= 0 && at < html.length) {
    search.lastIndex = at
    const img = search.exec(html)
    if (!img) return null
    // The tag is read once; the next search starts after it, so no character is read twice.
    const { src, next } = srcInTag(html, img.index + 4)
    if (src !== null && src.trim() !== '') return decodeEntities(src.trim())
    at = next
  }
  return null
}

/** Plain text (JSON Feed content_text, Atom type="text") as HTML, so one cleaner serves all. */
export function plainTextToHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n[^\S\n]*\r?\n\s*/g, '<p>').replace(/\n/g, '<br>')
}
