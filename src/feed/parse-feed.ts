/**
 * The feed module's front door for content: bytes or text in any supported format -> ParsedFeed.
 * Pure (no fetch, no clock). The work is written once, as steps (parseFeedSteps: a generator that
 * yields after each entry it reads and each article it cleans); parseFeed/parseFeedBytes run the
 * steps to the end in one go (the feed worker, tests, the bench), parse-in-slices.ts runs them a
 * few milliseconds per task on a page with no worker. Same steps, same result (docs/feed.md).
 */
import type { ParsedFeed } from './article'
import { decodeFeedBytes } from './decode-feed-bytes'
import { FeedError } from './feed-error'
import { capText, htmlToText } from './html-to-text'
import { normalizeEntrySteps, type ArticleRules } from './normalize-articles'
import { parseAtom } from './parse-atom'
import { parseJsonFeed } from './parse-json-feed'
import { parseRdf, parseRss, type RawFeed } from './parse-rss'
import { ATOM, NS, parseXmlDocument, platformXml, type XmlReader } from './xml-document'
import { DEFAULT_CONFIG } from '../config/defaults'

export interface FeedParseOptions extends ArticleRules {
  /** Where the feed came from: relative links resolve against it. */
  url: string
  /** The HTTP Content-Type, when known (its charset decides how bytes are read). */
  contentType?: string | null
  /** Largest feed accepted, in bytes (default 5 MB). */
  maxBytes?: number
}

export const DEFAULT_MAX_BYTES = DEFAULT_CONFIG.feed.maxBytes

/**
 * The 'too-large' error, shared with the poller's checks while downloading. `size` null: the
 * download was stopped at the limit, so the whole size is not known.
 */
export function feedTooLarge(size: number | null, maxBytes: number): FeedError {
  const limit = `the limit is ${Math.round(maxBytes / 1000)} kB`
  if (size === null) return new FeedError('too-large', `the feed is larger than ${Math.round(maxBytes / 1000)} kB (download stopped); ${limit}`)
  return new FeedError('too-large', `the feed is ${Math.round(size / 1000)} kB; ${limit}`)
}

function parseXmlFeed(text: string, url: string, xml: XmlReader): { format: ParsedFeed['format']; raw: RawFeed } {
  const root = parseXmlDocument(text, xml).documentElement
  const ns = root.namespaceURI
  if (root.localName === 'rss') return { format: 'rss2', raw: parseRss(root, url) }
  if (root.localName === 'RDF' && ns === NS.rdf) return { format: 'rss1', raw: parseRdf(root, url) }
  if (root.localName === 'feed' && ATOM.indexOf(ns) >= 0) return { format: 'atom', raw: parseAtom(root, url, xml.serialize) }
  throw new FeedError('unsupported', `not a feed: the document is <${root.nodeName}>`)
}

export type FeedParseSteps = Generator<void, ParsedFeed, void>

/** parseFeed as steps: yields after the document is read, after each entry and each article. */
export function* parseFeedSteps(text: string, options: FeedParseOptions, xml: XmlReader = platformXml): FeedParseSteps {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  // Each UTF-16 unit is at least one byte on the wire, so this never rejects a feed under the cap.
  if (text.length > maxBytes) throw feedTooLarge(text.length, maxBytes)
  const start = /[^\s\ufeff]/.exec(text)?.[0]
  if (!start) throw new FeedError('malformed', 'the feed is empty')
  const isJson = start === '{' || (start !== '<' && /json/i.test(options.contentType ?? ''))
  if (!isJson && start !== '<') throw new FeedError('malformed', 'the response is neither XML nor JSON')
  const { format, raw } = isJson ? { format: 'json' as const, raw: parseJsonFeed(text, options.url) } : parseXmlFeed(text, options.url, xml)
  yield
  const entries = []
  for (let i = 0; i < raw.count; i++) {
    entries.push(raw.entry(i))
    yield
  }
  const articles = yield* normalizeEntrySteps(entries, options)
  return {
    format,
    title: capText(htmlToText(raw.title, { maxLength: 200 }), 200),
    link: raw.link,
    articles,
  }
}

/** parseFeedBytes as steps: the size is checked before a byte is read, then decoded by charset (decode-feed-bytes.ts). */
export function* parseFeedBytesSteps(bytes: ArrayBuffer | ArrayBufferView, options: FeedParseOptions, xml: XmlReader = platformXml): FeedParseSteps {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.byteLength > maxBytes) throw feedTooLarge(bytes.byteLength, maxBytes)
  const text = decodeFeedBytes(bytes, options.contentType)
  yield
  return yield* parseFeedSteps(text, options, xml)
}

/**
 * Anything a parse throws, as the FeedError the poller reports: a FeedError as it is, anything
 * else (a bug, a stack overflow) still about this document.
 */
export function asParseFailure(error: unknown): FeedError {
  return error instanceof FeedError ? error : new FeedError('malformed', `the feed could not be read (${String(error)})`)
}

/** Runs steps to the end in the current task. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value
}

export function parseFeed(text: string, options: FeedParseOptions, xml: XmlReader = platformXml): ParsedFeed {
  return runSteps(parseFeedSteps(text, options, xml))
}

/** Checks the size before reading a byte, then decodes by charset (see decode-feed-bytes.ts). */
export function parseFeedBytes(bytes: ArrayBuffer | ArrayBufferView, options: FeedParseOptions, xml: XmlReader = platformXml): ParsedFeed {
  return runSteps(parseFeedBytesSteps(bytes, options, xml))
}
