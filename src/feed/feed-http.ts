/**
 * The feed's HTTP surface: the part of fetch the poller uses (tests hand in plain objects), how an
 * unchanged feed is revalidated, the Accept it sends, and reading a body no further than the cap.
 */
import type { Clock } from '../lib/clock'
import { FeedError } from './feed-error'
import { feedTooLarge } from './parse-feed'

/** The part of a fetch Response the poller reads; tests hand in plain objects. */
export interface FeedResponse {
  status: number
  headers: { get(name: string): string | null }
  /** The body as a stream, where the engine has one: read chunk by chunk, so the cap holds while reading. */
  body?: ReadableStream<Uint8Array> | null
  /** Only where there is no stream (an engine without response.body), after Content-Length is checked. */
  arrayBuffer(): Promise<ArrayBuffer>
}
export interface FeedRequestInit {
  headers: Record<string, string>
  signal?: AbortSignal
  cache?: RequestCache
}
export type FeedFetch = (url: string, init: FeedRequestInit) => Promise<FeedResponse>

/**
 * How an unchanged feed is revalidated.
 * - 'http-cache', for a browser engine's fetch: the request carries only CORS-safelisted headers
 *   (no preflight, so a host that allows any origin but does not answer OPTIONS, as static buckets
 *   and CDNs do not, is still readable), with `cache: 'no-cache'`: the browser's HTTP cache sends
 *   the validators it stored and turns a 304 into the cached body. (An engine older than
 *   Chromium 64 ignores the cache mode and may answer from its cache while the host's
 *   Cache-Control says the copy is fresh.)
 * - 'explicit', for a fetch with no HTTP cache (node, tests): the poller sends If-None-Match /
 *   If-Modified-Since itself, with `cache: 'no-store'`.
 * Either way, a 200 that carries the validators of the list on screen is taken as "not modified"
 * and its body is not read.
 */
export type FeedRevalidation = 'http-cache' | 'explicit'

/**
 * The feed types, then anything. At most 128 bytes and no byte that CORS counts as unsafe, so
 * Accept stays a safelisted header: a longer one makes the browser send a preflight.
 */
export const FEED_ACCEPT = 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8'

/** Stops a body that will not be read (a stream left unread holds the connection). */
export function discardBody(response: FeedResponse): void {
  const body = response.body
  if (body && typeof body.cancel === 'function') body.cancel().catch(() => {})
}

/**
 * The body, read no further than `maxBytes`: chunk by chunk from the stream where there is one,
 * stopping the download (cancel + abort) as soon as it passes the cap, so a chunked or
 * gzip-encoded giant is never held whole. Without a stream (old engines) only Content-Length can
 * refuse it before the download, so that is checked first in every case.
 */
export async function readCappedBody(response: FeedResponse, maxBytes: number, controller: AbortController | null): Promise<Uint8Array> {
  const length = Number(response.headers.get('Content-Length'))
  if (length > maxBytes) {
    discardBody(response)
    throw feedTooLarge(length, maxBytes)
  }
  const body = response.body
  if (!body || typeof body.getReader !== 'function') {
    const buffer = await response.arrayBuffer()
    if (buffer.byteLength > maxBytes) throw feedTooLarge(buffer.byteLength, maxBytes)
    return new Uint8Array(buffer)
  }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      reader.cancel().catch(() => {})
      controller?.abort()
      throw feedTooLarge(null, maxBytes)
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0]!
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * `request(controller)` given up after `seconds` on `clock` with a 'timeout' FeedError saying
 * `what` did not answer, its download aborted then and on any failure (e.g. too large). Raced
 * rather than trusting the signal: not every fetch (or polyfill) honours abort.
 */
export function requestWithTimeout<T>(
  clock: Clock,
  seconds: number,
  controller: AbortController | null,
  what: string,
  request: (controller: AbortController | null) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => {
      controller?.abort()
      reject(new FeedError('timeout', `${what} did not answer within ${seconds} s`))
    }, seconds * 1000)
    request(controller).then(
      (value) => {
        clock.clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clock.clearTimeout(timer)
        controller?.abort()
        reject(error)
      },
    )
  })
}
