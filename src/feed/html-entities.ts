/**
 * Decoding of HTML character references in feed text. Feeds escape their HTML once for XML and
 * often once more by mistake, so after the XML parser has done its part the text still carries
 * `&amp;`, `&#39;`, `&rsquo;`… A table of the names news text uses; an unknown name stays as
 * written, which is what browsers do too.
 */
import { windows1252Char } from './decode-feed-bytes'

/** U+00A0…U+00FF in order: the Latin-1 names of HTML 4. */
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
  'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
  'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc ' +
  'otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ')

const OTHER_NAMES: Record<string, number> = {
  quot: 34, amp: 38, apos: 39, lt: 60, gt: 62, OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376,
  fnof: 402, circ: 710, tilde: 732, Delta: 916, Omega: 937, alpha: 945, beta: 946, gamma: 947, delta: 948,
  mu: 956, pi: 960, sigma: 963, omega: 969, ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205,
  lrm: 8206, rlm: 8207, hyphen: 8208, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218,
  ldquo: 8220, rdquo: 8221, bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240,
  prime: 8242, Prime: 8243, lsaquo: 8249, rsaquo: 8250, oline: 8254, frasl: 8260, euro: 8364, trade: 8482,
  larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596, minus: 8722, infin: 8734, asymp: 8776,
  ne: 8800, le: 8804, ge: 8805, hearts: 9829, check: 10003,
}

const NAMED = new Map<string, number>()
LATIN1_NAMES.forEach((name, i) => NAMED.set(name, 0xa0 + i))
for (const name of Object.keys(OTHER_NAMES)) NAMED.set(name, OTHER_NAMES[name]!)

/** The code point of a named reference (`eacute` → 233), or undefined. */
export function namedEntityCode(name: string): number | undefined {
  return NAMED.get(name)
}

function fromCodePoint(code: number): string {
  // HTML reads the C1 range as windows-1252 and replaces what cannot be a character.
  if (code >= 0x80 && code <= 0x9f) return windows1252Char(code)
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(code)
}

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8});?|#([0-9]{1,8});?|([A-Za-z][A-Za-z0-9]{1,31});)/g

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text
  return text.replace(REFERENCE, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex) return fromCodePoint(parseInt(hex, 16))
    if (dec) return fromCodePoint(parseInt(dec, 10))
    const code = NAMED.get(name!)
    return code === undefined ? whole : String.fromCharCode(code)
  })
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
