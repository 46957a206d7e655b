/**
 * What the feed worker (src/feed-worker.ts) does with a message, as a plain function node can
 * test: bytes and options in, the ParsedFeed or the FeedError out, parsed with xmldom (the worker
 * has no DOMParser). Where xmldom refuses the XML, the answer is 'page': the page parses those
 * bytes itself, so a refused feed gets the platform parser's verdict and words, as it would
 * without a worker (docs/feed.md).
 */
import type { ParsedFeed } from './article'
import type { FeedErrorCode } from './feed-error'
import { asParseFailure, parseFeedBytes, type FeedParseOptions } from './parse-feed'
import { XmlRefused } from './xml-document'
import { xmldomXml } from './xmldom-reader'

export interface FeedParseRequest {
  id: number
  bytes: Uint8Array
  options: FeedParseOptions
}

export type FeedParseReply =
  | { id: number; kind: 'ok'; feed: ParsedFeed }
  | { id: number; kind: 'error'; code: FeedErrorCode; message: string; status: number | null }
  | { id: number; kind: 'page' }

export function answerFeedParseRequest(request: FeedParseRequest): FeedParseReply {
  const { id } = request
  try {
    return { id, kind: 'ok', feed: parseFeedBytes(request.bytes, request.options, xmldomXml) }
  } catch (thrown) {
    if (thrown instanceof XmlRefused) return { id, kind: 'page' }
    const error = asParseFailure(thrown)
    return { id, kind: 'error', code: error.code, message: error.message, status: error.status }
  }
}
