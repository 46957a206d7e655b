// @vitest-environment jsdom
/**
 * The size cap against a real HTTP server: 60 MB of RSS sent gzip-encoded and chunked (no
 * Content-Length), read by the FeedPoller through node's own fetch, which inflates as it streams.
 * The download must stop just past the 5 MB cap, not after all 60 MB were sent and inflated.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { FeedPoller } from '../../src/feed/feed-poller'
import type { FeedFetch } from '../../src/feed/feed-http'
import type { FeedError } from '../../src/feed/feed-error'
import { startStaticFeedServer, HUGE_BYTES, type StaticFeedServer } from '../fixtures/feeds/static-feed-server'

let server: StaticFeedServer
beforeAll(async () => {
  server = await startStaticFeedServer()
})
afterAll(async () => {
  await server?.close()
})

// Node's fetch, not jsdom's realm: the poller only needs status, headers and a body stream.
const nodeFetch: FeedFetch = (url, init) => fetch(url, init)

describe('the size cap on a real chunked gzip response', () => {
  it('stops the download just past the cap, with an error naming the limit', async () => {
    const poller = new FeedPoller({ url: `${server.origin}/huge.rss`, fetch: nodeFetch, timeoutSeconds: 60 })
    const error = await new Promise<FeedError>((resolve) => {
      poller.events.on('error', resolve)
      poller.start()
    })
    poller.destroy()
    expect(error.code).toBe('too-large')
    // Let the server notice the closed connection.
    await new Promise((resolve) => setTimeout(resolve, 500))
    // Read whole (the old way), all 60 MB were sent and inflated before the size was checked.
    expect(server.hugeFinished()).toBe(0)
    expect(server.producedBytes()).toBeLessThan(HUGE_BYTES / 2)
    expect(error.message).toBe('the feed is larger than 5000 kB (download stopped); the limit is 5000 kB')
  })
})
