/**
 * An XmlReader (xml-document.ts) over @xmldom/xmldom, for the feed worker: a Worker has no
 * DOMParser. It is not authoritative: a document it refuses is handed back to the page, whose
 * DOMParser gives the verdict and the words (feed-worker-handler.ts). So that it never accepts
 * what the page would refuse, it refuses more: whatever xmldom reports (warnings included), and,
 * before parsing, the faults xmldom lets pass silently that a conforming parser (Chromium's
 * libxml2) stops at, checked in one linear pass: characters XML forbids, an `&` that starts no
 * reference, a reference to a forbidden character, and `]]>` outside a CDATA section. A false
 * alarm only costs the page a parse; the result is the same (test/unit/feed-off-thread-parse.test.ts).
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom'
import type { XmlReader } from './xml-document'

class Refusal extends Error {}

/** Characters XML 1.0 forbids (lone surrogates aside, which no decoder produces). */
const FORBIDDEN_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|[A-Za-z_:][\w.:-]*);/y

function allowedCode(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
}

/** What a conforming parser would refuse and xmldom does not, or null. */
export function faultXmldomMisses(text: string): string | null {
  if (FORBIDDEN_CHAR.test(text)) return 'a character XML does not allow'
  let at = 0
  for (;;) {
    const amp = text.indexOf('&', at)
    const cdataEnd = text.indexOf(']]>', at)
    const markup = text.indexOf('<!', at)
    // The next of: a reference, a stray ]]>, or a comment/CDATA section to skip whole.
    const next = Math.min(...[amp, cdataEnd, markup].map((i) => (i < 0 ? Infinity : i)))
    if (next === Infinity) return null
    if (next === markup) {
      const isCdata = text.startsWith('<![CDATA[', markup)
      const isComment = text.startsWith('<!--', markup)
      if (!isCdata && !isComment) {
        at = markup + 2
        continue
      }
      const close = text.indexOf(isCdata ? ']]>' : '-->', markup + 4)
      if (close < 0) return null // unterminated: xmldom refuses it itself
      at = close + 3
    } else if (next === cdataEnd) {
      return '"]]>" outside a CDATA section'
    } else {
      REFERENCE.lastIndex = amp
      const ref = REFERENCE.exec(text)
      if (!ref) return 'an "&" that starts no reference'
      const code = ref[1] !== undefined ? parseInt(ref[1], 10) : ref[2] !== undefined ? parseInt(ref[2], 16) : null
      if (code !== null && !allowedCode(code)) return 'a reference to a character XML does not allow'
      at = REFERENCE.lastIndex
    }
  }
}

export const xmldomXml: XmlReader = {
  read(text) {
    const fault = faultXmldomMisses(text)
    if (fault) return { doc: null, error: fault }
    const parser = new DOMParser({
      onError(level, message) {
        // Its one warning about input that is fine: U+FFFD in the text (the decoder's, as on the page).
        if (level === 'warning' && /replacement character/i.test(message)) return
        throw new Refusal(message)
      },
    })
    try {
      const doc = parser.parseFromString(text, 'text/xml') as unknown as Document
      if (!doc || !doc.documentElement) return { doc: null, error: 'no root element' }
      return { doc, error: null }
    } catch (error) {
      // xmldom rethrows what onError threw (and its own fatal errors) as a ParseError.
      const message = error instanceof Error ? error.message : String(error)
      return { doc: null, error: message.replace(/\s+/g, ' ').trim().slice(0, 200) || 'parse error' }
    }
  },
  serialize(node) {
    return new XMLSerializer().serializeToString(node as never)
  },
  authoritative: false,
}
