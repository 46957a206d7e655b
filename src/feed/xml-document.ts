/**
 * Reading feed XML, and the few DOM lookups the format parsers share. The XML is read by an
 * XmlReader: the platform's DOMParser on the page (platformXml), @xmldom/xmldom in the feed worker,
 * which has no DOMParser (xmldom-reader.ts; see docs/feed.md). The lookups use only what both DOMs
 * have (childNodes by nodeType, localName, namespaceURI, textContent, attributes).
 * Elements are matched by local name and namespace URI, so whatever prefix a feed picked
 * (dc:, DC:, none with a default namespace) reads the same.
 */
import { FeedError } from './feed-error'
import { namedEntityCode } from './html-entities'
import { resolveHttpUrl } from '../lib/values'

export const NS = {
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  enc: 'http://purl.oclc.org/net/rss_2.0/enc#',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const

export type Namespaces = readonly (string | null)[]
/** Where RSS's own elements live: no namespace (2.0), RSS 1.0, 0.90, and two rare 2.0 defaults. */
export const RSS_CORE: Namespaces = [null, NS.rss1, NS.rss090, 'http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss']
export const ATOM: Namespaces = [NS.atom, NS.atom03]

/**
 * A DOCTYPE with an internal subset is how entity bombs ("billion laughs") are declared. No news
 * feed needs one, and not every engine's XML parser caps expansion, so it is refused unread.
 */
const DOCTYPE_WITH_SUBSET = /<!DOCTYPE\s+[^\s[>]+(?:\s+(?:SYSTEM|PUBLIC)(?:\s+(?:"[^"]*"|'[^']*'))+)?\s*\[/iy

function refuseInternalSubset(text: string): void {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    while (at < text.length && text.charCodeAt(at) <= 0x20) at++
    const end = text.startsWith('<?', at) ? text.indexOf('?>', at) + 2 : text.startsWith('<!--', at) ? text.indexOf('-->', at) + 3 : -1
    if (end <= at) break
    at = end
  }
  DOCTYPE_WITH_SUBSET.lastIndex = at
  if (DOCTYPE_WITH_SUBSET.test(text)) {
    throw new FeedError('unsupported', 'the feed declares its own XML entities (a DOCTYPE with an internal subset); refused')
  }
}

/** HTML names such as &nbsp; are undefined in XML; feeds use them anyway. */
function htmlNamesToNumeric(text: string): string {
  return text.replace(/&([A-Za-z][A-Za-z0-9]*);/g, (whole, name: string) => {
    const code = /^(amp|lt|gt|quot|apos)$/.test(name) ? undefined : namedEntityCode(name)
    return code === undefined ? whole : `&#${code};`
  })
}

/** Reads XML text into a DOM and serialises nodes back (Atom's xhtml content). */
export interface XmlReader {
  /** The document, or the parser's own words for why the text is not well-formed. */
  read(text: string): { doc: Document; error: null } | { doc: null; error: string }
  serialize(node: Node): string
  /**
   * False for a reader whose verdict on well-formedness is not the platform's (xmldom): where it
   * refuses a document, parseXmlDocument throws XmlRefused instead of a FeedError, so the caller
   * can let the platform's parser decide, and a feed reads the same wherever it is parsed.
   */
  authoritative: boolean
}

/** Thrown for a non-authoritative reader's refusal (see XmlReader.authoritative). */
export class XmlRefused {
  constructor(readonly detail: string) {}
}

function parseErrorOf(doc: Document): string | null {
  const error = doc.getElementsByTagNameNS('*', 'parsererror')[0]
  if (!error) return null
  // Chromium wraps libxml2's message in page-rendering boilerplate; keep the message.
  const message = (error.textContent ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^\s*This page contains the following errors:\s*/i, '')
    .replace(/\s*Below is a rendering of the page up to the first error\.?\s*$/i, '')
    .trim()
  return message.slice(0, 200) || 'parse error'
}

/** The page's DOMParser and XMLSerializer. */
export const platformXml: XmlReader = {
  read(text) {
    // `typeof`, not globalThis: the TV engines this must run on predate globalThis (Chromium 71).
    if (typeof DOMParser !== 'function') throw new FeedError('unsupported', 'this platform has no DOMParser to read XML feeds')
    const doc = new DOMParser().parseFromString(text, 'text/xml')
    const error = parseErrorOf(doc)
    return error === null ? { doc, error: null } : { doc: null, error }
  },
  serialize(node) {
    return typeof XMLSerializer === 'function' ? new XMLSerializer().serializeToString(node) : (node.textContent ?? '')
  },
  authoritative: true,
}

/** Parses feed XML; throws FeedError 'malformed' when it is not well-formed. */
export function parseXmlDocument(text: string, reader: XmlReader = platformXml): Document {
  refuseInternalSubset(text)
  let result = reader.read(text)
  if (result.error !== null) {
    const repaired = htmlNamesToNumeric(text)
    if (repaired !== text) result = reader.read(repaired)
  }
  if (result.error === null) return result.doc
  if (!reader.authoritative) throw new XmlRefused(result.error)
  throw new FeedError('malformed', `the feed is not well-formed XML (${result.error})`)
}

function inNamespace(actual: string | null, namespaces: Namespaces): boolean {
  for (const wanted of namespaces) {
    if (actual === wanted) return true
    // "http://search.yahoo.com/mrss" without the final slash is common enough to accept.
    if (actual && wanted && actual.replace(/\/$/, '') === wanted.replace(/\/$/, '')) return true
  }
  return false
}

const ELEMENT_NODE = 1

function isNamed(node: Node, localName: string, namespaces: Namespaces): node is Element {
  const el = node as Element
  return node.nodeType === ELEMENT_NODE && el.localName === localName && inNamespace(el.namespaceURI, namespaces)
}

// By nodeType over firstChild/nextSibling: xmldom has no firstElementChild/nextElementSibling.
export function childElements(parent: Element, localName: string, namespaces: Namespaces): Element[] {
  const found: Element[] = []
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (isNamed(child, localName, namespaces)) found.push(child)
  }
  return found
}

export function firstChild(parent: Element, localName: string, namespaces: Namespaces): Element | null {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (isNamed(child, localName, namespaces)) return child
  }
  return null
}

/** The text (CDATA included) of the first such child, trimmed; '' when there is none. */
export function childText(parent: Element, localName: string, namespaces: Namespaces): string {
  return (firstChild(parent, localName, namespaces)?.textContent ?? '').trim()
}

/** The base URL in effect at `el`: every xml:base from the root down, over `documentUrl`. */
export function baseUrlAt(el: Element, documentUrl: string): string {
  const chain: string[] = []
  for (let node: Node | null = el; node && node.nodeType === ELEMENT_NODE; node = node.parentNode) {
    const base = (node as Element).getAttributeNS(NS.xml, 'base')
    if (base) chain.push(base)
  }
  let base = documentUrl
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i]!, base) ?? base
  return base
}

/** Any absolute URL (xml:base may be a non-http base in theory), or null. */
function resolveUrl(href: string, base: string): string | null {
  try {
    return new URL(href.trim(), base).href
  } catch {
    return null
  }
}

/** An http(s) link resolved against `base`; anything else (javascript:, data:, junk) is null. */
export function httpLink(href: string | null | undefined, base: string): string | null {
  return href ? resolveHttpUrl(href.trim(), base) : null
}

/**
 * FeedBurner rewrites links to its (long dead) feedproxy.google.com redirector and keeps the real
 * one in feedburner:origLink; a QR code must lead somewhere.
 */
export function feedburnerOrigLink(item: Element, base: string): string | null {
  return httpLink(childText(item, 'origLink', [NS.feedburner]), base)
}

/** media:thumbnail / media:content images, directly or in a media:group; the first that is an image. */
export function mediaImage(item: Element, base: string): string | null {
  const groups = [item, ...childElements(item, 'group', [NS.media])]
  for (const scope of groups) {
    for (const thumb of childElements(scope, 'thumbnail', [NS.media])) {
      const url = httpLink(thumb.getAttribute('url'), base)
      if (url) return url
    }
    for (const content of childElements(scope, 'content', [NS.media])) {
      const medium = content.getAttribute('medium') ?? ''
      const type = content.getAttribute('type') ?? ''
      const src = content.getAttribute('url') ?? ''
      const isImage = medium === 'image' || /^image\//i.test(type) || (!medium && !type && /\.(jpe?g|png|gif|webp)(\?|$)/i.test(src))
      const url = isImage ? httpLink(src, base) : null
      if (url) return url
    }
  }
  return null
}
