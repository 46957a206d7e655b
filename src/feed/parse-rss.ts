/**
 * RSS 2.0 (and 0.9x) and RSS 1.0 (RDF) documents -> raw feed entries. The two share their item
 * vocabulary (title, link, description, dc:*, content:encoded); they differ in where the items
 * sit and in how an item names itself (guid vs rdf:about).
 */
import type { FeedEntry } from './article'
import { firstImageSrc } from './html-to-text'
import {
  ATOM, NS, RSS_CORE, baseUrlAt, childElements, childText, feedburnerOrigLink, firstChild, httpLink, mediaImage,
} from './xml-document'

/**
 * A feed read as far as its title and link; entries are read one at a time (`entry(i)`, i below
 * `count`), so a caller can spread a long feed over several tasks (parse-feed.ts).
 */
export interface RawFeed {
  title: string
  link: string | null
  count: number
  entry(index: number): FeedEntry
}

/** `<rss><channel><item>…` (2.0 and 0.9x). */
export function parseRss(root: Element, feedUrl: string): RawFeed {
  const channel = firstChild(root, 'channel', RSS_CORE) ?? root
  const items = childElements(channel, 'item', RSS_CORE)
  return readChannel(channel, items.length ? items : childElements(root, 'item', RSS_CORE), feedUrl)
}

/** `<rdf:RDF><channel/><item rdf:about>…` (1.0 and 0.90): items are the channel's siblings. */
export function parseRdf(root: Element, feedUrl: string): RawFeed {
  const channel = firstChild(root, 'channel', RSS_CORE) ?? root
  return readChannel(channel, childElements(root, 'item', RSS_CORE), feedUrl)
}

function readChannel(channel: Element, items: Element[], feedUrl: string): RawFeed {
  const link = httpLink(childText(channel, 'link', RSS_CORE), baseUrlAt(channel, feedUrl))
  // Relative item links are relative to the site, which the channel link names.
  const itemBase = link ?? feedUrl
  return {
    title: childText(channel, 'title', RSS_CORE),
    link,
    count: items.length,
    entry: (index) => readItem(items[index]!, baseUrlAt(items[index]!, itemBase)),
  }
}

function readItem(item: Element, base: string): FeedEntry {
  const guid = firstChild(item, 'guid', RSS_CORE)
  const guidText = (guid?.textContent ?? '').trim()
  const guidIsLink = guid !== null && guid.getAttribute('isPermaLink') !== 'false'
  const link =
    feedburnerOrigLink(item, base) ??
    httpLink(childText(item, 'link', RSS_CORE), base) ??
    httpLink(atomAlternateHref(item), base) ??
    (guidIsLink ? httpLink(guidText, base) : null)
  const summaryHtml = childText(item, 'description', RSS_CORE) || childText(item, 'description', [NS.dc])
  const bodyHtml = childText(item, 'encoded', [NS.content])
  return {
    id: guidText || item.getAttributeNS(NS.rdf, 'about') || link || '',
    title: childText(item, 'title', RSS_CORE) || childText(item, 'title', [NS.dc]),
    summaryHtml,
    bodyHtml,
    link,
    author: childText(item, 'creator', [NS.dc]) || rssAuthorName(childText(item, 'author', RSS_CORE)),
    published: childText(item, 'pubDate', RSS_CORE) || childText(item, 'date', [NS.dc]) || childText(item, 'issued', [NS.dcterms]),
    updated: childText(item, 'updated', ATOM) || childText(item, 'modified', [NS.dcterms]),
    categories: [...childElements(item, 'category', RSS_CORE), ...childElements(item, 'subject', [NS.dc])].map(
      (el) => (el.textContent ?? '').trim(),
    ),
    image: mediaImage(item, base) ?? enclosureImage(item, base) ?? httpLink(firstImageSrc(bodyHtml || summaryHtml), base),
  }
}

/** RSS `<author>` is "email (Name)"; the name is what a viewer wants to read. */
function rssAuthorName(author: string): string {
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(author)
  return named ? named[1]!.trim() : author
}

function atomAlternateHref(item: Element): string | null {
  for (const link of childElements(item, 'link', ATOM)) {
    const rel = link.getAttribute('rel')
    if (!rel || rel === 'alternate') return link.getAttribute('href')
  }
  return null
}

/** <enclosure url type="image/…"> (RSS 2.0) or <enc:enclosure resource type="image/…"> (RSS 1.0). */
function enclosureImage(item: Element, base: string): string | null {
  const enclosures = [...childElements(item, 'enclosure', RSS_CORE), ...childElements(item, 'enclosure', [NS.enc])]
  for (const enclosure of enclosures) {
    if (!/^image\//i.test(enclosure.getAttribute('type') ?? '')) continue
    const url = httpLink(enclosure.getAttribute('url') ?? enclosure.getAttribute('resource'), base)
    if (url) return url
  }
  return null
}
