/**
 * The feed worker's entry (built by rollup.config.js as feed.worker.js, ES5): parses feed bytes
 * off the page's main thread, so a long feed never stalls the picture or the crawl. The page side
 * is src/feed/off-thread-feed-parser.ts; the work is src/feed/feed-worker-handler.ts.
 */
import { answerFeedParseRequest, type FeedParseRequest } from './feed/feed-worker-handler'

interface WorkerScope {
  onmessage: ((event: { data: FeedParseRequest }) => void) | null
  postMessage(message: unknown): void
}

const scope = self as unknown as WorkerScope
scope.onmessage = (event) => scope.postMessage(answerFeedParseRequest(event.data))
