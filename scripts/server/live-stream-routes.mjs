// @ts-check
/**
 * The live stream URLs of the demo channels, with the active faults applied:
 *   /live/<channel>/master.m3u8
 *   /live/<channel>/<rendition>/index.m3u8   the live window at this moment
 *   /live/<channel>/<rendition>/segNNN.ts    a segment of the loop
 *   /live/<channel>/subs/index.m3u8          the subtitle rendition's live window, in lockstep with the video
 *   /live/<channel>/subs/segNNN.vtt          the WebVTT segment that goes with segNNN.ts
 * Faults hit subtitle playlists and segments exactly as they hit the video ones. Any method but
 * GET and HEAD is answered 405 (a CORS preflight is answered before this, by the server).
 */
import { randomBytes } from 'node:crypto'
import { subtitleUriOf } from './caption-segments.mjs'
import { combineMarkers, liveWindow, masterPlaylist, renderLivePlaylist } from './live-window.mjs'

const MASTER = /^\/live\/([^/]+)\/master\.m3u8$/
const MEDIA = /^\/live\/([^/]+)\/([^/]+)\/index\.m3u8$/
const SEGMENT = /^\/live\/([^/]+)\/([^/]+)\/(seg\d+\.(?:ts|vtt))$/
const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl'
const TRICKLE_TICK_MS = 100

/**
 * @typedef {object} LiveStreamContext
 * @property {Map<string, import('./demo-channels.mjs').DemoChannel>} channels
 * @property {import('./faults.mjs').FaultSet} faults
 * @property {(channel: import('./demo-channels.mjs').DemoChannel) => number} epochOf  ms when the channel's stream "started"
 * @property {number} windowSize  segments per live playlist
 * @property {Array<(channel: import('./demo-channels.mjs').DemoChannel, window: import('./live-window.mjs').LiveWindow) => import('./live-window.mjs').WindowMarkers>} [markers]
 *   what each channel's media playlists announce besides segments (date ranges, cue tags); none by default
 * @property {(channel: import('./demo-channels.mjs').DemoChannel, uri: string, bytes: Buffer, nowMs: number) => Buffer} [segmentBytes]
 *   what a video segment carries besides the loop's bytes (timed ID3); as is by default
 */

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {LiveStreamContext} ctx
 * @returns {boolean} false if the URL is not a stream URL
 */
export function handleLiveRequest(req, res, url, ctx) {
  if (!url.pathname.startsWith('/live/')) return false
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('GET or HEAD only\n')
    return true
  }
  const match = MASTER.exec(url.pathname) ?? MEDIA.exec(url.pathname) ?? SEGMENT.exec(url.pathname)
  const channel = match ? ctx.channels.get(/** @type {string} */ (match[1])) : undefined
  if (!match || !channel) return notFound(res, 'no such stream')
  const { faults } = ctx

  if (faults.find('drop', channel.id)) {
    // As a dead origin or a broken network path looks to the player: no status at all.
    req.socket.destroy()
    return true
  }
  if (match[0].endsWith('.m3u8') && faults.find('playlist500', channel.id)) {
    return sendText(res, 500, 'text/plain; charset=utf-8', 'playlist500 fault\n')
  }
  if (match.length === 2) {
    const variants = channel.renditions.map((r) => ({
      uri: `${r.name}/index.m3u8`,
      bandwidth: r.bandwidth,
      averageBandwidth: r.averageBandwidth,
      width: r.width,
      height: r.height,
      codecs: r.codecs,
      frameRate: channel.frameRate,
    }))
    const subs = channel.subtitles
    const subtitles = subs && { groupId: 'subs', name: subs.label, language: subs.language, uri: `${subs.name}/index.m3u8` }
    return sendText(res, 200, PLAYLIST_TYPE, masterPlaylist(variants, subtitles), req.method === 'HEAD')
  }

  const isSubtitles = !!channel.subtitles && match[2] === channel.subtitles.name
  const rendition = isSubtitles ? channel.subtitles : channel.renditions.find((r) => r.name === match[2])
  if (!rendition) return notFound(res, 'no such rendition')
  if (match.length === 3) {
    // A stalled packager keeps serving the last playlist it wrote.
    const stall = faults.find('stall', channel.id)
    const nowMs = stall ? stall.startedAt : faults.now()
    // One window for video and subtitles: the same sequence numbers, discontinuities and dates.
    const window = liveWindow({ segments: channel.segments, epochMs: ctx.epochOf(channel), nowMs, windowSize: ctx.windowSize })
    const markers = combineMarkers((ctx.markers ?? []).map((markersOf) => markersOf(channel, window)))
    const text = renderLivePlaylist(window, isSubtitles ? (s) => subtitleUriOf(s.segment.uri) : undefined, markers)
    return sendText(res, 200, PLAYLIST_TYPE, text, req.method === 'HEAD')
  }

  const bytes = rendition.files.get(/** @type {string} */ (match[3]))
  if (!bytes) return notFound(res, 'no such segment')
  if (faults.find('segment404', channel.id)) return notFound(res, 'segment404 fault')
  const type = isSubtitles ? 'text/vtt; charset=utf-8' : 'video/mp2t'
  const carried = !isSubtitles && ctx.segmentBytes ? ctx.segmentBytes(channel, /** @type {string} */ (match[3]), bytes, faults.now()) : bytes
  const headers = { 'Content-Type': type, 'Content-Length': carried.length, 'Cache-Control': 'no-cache' }
  const body = faults.find('corrupt', channel.id) ? garbageLike(carried) : carried
  const slow = faults.find('slow', channel.id)
  res.writeHead(200, headers)
  if (req.method === 'HEAD') res.end()
  else if (slow?.bytesPerSecond) trickle(res, body, slow.bytesPerSecond)
  else res.end(body)
  return true
}

/**
 * Random bytes of the same length, with no MPEG-TS sync byte where packets would start, so no
 * demuxer can mistake them for a stream.
 * @param {Buffer} bytes
 * @returns {Buffer}
 */
export function garbageLike(bytes) {
  const garbage = randomBytes(bytes.length)
  for (let i = 0; i < garbage.length; i += 188) if (garbage[i] === 0x47) garbage[i] = 0x00
  return garbage
}

/**
 * Sends `body` at `bytesPerSecond`, in small ticks so the player sees progress but not enough.
 * @param {import('node:http').ServerResponse} res
 * @param {Buffer} body
 * @param {number} bytesPerSecond
 */
function trickle(res, body, bytesPerSecond) {
  const chunk = Math.max(1, Math.round((bytesPerSecond * TRICKLE_TICK_MS) / 1000))
  let offset = 0
  /** @type {NodeJS.Timeout | undefined} */
  let timer
  const tick = () => {
    if (res.destroyed) return
    const end = Math.min(body.length, offset + chunk)
    res.write(body.subarray(offset, end))
    offset = end
    if (offset >= body.length) res.end()
    else timer = setTimeout(tick, TRICKLE_TICK_MS)
  }
  res.on('close', () => clearTimeout(timer))
  tick()
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} type
 * @param {string} text
 * @param {boolean} [headOnly]
 * @returns {true}
 */
function sendText(res, status, type, text, headOnly = false) {
  const body = Buffer.from(text, 'utf8')
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-cache' })
  res.end(headOnly ? undefined : body)
  return true
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} why
 * @returns {true}
 */
function notFound(res, why) {
  return sendText(res, 404, 'text/plain; charset=utf-8', `${why}\n`)
}
