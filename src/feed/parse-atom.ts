/**
 * Atom 1.0 (and the 0.3 namespace) -> raw feed entries. Atom says how each text is encoded
 * (type="text" | "html" | "xhtml"), so each is turned into HTML accordingly before cleaning.
 */
import type { FeedEntry } from './article'
import { firstImageSrc, plainTextToHtml } from './html-to-text'
import type { RawFeed } from './parse-rss'
import {
  ATOM, baseUrlAt, childElements, childText, feedburnerOrigLink, firstChild, httpLink, mediaImage,
} from './xml-document'

type Serialize = (node: Node) => string

/** `serialize`: the XmlReader's, for xhtml content (xml-document.ts). */
export function parseAtom(root: Element, feedUrl: string, serialize: Serialize): RawFeed {
  const feedAuthor = authorName(root)
  const entries = childElements(root, 'entry', ATOM)
  return {
    title: textConstructHtml(firstChild(root, 'title', ATOM), serialize),
    link: alternateLink(root, feedUrl),
    count: entries.length,
    entry: (index) => readEntry(entries[index]!, feedUrl, feedAuthor, serialize),
  }
}

function readEntry(entry: Element, feedUrl: string, feedAuthor: string, serialize: Serialize): FeedEntry {
  const base = baseUrlAt(entry, feedUrl)
  const link = feedburnerOrigLink(entry, base) ?? alternateLink(entry, feedUrl)
  const content = firstChild(entry, 'content', ATOM)
  // Out-of-line content (src="…") is not ours to fetch.
  const bodyHtml = content && !content.hasAttribute('src') ? textConstructHtml(content, serialize) : ''
  const summaryHtml = textConstructHtml(firstChild(entry, 'summary', ATOM), serialize)
  return {
    id: childText(entry, 'id', ATOM) || link || '',
    title: textConstructHtml(firstChild(entry, 'title', ATOM), serialize),
    summaryHtml,
    bodyHtml,
    link,
    author: authorName(entry) || feedAuthor,
    published: childText(entry, 'published', ATOM) || childText(entry, 'issued', ATOM),
    updated: childText(entry, 'updated', ATOM) || childText(entry, 'modified', ATOM),
    categories: childElements(entry, 'category', ATOM).map((c) => (c.getAttribute('label') || c.getAttribute('term') || '').trim()),
    image: mediaImage(entry, base) ?? enclosureImage(entry, feedUrl) ?? httpLink(firstImageSrc(bodyHtml || summaryHtml), base),
  }
}

/** An Atom text construct as HTML: "html" already is, "xhtml" is serialized, "text" is escaped. */
function textConstructHtml(el: Element | null, serialize: Serialize): string {
  if (!el) return ''
  const type = (el.getAttribute('type') ?? 'text').toLowerCase()
  if (type === 'xhtml') {
    let html = ''
    for (let node = el.firstChild; node; node = node.nextSibling) html += serialize(node)
    return html
  }
  const text = el.textContent ?? ''
  return type === 'html' || type === 'text/html' ? text : plainTextToHtml(text)
}

function authorName(el: Element): string {
  const author = firstChild(el, 'author', ATOM)
  return author ? childText(author, 'name', ATOM) : ''
}

/** rel="alternate" (the default rel), preferring text/html, resolved against its own xml:base. */
function alternateLink(el: Element, feedUrl: string): string | null {
  let fallback: string | null = null
  for (const link of childElements(el, 'link', ATOM)) {
    const rel = link.getAttribute('rel') ?? 'alternate'
    if (rel !== 'alternate') continue
    const href = httpLink(link.getAttribute('href'), baseUrlAt(link, feedUrl))
    if (!href) continue
    const type = link.getAttribute('type')
    if (!type || /html/i.test(type)) return href
    fallback ??= href
  }
  return fallback
}

function enclosureImage(el: Element, feedUrl: string): string | null {
  for (const link of childElements(el, 'link', ATOM)) {
    if (link.getAttribute('rel') === 'enclosure' && /^image\//i.test(link.getAttribute('type') ?? '')) {
      return httpLink(link.getAttribute('href'), baseUrlAt(link, feedUrl))
    }
  }
  return null
}
