// @ts-check
/**
 * The local demo server that `npm start` runs: the built app, the demo live channels and the fault
 * knobs, on Node's http module alone.
 *
 *   /                                    dist/index.html (the built app), other paths from dist/
 *   /static/...                          files from static/ (images, fonts, the demo fixture)
 *   /live/<channel>/master.m3u8          master playlist (channel = news | world)
 *   /live/<channel>/<rendition>/index.m3u8   LIVE media playlist, a window that moves with the clock
 *   /live/<channel>/<rendition>/segNNN.ts    segments of the channel's 24 s loop
 *   /live/<channel>/subs/index.m3u8          the WebVTT subtitle rendition, in lockstep with the video (…/subs/segNNN.vtt)
 *   /admin/faults                        GET list / POST add / DELETE clear faults
 *
 * Faults (POST /admin/faults with JSON, details in FAULTS.md; "channel" optional = all channels):
 *   {"fault":"segment404","seconds":10,"channel":"news"}      segments answer 404
 *   {"fault":"playlist500","seconds":10}                      master and media playlists answer 500
 *   {"fault":"stall","seconds":20}                            the live window stops moving
 *   {"fault":"slow","seconds":20,"bytesPerSecond":20000}      segments trickle at bytesPerSecond
 *   {"fault":"corrupt","seconds":10}                          segments are garbage of the same length
 *   {"fault":"sequenceReset","channel":"news"}                encoder restart: media sequence starts again at 0
 *   {"fault":"drop","seconds":10}                             stream requests get their socket destroyed
 * Every response but /admin/* allows any origin (CORS *): the app may be served from elsewhere (a
 * TV's file:// or a packaged app) and still play this stream and read this feed. /admin/* has no
 * CORS at all and answers only this machine, or a client with the admin token (admin-guard.mjs).
 * Every response has `X-Content-Type-Options: nosniff`; the headers must arrive within
 * `headersTimeoutMs` and the whole request within `requestTimeoutMs` (limits in FAULTS.md).
 */
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadDemoChannels } from './demo-channels.mjs'
import { createAdminGuard, isAdminPath } from './admin-guard.mjs'
import { handleFaultAdmin } from './fault-admin-routes.mjs'
import { createFaultSet } from './faults.mjs'
import { handleLiveRequest } from './live-stream-routes.mjs'
import { DEFAULT_WINDOW_SIZE } from './live-window.mjs'
import { demoAdBreaks } from './demo-ad-breaks.mjs'
import { demoStoryId3, demoStreamRanges } from './demo-story-ranges.mjs'
import { hasDotDotSegment, serveStaticFile } from './static-files.mjs'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DEFAULT_HEADERS_TIMEOUT_MS = 5_000
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/**
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => boolean | Promise<boolean>} Route
 *   an extra handler; returns true if it answered the request
 * @typedef {object} DemoServerOptions
 * @property {number} [port]  0 = any free port
 * @property {string} [host]
 * @property {string} [distDir]  the built app (default dist/)
 * @property {string} [staticDir]  static assets and the demo fixture (default static/)
 * @property {Route[]} [routes]  tried in order before the built-in routes
 * @property {() => number} [now]  the clock of the live window and the faults (ms)
 * @property {number} [prerollSeconds]  how long the stream has been "on air" at start, so the first window is full
 * @property {number} [windowSize]  segments per live media playlist
 * @property {string} [adminToken]  lets clients off this machine use /admin/* with `Authorization: Bearer <token>`
 *   (`npm start` reads it from DEMO_ADMIN_TOKEN); without it /admin/* is loopback-only
 * @property {number} [headersTimeoutMs]  a client must send its request headers within this (default 5 s)
 * @property {number} [requestTimeoutMs]  a client must send its whole request, body included, within this (default 10 s)
 * @property {import('./demo-ad-breaks.mjs').AdCadence | null} [adBreaks]  ad breaks on the demo channels (demo-ad-breaks.mjs:
 *   news CUE-OUT/CUE-IN, world SCTE35-OUT date ranges) at this cadence; none by default (`npm start` airs them)
 * @property {import('./demo-story-ranges.mjs').StoryCadence | false} [stories]  the "on air" story date ranges the
 *   live playlists carry (demo-story-ranges.mjs), e.g. a new story every 80 s, 60 s on air (`carrier: 'id3'`: as timed ID3
 *   in the segments instead); none by default (`npm start` airs them); the demo schedule's programme date ranges are always there
 * @property {number} [schedulePhaseMs]  the programme date ranges' slots start this far past the clock's half
 *   hours (demo-schedule.mjs; give demoRoutes the same, so /schedule.xml agrees)
 * @typedef {object} DemoServer
 * @property {string} url  e.g. http://127.0.0.1:8080/
 * @property {string} origin  the same without the trailing slash, for `${origin}/path`
 * @property {number} port
 * @property {() => Promise<void>} close
 * @property {import('./faults.mjs').FaultSet} faults
 * @property {Array<{ id: string, name: string, number: number, url: string }>} channels  master playlist URL per channel
 */

/**
 * @param {DemoServerOptions} [options]
 * @returns {Promise<DemoServer>}
 */
export async function startDemoServer({
  port = 0,
  host = '127.0.0.1',
  distDir = path.join(REPO_ROOT, 'dist'),
  staticDir = path.join(REPO_ROOT, 'static'),
  routes = [],
  now = Date.now,
  prerollSeconds = 60,
  windowSize = DEFAULT_WINDOW_SIZE,
  adminToken,
  headersTimeoutMs = DEFAULT_HEADERS_TIMEOUT_MS,
  requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  adBreaks = null,
  stories = false,
  schedulePhaseMs = 0,
} = {}) {
  const channels = await loadDemoChannels(path.join(staticDir, 'demo', 'channels'))
  const faults = createFaultSet({ now })
  const startedAt = now()
  /** @type {import('./live-stream-routes.mjs').LiveStreamContext} */
  const liveContext = {
    channels,
    faults,
    windowSize,
    /** What the media playlists announce besides segments: date ranges and cue tags, one source each. */
    /** @type {NonNullable<import('./live-stream-routes.mjs').LiveStreamContext['markers']>} */
    markers: [...(adBreaks ? [demoAdBreaks({ cadence: adBreaks })] : []), demoStreamRanges({ stories, schedulePhaseMs })],
    /** Stories as timed ID3 in the segments, when asked (demo-story-ranges.mjs). */
    segmentBytes: stories && stories.carrier === 'id3' ? demoStoryId3(stories, (channel) => liveContext.epochOf(channel)) : undefined,
    /** @param {import('./demo-channels.mjs').DemoChannel} channel */
    epochOf(channel) {
      const resetAt = faults.lastResetAt(channel.id)
      if (resetAt === undefined) return startedAt - prerollSeconds * 1000
      // Restarted encoder: its first segment is complete right away, so the playlist is never empty.
      return resetAt - Math.round(/** @type {number} */ (channel.segments[0]?.duration) * 1000)
    },
  }
  const channelIds = [...channels.keys()]
  const adminGuard = createAdminGuard({ host, token: adminToken })

  /** @type {import('node:http').RequestListener} */
  const listener = async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/'
    if (hasDotDotSegment(rawPath)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden\n')
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (isAdminPath(url.pathname)) {
      // No CORS here, not even for a preflight: no web page may drive the knobs.
      const refused = req.method === 'OPTIONS' ? { status: 405, error: 'admin: no CORS' } : adminGuard(req)
      if (refused) {
        const body = JSON.stringify({ error: refused.error }) + '\n'
        res.writeHead(refused.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(body)
        req.resume()
        return
      }
    } else res.setHeader('Access-Control-Allow-Origin', '*')
    for (const route of routes) if (await route(req, res, url)) return
    if (req.method === 'OPTIONS') {
      // A CORS preflight the extra routes left alone: allow whatever the page asks to send.
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type',
        'Access-Control-Max-Age': '600',
      }).end()
      return
    }
    if (await handleFaultAdmin(req, res, url, { faults, channelIds })) return
    if (handleLiveRequest(req, res, url, liveContext)) return
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n')
      return
    }
    const fromStatic = url.pathname.startsWith('/static/')
    const root = fromStatic ? staticDir : distDir
    const filePath = fromStatic ? rawPath.slice('/static'.length) : rawPath
    if (await serveStaticFile(req, res, root, filePath, { hashedNames: !fromStatic })) return
    const hint = url.pathname === '/' ? 'The app is not built: run `npm run build`, then start the server again.\n' : ''
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found\n${hint}`)
  }

  const server = http.createServer({ headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, connectionsCheckingInterval: 500 }, (req, res) => {
    Promise.resolve(listener(req, res)).catch((error) => {
      console.error(`demo server: ${req.method} ${req.url} failed:`, error)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error\n')
      else res.destroy()
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`
  return {
    url: base,
    origin: base.slice(0, -1),
    port: address.port,
    faults,
    channels: [...channels.values()].map((c) => ({ id: c.id, name: c.name, number: c.number, url: `${base}live/${c.id}/master.m3u8` })),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // Keep-alive connections and trickling segments would hold close() open for minutes.
        server.closeAllConnections()
      }),
  }
}
