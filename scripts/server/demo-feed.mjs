// @ts-check
/**
 * The demo article feed, an extra route handler for the demo server (scripts/server/index.mjs).
 *
 *   GET  /feed.rss                RSS 2.0 (dc:creator, category, content:encoded, media:thumbnail)
 *   GET  /feed.json               JSON Feed 1.1
 *        Both send ETag and Last-Modified, answer If-None-Match / If-Modified-Since with 304,
 *        and allow any origin. A new story from a rotation appears every `newItemEverySeconds`
 *        (derived from `now()`, so tests can move time instead of sleeping).
 *   GET    /admin/feed/items      the visible items (id, title, published)
 *   POST   /admin/feed/items      JSON {title, summary?, body?, section?, author?, tags?, breaking?, url?, published?}
 *                                 adds a story at once (201 with its id and link); at most
 *                                 MAX_ADDED_STORIES are kept, the oldest added go first
 *   DELETE /admin/feed/items      back to the original list (added stories gone, rotation restarted)
 *   GET    /admin/feed/fault      the fault in force, or null
 *   POST   /admin/feed/fault      JSON {"fault": "500" | "hang" | "malformed" | "huge" | "latin1" | "hostile", "seconds"?: n}
 *   DELETE /admin/feed/fault      back to normal; hung requests are answered
 * The admin answers carry no CORS headers (and OPTIONS on them is a 405): no web page may use them.
 *
 * Faults (details in FEED-FAULTS.md); without "seconds" a fault lasts until cleared:
 *   500        both feeds answer HTTP 500
 *   hang       requests get no answer at all (socket kept open) until the fault ends
 *   malformed  the document is cut off part-way (truncated XML / JSON)
 *   huge       a ~10 MB feed (with Content-Length), well over the app's 5 MB limit
 *   latin1     /feed.rss in ISO-8859-1, declared only in the XML declaration (no HTTP charset)
 *   hostile    extra items with markup, <script>, javascript:/data: links, entities, bidi overrides
 */
import { createHash } from 'node:crypto'
import { DEMO_ARTICLES, HOSTILE_ARTICLES, ROTATION } from './demo-articles.mjs'
import { publishedMs, renderHuge, renderJsonFeed, renderRss } from './demo-feed-render.mjs'
import { FeedRequestError, readDemoItem } from './demo-feed-item.mjs'
import { readJsonBody, sendJson } from './http-json.mjs'

/** @typedef {import('./demo-articles.mjs').DemoArticle} DemoArticle */
/** @typedef {'500' | 'hang' | 'malformed' | 'huge' | 'latin1' | 'hostile'} FeedFaultKind */
/** @typedef {{ fault: FeedFaultKind, seconds?: number }} FeedFaultRequest */
/** @typedef {{ fault: FeedFaultKind, until: number | null }} FeedFault */
/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** @type {readonly FeedFaultKind[]} */
export const FEED_FAULTS = ['500', 'hang', 'malformed', 'huge', 'latin1', 'hostile']
const HUGE_BYTES = 10_500_000
const MAX_BODY_BYTES = 64_000
/** Stories POSTed and kept at once; past it the oldest added story is dropped. */
export const MAX_ADDED_STORIES = 500
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, If-None-Match, If-Modified-Since',
  // Without this a page on another origin cannot read the validators it must send back.
  'Access-Control-Expose-Headers': 'ETag, Last-Modified',
}

export { FeedRequestError }

/**
 * @param {unknown} request  a kind name or {fault, seconds?}
 * @param {number} now
 * @returns {FeedFault}
 */
export function parseFeedFault(request, now) {
  const body = typeof request === 'string' ? { fault: request } : request
  if (typeof body !== 'object' || body === null) throw new FeedRequestError('expected {"fault": "...", "seconds"?: n}')
  const { fault, seconds } = /** @type {{ fault?: unknown, seconds?: unknown }} */ (body)
  const kind = FEED_FAULTS.find((k) => k === String(fault))
  if (!kind) throw new FeedRequestError(`"fault" must be one of ${FEED_FAULTS.join(', ')}; got ${JSON.stringify(fault)}`)
  if (seconds !== undefined && !(typeof seconds === 'number' && seconds > 0 && seconds <= 3600)) {
    throw new FeedRequestError(`"seconds" must be a number from 0 to 3600; got ${JSON.stringify(seconds)}`)
  }
  return { fault: kind, until: typeof seconds === 'number' ? now + seconds * 1000 : null }
}

/**
 * @param {{ now?: () => number, baseUrl?: string, newItemEverySeconds?: number }} [options]
 *   baseUrl: where the feed is served (for its self links); default: from the request's Host
 */
export function createDemoFeed({ now = () => Date.now(), baseUrl, newItemEverySeconds = 120 } = {}) {
  let startedAt = now()
  /** @type {DemoArticle[]} */
  let added = []
  let nextAddedId = 5000
  /** @type {FeedFault | null} */
  let fault = null
  /** @type {Array<() => void>} requests held by the hang fault, answered when it ends */
  let hung = []
  /** @type {ReturnType<typeof setTimeout> | null} */
  let hangTimer = null
  /** @type {Map<string, string>} */
  const hugeCache = new Map()

  function activeFault() {
    if (fault && fault.until !== null && now() >= fault.until) setFault(null)
    return fault?.fault ?? null
  }

  /** The rotation stories that have appeared by now: the k-th at startedAt + k intervals. */
  function rotationArticles() {
    if (!(newItemEverySeconds > 0)) return []
    const interval = newItemEverySeconds * 1000
    const appeared = Math.floor((now() - startedAt) / interval)
    /** @type {DemoArticle[]} */
    const list = []
    // At most one copy of each rotation story is visible, so the feed stays a steady size.
    for (let k = Math.max(1, appeared - ROTATION.length + 1); k <= appeared; k++) {
      const story = /** @type {DemoArticle} */ (ROTATION[(k - 1) % ROTATION.length])
      list.push({ ...story, id: 9000 + k, slug: `${story.slug}-${k}`, published: new Date(startedAt + k * interval).toISOString() })
    }
    return list
  }

  function visibleArticles(withHostile = false) {
    const all = [...(withHostile ? HOSTILE_ARTICLES : []), ...added, ...rotationArticles(), ...DEMO_ARTICLES]
    return all.sort((a, b) => publishedMs(b) - publishedMs(a))
  }

  /** @param {Req} req */
  function selfUrl(req, /** @type {string} */ path) {
    return `${(baseUrl ?? `http://${req.headers.host ?? 'localhost'}`).replace(/\/$/, '')}${path}`
  }

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {'rss' | 'json'} format
   */
  function serveFeed(req, res, format) {
    const kind = activeFault()
    if (kind === '500') return sendText(res, 500, 'Internal Server Error (demo feed fault "500")\n')
    if (kind === 'hang') {
      hung.push(() => {
        if (res.destroyed) return
        // Answered from a timer or another request: an error here must not take the server down.
        try {
          serveFeed(req, res, format)
        } catch (error) {
          console.error('demo feed: answering a held request failed:', error)
          if (!res.headersSent) sendText(res, 500, 'Internal error\n')
          else res.destroy()
        }
      })
      return
    }
    const path = format === 'rss' ? '/feed.rss' : '/feed.json'
    const articles = visibleArticles(kind === 'hostile')
    const render = (/** @type {DemoArticle[]} */ list) =>
      format === 'rss' ? renderRss(list, { selfUrl: selfUrl(req, path) }) : renderJsonFeed(list, { selfUrl: selfUrl(req, path) })
    const latin1 = kind === 'latin1' && format === 'rss'
    /** @type {Buffer} */
    let body
    if (kind === 'huge') {
      if (!hugeCache.has(format)) hugeCache.set(format, renderHuge(DEMO_ARTICLES, render, HUGE_BYTES))
      body = Buffer.from(/** @type {string} */ (hugeCache.get(format)))
    } else if (latin1) body = Buffer.from(renderRss(articles, { selfUrl: selfUrl(req, path), latin1: true }), 'latin1')
    else body = Buffer.from(render(articles))
    if (kind === 'malformed') body = body.subarray(0, Math.floor(body.length * 0.6))

    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`
    // A loop, not Math.max(...list): spreading a long list overflows the call stack.
    let newest = 0
    for (const article of articles) newest = Math.max(newest, publishedMs(article))
    const lastModified = new Date(newest).toUTCString()
    const headers = {
      ...CORS,
      // latin1: the charset is left for the XML declaration to say, as many real feeds do.
      'Content-Type': latin1 ? 'application/rss+xml' : format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/feed+json; charset=utf-8',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'Last-Modified': lastModified,
    }
    if (isNotModified(req, etag, lastModified)) {
      res.writeHead(304, headers).end()
      return
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  /** @param {FeedFaultRequest | FeedFaultKind | null} request */
  function setFault(request) {
    fault = request === null ? null : parseFeedFault(request, now())
    if (hangTimer) clearTimeout(hangTimer)
    hangTimer = null
    if (fault?.fault === 'hang' && fault.until !== null) {
      // A timed hang must end even if no request comes to notice it.
      hangTimer = setTimeout(() => activeFault(), Math.max(0, fault.until - now()) + 10)
      hangTimer.unref?.()
    }
    if (fault?.fault !== 'hang') {
      const waiting = hung
      hung = []
      waiting.forEach((answer) => answer())
    }
    return fault
  }

  /** @param {unknown} item */
  function addItem(item) {
    const article = readDemoItem(item, { id: nextAddedId++, now: now() })
    added.push(article)
    if (added.length > MAX_ADDED_STORIES) added.splice(0, added.length - MAX_ADDED_STORIES)
    return article
  }

  function restoreItems() {
    added = []
    startedAt = now()
  }

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {URL | string} [url]
   * @returns {boolean | Promise<boolean>}  true when this handler answered
   */
  function handle(req, res, url) {
    const { pathname } = typeof url === 'object' ? url : new URL(url ?? req.url ?? '/', 'http://localhost')
    const isFeed = pathname === '/feed.rss' || pathname === '/feed.json'
    if (!isFeed && pathname !== '/admin/feed/items' && pathname !== '/admin/feed/fault') return false
    const method = req.method ?? 'GET'
    if (method === 'OPTIONS') {
      if (!isFeed) return sendJson(res, 405, { error: 'admin: no CORS' })
      res.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' }).end()
      return true
    }
    if (isFeed) {
      if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { error: 'GET or HEAD only' }, CORS)
      serveFeed(req, res, pathname === '/feed.rss' ? 'rss' : 'json')
      return true
    }
    return handleAdmin(req, res, pathname, method)
  }

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {string} pathname
   * @param {string} method
   */
  async function handleAdmin(req, res, pathname, method) {
    try {
      if (pathname === '/admin/feed/items') {
        if (method === 'GET') {
          const items = visibleArticles(activeFault() === 'hostile').map((a) => ({ id: a.id, title: a.headline, published: a.published }))
          return sendJson(res, 200, { items })
        }
        if (method === 'POST') {
          const article = addItem(await readJsonBody(req, MAX_BODY_BYTES, FeedRequestError))
          return sendJson(res, 201, { id: article.id, title: article.headline, published: article.published })
        }
        if (method === 'DELETE') {
          restoreItems()
          return sendJson(res, 200, { items: visibleArticles().length })
        }
      } else {
        if (method === 'GET') return sendJson(res, 200, { fault: activeFault() && fault })
        if (method === 'POST') return sendJson(res, 200, { fault: setFault(/** @type {FeedFaultRequest} */ (await readJsonBody(req, MAX_BODY_BYTES, FeedRequestError))) })
        if (method === 'DELETE') return sendJson(res, 200, { fault: setFault(null) })
      }
      return sendJson(res, 405, { error: 'GET, POST or DELETE only' })
    } catch (error) {
      if (!(error instanceof FeedRequestError)) throw error
      return sendJson(res, 400, { error: error.message })
    }
  }

  return { handle, addItem, setFault, restoreItems, visibleArticles }
}

/**
 * @param {Req} req
 * @param {string} etag
 * @param {string} lastModified
 */
function isNotModified(req, etag, lastModified) {
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()))
  const since = Date.parse(req.headers['if-modified-since'] ?? '')
  return Number.isFinite(since) && Date.parse(lastModified) <= since
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {string} text
 */
function sendText(res, status, text) {
  res.writeHead(status, { ...CORS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text)
}
