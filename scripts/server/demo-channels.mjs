// @ts-check
/**
 * Loads the demo channels made by scripts/make-demo-channels.sh: each channel's manifest
 * (channel.json), its loop's segment list (read from the VOD playlist ffmpeg wrote) and the
 * segment bytes, kept in memory (~5 MB) so faults can corrupt or trickle them cheaply; and, where
 * the channel has a captions.vtt, its subtitle segments, cut once at load.
 */
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { parseWebVtt, webVttSegments } from './caption-segments.mjs'
import { parseVodPlaylist } from './live-window.mjs'

/**
 * @typedef {object} DemoRendition
 * @property {string} name  also its folder, e.g. "720p"
 * @property {number} width
 * @property {number} height
 * @property {number} bandwidth  peak segment bit rate, bit/s
 * @property {number} averageBandwidth
 * @property {string} codecs  e.g. "avc1.4d401f,mp4a.40.2"
 * @property {Map<string, Buffer>} files  segment URI -> bytes
 */
/**
 * @typedef {object} DemoSubtitles
 * @property {string} name  also its folder in the stream URLs: "subs"
 * @property {string} language
 * @property {string} label  the NAME a player shows, e.g. "English"
 * @property {Map<string, Buffer>} files  WebVTT segment URI (seg003.vtt) -> bytes
 */
/**
 * @typedef {object} DemoChannel
 * @property {string} id
 * @property {string} name
 * @property {number} number
 * @property {number} frameRate
 * @property {import('./live-window.mjs').LoopSegment[]} segments  the loop, same for every rendition
 * @property {DemoRendition[]} renditions  in the order the master playlist lists them
 * @property {DemoSubtitles | null} subtitles  null when the channel has no captions.vtt
 */

/**
 * @param {string} channelsDir  e.g. static/demo/channels
 * @returns {Promise<Map<string, DemoChannel>>}
 */
export async function loadDemoChannels(channelsDir) {
  /** @type {Map<string, DemoChannel>} */
  const channels = new Map()
  const entries = await readdir(channelsDir, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const channel = await loadChannel(path.join(channelsDir, entry.name))
    channels.set(channel.id, channel)
  }
  return new Map([...channels].sort((a, b) => a[1].number - b[1].number))
}

/**
 * @param {string} dir
 * @returns {Promise<DemoChannel>}
 */
async function loadChannel(dir) {
  const manifest = JSON.parse(await readFile(path.join(dir, 'channel.json'), 'utf8'))
  /** @type {DemoRendition[]} */
  const renditions = []
  /** @type {import('./live-window.mjs').LoopSegment[] | undefined} */
  let segments
  for (const r of manifest.renditions) {
    const folder = path.join(dir, r.name)
    const loop = parseVodPlaylist(await readFile(path.join(folder, 'index.m3u8'), 'utf8'))
    // One live window serves every rendition, so their loops must cut identically.
    if (segments && JSON.stringify(loop) !== JSON.stringify(segments)) {
      throw new Error(`${dir}: rendition ${r.name} is cut differently from ${manifest.renditions[0].name}`)
    }
    segments = loop
    const files = new Map()
    for (const s of loop) files.set(s.uri, await readFile(path.join(folder, s.uri)))
    renditions.push({
      name: r.name,
      width: r.width,
      height: r.height,
      bandwidth: r.bandwidth,
      averageBandwidth: r.averageBandwidth,
      codecs: r.codecs,
      files,
    })
  }
  if (!segments || segments.length === 0) throw new Error(`${dir}: no renditions`)
  return {
    id: manifest.id,
    name: manifest.name,
    number: manifest.number,
    frameRate: manifest.frameRate,
    segments,
    renditions,
    subtitles: await loadSubtitles(dir, segments, manifest.segments),
  }
}

/**
 * @param {string} dir
 * @param {import('./live-window.mjs').LoopSegment[]} segments
 * @param {Array<{ uri: string, pts?: number }>} described  channel.json's segments, with each one's first video PTS
 * @returns {Promise<DemoSubtitles | null>}
 */
async function loadSubtitles(dir, segments, described) {
  const text = await readFile(path.join(dir, 'captions.vtt'), 'utf8').catch(() => null)
  if (text === null) return null
  const timed = segments.map((s) => ({ ...s, pts: /** @type {number} */ (described.find((d) => d.uri === s.uri)?.pts) }))
  try {
    const files = webVttSegments(parseWebVtt(text), timed)
    return { name: 'subs', language: 'en', label: 'English', files: new Map([...files].map(([uri, vtt]) => [uri, Buffer.from(vtt, 'utf8')])) }
  } catch (error) {
    throw new Error(`${dir}/captions.vtt: ${/** @type {Error} */ (error).message}`)
  }
}
