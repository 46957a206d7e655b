// @ts-check
/**
 * What the demo channels' live playlists announce besides segments (a WindowMarkers source for
 * live-window.mjs), pure functions of the live window:
 *
 * - Stories on air: `#EXT-X-DATERANGE:ID=…,CLASS="com.livenews.story",START-DATE=…,DURATION=…,
 *   X-ARTICLE-ID="<the feed's guid>",X-ARTICLE-URL="<the article page>"` for the demo feed's
 *   articles (demo-articles.mjs; the demo feed's guid is the article's link), a new one every
 *   `everySeconds`, each on air for `onAirSeconds`, starting on a segment boundary. Each channel
 *   goes through the articles from its own place.
 * - Programmes: `#EXT-X-DATERANGE:…,CLASS="com.livenews.programme",START-DATE=…,END-DATE=…,
 *   X-TITLE=…` for the demo schedule's shows (demo-schedule.mjs), so the app's "the stream wins"
 *   schedule path runs on the demo too.
 *
 * A range is listed while any of its time is in the window (hls.js reads the date ranges of each
 * playlist afresh).
 *
 * With `carrier: 'id3'` the stories come as timed ID3 in the segments instead (`demoStoryId3`): a
 * TXXX `X-ARTICLE-ID` / `X-ARTICLE-DURATION` tag at the first PTS of each story's first segment,
 * and no story date ranges. The same stories, the same times.
 */
import { DEMO_ARTICLES, articleLink } from './demo-articles.mjs'
import { demoProgrammeAt } from './demo-schedule.mjs'
import { firstPts, id3Tag, withId3Stream } from './ts-id3.mjs'
import { liveWindow } from './live-window.mjs'

export const STORY_CLASS = 'com.livenews.story'
export const PROGRAMME_CLASS = 'com.livenews.programme'
/** A new story every 80 s, on air for 60 s: `npm start`'s cadence. */
export const DEFAULT_STORY_CADENCE = { everySeconds: 80, onAirSeconds: 60 }

/**
 * @typedef {{ everySeconds: number, onAirSeconds: number, carrier?: 'daterange' | 'id3' }} StoryCadence
 * @typedef {import('./live-window.mjs').LiveWindow} LiveWindow
 * @typedef {import('./live-window.mjs').LoopSegment} LoopSegment
 */

/** An attribute value as a quoted-string (no double quote, no line break may be in one). */
const quoted = (/** @type {string} */ value) => `"${value.replace(/["\r\n]/g, '')}"`
const iso = (/** @type {number} */ ms) => new Date(ms).toISOString()

/**
 * Where segment `k` starts, in ms after the loop's first airing (pass * loop + place in the pass).
 * @param {LoopSegment[]} loop
 */
function segmentStarts(loop) {
  const starts = [0]
  for (const s of loop) starts.push(/** @type {number} */ (starts[starts.length - 1]) + Math.round(s.duration * 1000))
  const loopMs = /** @type {number} */ (starts[loop.length])
  return (/** @type {number} */ k) => Math.floor(k / loop.length) * loopMs + /** @type {number} */ (starts[k % loop.length])
}

/**
 * Stories start every this many segments: on a boundary, as close to the cadence as segments allow.
 * @param {LoopSegment[]} loop
 * @param {number} everySeconds
 */
function segmentsPerStory(loop, everySeconds) {
  const loopMs = segmentStarts(loop)(loop.length)
  return Math.max(1, Math.round((everySeconds * 1000) / (loopMs / loop.length)))
}

/** The article link of story `k` on `channelId`: each channel goes through the articles from its own place. */
function storyLink(/** @type {string} */ channelId, /** @type {number} */ k) {
  const offset = [...channelId].reduce((sum, c) => sum + c.charCodeAt(0), 0)
  return articleLink(/** @type {import('./demo-articles.mjs').DemoArticle} */ (DEMO_ARTICLES[(k + offset) % DEMO_ARTICLES.length]))
}

/**
 * The story date ranges of `window` on `channelId`.
 * @param {string} channelId
 * @param {LoopSegment[]} loop  the channel's segments
 * @param {LiveWindow} window
 * @param {StoryCadence} [cadence]
 * @returns {string[]}
 */
export function storyRangeLines(channelId, loop, window, { everySeconds, onAirSeconds } = DEFAULT_STORY_CADENCE) {
  const first = window.segments[0]
  const last = window.segments[window.segments.length - 1]
  if (!first || !last || loop.length === 0) return []
  const startOf = segmentStarts(loop)
  const epochMs = first.startMs - startOf(first.sequence)
  const perStory = segmentsPerStory(loop, everySeconds)
  const windowStart = first.startMs
  const windowEnd = last.startMs + last.durationMs
  /** @type {string[]} */
  const lines = []
  const lookBack = Math.ceil(onAirSeconds / everySeconds) + 1
  for (let k = Math.max(0, Math.floor(first.sequence / perStory) - lookBack); ; k++) {
    const startMs = epochMs + startOf(k * perStory)
    if (startMs >= windowEnd) break
    if (startMs + onAirSeconds * 1000 <= windowStart) continue
    const link = storyLink(channelId, k)
    lines.push(
      `#EXT-X-DATERANGE:ID=${quoted(`story-${channelId}-${Math.round(startMs / 1000)}`)},CLASS=${quoted(STORY_CLASS)},` +
        `START-DATE=${quoted(iso(startMs))},DURATION=${onAirSeconds.toFixed(3)},X-ARTICLE-ID=${quoted(link)},X-ARTICLE-URL=${quoted(link)}`,
    )
  }
  return lines
}

/**
 * The programme date ranges of `window` on `channelId`: the demo schedule's shows it touches.
 * @param {string} channelId
 * @param {LiveWindow} window
 * @param {number} [phaseMs]  the schedule's phase (demo-schedule.mjs demoProgrammeAt)
 * @returns {string[]}
 */
export function programmeRangeLines(channelId, window, phaseMs = 0) {
  const first = window.segments[0]
  const last = window.segments[window.segments.length - 1]
  if (!first || !last) return []
  /** @type {string[]} */
  const lines = []
  const windowEnd = last.startMs + last.durationMs
  for (let at = first.startMs; at < windowEnd; ) {
    const p = demoProgrammeAt(channelId, at, phaseMs)
    if (!p) break
    lines.push(
      `#EXT-X-DATERANGE:ID=${quoted(`programme-${channelId}-${Math.round(p.start / 1000)}`)},CLASS=${quoted(PROGRAMME_CLASS)},` +
        `START-DATE=${quoted(iso(p.start))},END-DATE=${quoted(iso(p.end))},X-TITLE=${quoted(p.title ?? '')},` +
        `X-DESCRIPTION=${quoted(p.desc ?? '')},X-CATEGORY=${quoted(p.category ?? '')}`,
    )
    at = p.end
  }
  return lines
}

/**
 * The marker source for the demo server's `markers` (index.mjs): programme ranges always, story
 * ranges unless `stories` is false.
 * @param {{ stories?: StoryCadence | false, schedulePhaseMs?: number }} [options]
 * @returns {(channel: { id: string, segments: LoopSegment[] }, window: LiveWindow) => import('./live-window.mjs').WindowMarkers}
 */
export function demoStreamRanges({ stories = DEFAULT_STORY_CADENCE, schedulePhaseMs = 0 } = {}) {
  return (channel, window) => ({
    header: [
      ...programmeRangeLines(channel.id, window, schedulePhaseMs),
      ...(stories && stories.carrier !== 'id3' ? storyRangeLines(channel.id, channel.segments, window, stories) : []),
    ],
  })
}

/**
 * The ID3 carrier: a segment's bytes with the ID3 stream declared, and the story's tag when the
 * segment `sequence` starts one (a TS segment; anything else is returned as is).
 * @param {string} channelId
 * @param {LoopSegment[]} loop
 * @param {number} sequence
 * @param {Buffer} bytes
 * @param {StoryCadence} cadence
 * @returns {Buffer}
 */
export function storyId3Segment(channelId, loop, sequence, bytes, { everySeconds, onAirSeconds }) {
  if (bytes[0] !== 0x47) return bytes
  const perStory = segmentsPerStory(loop, everySeconds)
  const pts = firstPts(bytes)
  if (sequence % perStory !== 0 || pts === null) return withId3Stream(bytes)
  const tag = id3Tag([
    ['X-ARTICLE-ID', storyLink(channelId, sequence / perStory)],
    ['X-ARTICLE-DURATION', String(onAirSeconds)],
  ])
  return withId3Stream(bytes, { tag, pts })
}

/**
 * The segment hook for the demo server (live-stream-routes.mjs `segmentBytes`) when stories come
 * as ID3: a segment URI names a loop position, and its latest airing by `nowMs` is the sequence
 * (the loop is longer than the live window, so that is the one the player was offered).
 * @param {StoryCadence} cadence
 * @param {(channel: import('./demo-channels.mjs').DemoChannel) => number} epochOf
 * @returns {(channel: import('./demo-channels.mjs').DemoChannel, uri: string, bytes: Buffer, nowMs: number) => Buffer}
 */
export function demoStoryId3(cadence, epochOf) {
  return (channel, uri, bytes, nowMs) => {
    const window = liveWindow({ segments: channel.segments, epochMs: epochOf(channel), nowMs, windowSize: channel.segments.length })
    const aired = window.segments.filter((s) => s.segment.uri === uri).pop()
    return aired ? storyId3Segment(channel.id, channel.segments, aired.sequence, bytes, cadence) : withId3Stream(bytes)
  }
}
