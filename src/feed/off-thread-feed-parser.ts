/**
 * Where the app parses a feed: never in one long task on the page's main thread (docs/feed.md).
 * - In the feed worker (feed.worker.js, built from src/feed-worker.ts) where the engine has
 *   Worker and will start it: the page only posts the bytes and reads the answer.
 * - Otherwise (no Worker, a file:// page that may not start one, a worker that fails to load or
 *   errors), on the page in slices that yield to the frame loop (parse-in-slices.ts).
 * The result is the same either way: the same steps (parse-feed.ts), and where the worker's
 * XML parser refuses a document, the page's DOMParser decides (feed-worker-handler.ts).
 * Each parse leaves a performance mark, 'feed parsed in worker' or 'feed parsed on page', so
 * tests and the bench can tell which ran.
 */
import type { ParsedFeed } from './article'
import { FeedError } from './feed-error'
import type { FeedParseReply, FeedParseRequest } from './feed-worker-handler'
import { parseFeedBytes, parseFeedBytesSteps, type FeedParseOptions } from './parse-feed'
import { runInSlices } from './parse-in-slices'

/** Bytes -> ParsedFeed, or a rejection with the FeedError (or what the parse threw). */
export type FeedBytesParser = (bytes: Uint8Array, options: FeedParseOptions, signal?: AbortSignal | null) => Promise<ParsedFeed>

/** Parses in the current task: node, tests, and wherever nothing better is asked for. */
export const parseInPlace: FeedBytesParser = (bytes, options) =>
  new Promise((resolve) => resolve(parseFeedBytes(bytes, options)))

export type ParsedWhere = 'worker' | 'page'

interface WorkerLike {
  postMessage(message: unknown): void
  terminate(): void
  onmessage: ((event: { data: FeedParseReply }) => void) | null
  onerror: ((event: unknown) => void) | null
}

export interface OffThreadOptions {
  /** The worker script, relative to the page (default './feed.worker.js'). */
  workerUrl?: string
  /** Makes the worker; throws or returns null where there is none (default: `new Worker`). */
  createWorker?: (url: string) => WorkerLike | null
  /** Told where each parse ran (default: a performance mark). */
  onParsed?: (where: ParsedWhere) => void
}

function defaultCreateWorker(url: string): WorkerLike | null {
  return typeof Worker === 'function' ? (new Worker(url) as unknown as WorkerLike) : null
}

function markParsed(where: ParsedWhere): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`feed parsed ${where === 'worker' ? 'in worker' : 'on page'}`)
}

interface Pending {
  request: FeedParseRequest
  resolve: (feed: ParsedFeed) => void
  reject: (error: unknown) => void
  signal: AbortSignal | null
}

export function offThreadFeedParser(options: OffThreadOptions = {}): FeedBytesParser {
  const url = options.workerUrl ?? './feed.worker.js'
  const create = options.createWorker ?? defaultCreateWorker
  const onParsed = options.onParsed ?? markParsed
  let worker: WorkerLike | null = null
  /** The worker could not be started or failed: the page parses from now on. */
  let broken = false
  let nextId = 1
  const pending = new Map<number, Pending>()

  const onPage = (bytes: Uint8Array, parseOptions: FeedParseOptions, signal: AbortSignal | null): Promise<ParsedFeed> =>
    runInSlices(parseFeedBytesSteps(bytes, parseOptions), { signal }).then(
      (feed) => {
        onParsed('page')
        return feed
      },
      (error: unknown) => {
        onParsed('page')
        throw error
      },
    )

  const giveUpOnWorker = () => {
    broken = true
    worker?.terminate()
    worker = null
    // What the worker had not answered is parsed on the page instead.
    const waiting = [...pending.values()]
    pending.clear()
    for (const job of waiting) onPage(job.request.bytes, job.request.options, job.signal).then(job.resolve, job.reject)
  }

  const startWorker = (): WorkerLike | null => {
    if (worker || broken) return worker
    try {
      worker = create(url)
    } catch {
      worker = null // e.g. a SecurityError for a worker on a file:// page
    }
    if (!worker) {
      broken = true
      return null
    }
    worker.onerror = giveUpOnWorker
    worker.onmessage = (event) => {
      const reply = event.data
      const job = pending.get(reply.id)
      if (!job) return
      pending.delete(reply.id)
      if (reply.kind === 'ok') {
        onParsed('worker')
        job.resolve(reply.feed)
      } else if (reply.kind === 'error') {
        onParsed('worker')
        job.reject(new FeedError(reply.code, reply.message, reply.status))
      } else {
        onPage(job.request.bytes, job.request.options, job.signal).then(job.resolve, job.reject)
      }
    }
    return worker
  }

  return (bytes, parseOptions, signal = null) => {
    const target = startWorker()
    if (!target) return onPage(bytes, parseOptions, signal)
    return new Promise<ParsedFeed>((resolve, reject) => {
      const request: FeedParseRequest = { id: nextId++, bytes, options: parseOptions }
      pending.set(request.id, { request, resolve, reject, signal })
      // A parse the poller gave up on (its timeout) may be stuck on a hostile feed: a fresh
      // worker serves the next poll.
      signal?.addEventListener('abort', () => {
        if (!pending.delete(request.id)) return
        reject(new Error('the feed parse was stopped'))
        worker?.terminate()
        worker = null
        for (const job of pending.values()) job.reject(new Error('the feed parse was stopped'))
        pending.clear()
      })
      try {
        target.postMessage(request)
      } catch {
        giveUpOnWorker() // a message the engine cannot clone: parse it here
      }
    })
  }
}
