// @ts-check
/**
 * The demo channel's subtitle rendition: the loop's WebVTT cue file cut into one WebVTT segment per
 * video segment, pure functions, no I/O.
 *
 * A segment's cues keep their times on the loop's clock, and its X-TIMESTAMP-MAP says which PTS
 * of the matching MPEG-TS segment that clock time is (`MPEGTS:<first video PTS>,LOCAL:<segment
 * start>`). The player maps the cues through the same discontinuity domain as the video it
 * belongs to, so the cues stay on the picture across loop wraps, where the TS timestamps restart.
 * A cue that spans two segments is repeated in both with the same times and id, which players
 * recognise as one cue.
 */

/**
 * @typedef {{ id: string, startMs: number, endMs: number, text: string }} Cue
 * @typedef {{ uri: string, duration: number, pts: number }} TimedSegment  a loop segment with its first video PTS (90 kHz)
 */

const TIMING = /^((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})/

/**
 * "01:02.500" or "00:01:02.500" -> 62500
 * @param {string} stamp
 * @returns {number}
 */
function stampToMs(stamp) {
  const parts = stamp.split(':').map(Number)
  const seconds = /** @type {number} */ (parts.pop())
  const minutes = parts.pop() ?? 0
  const hours = parts.pop() ?? 0
  return Math.round((hours * 3600 + minutes * 60 + seconds) * 1000)
}

/**
 * 62500 -> "00:01:02.500"
 * @param {number} ms
 * @returns {string}
 */
export function msToStamp(ms) {
  const pad = (/** @type {number} */ n, /** @type {number} */ width) => String(n).padStart(width, '0')
  const hours = Math.floor(ms / 3_600_000)
  const minutes = Math.floor(ms / 60_000) % 60
  const seconds = Math.floor(ms / 1000) % 60
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ms % 1000, 3)}`
}

/**
 * The cues of a WebVTT file (the subset the fixture uses: optional cue ids, timings, text lines;
 * cue settings after the timings are dropped, NOTE and STYLE blocks skipped).
 * @param {string} text
 * @returns {Cue[]}
 */
export function parseWebVtt(text) {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/)
  if (!/^WEBVTT(?:[ \t]|$)/.test(blocks[0] ?? '')) throw new Error('not a WebVTT file: it must start with "WEBVTT"')
  /** @type {Cue[]} */
  const cues = []
  for (const block of blocks.slice(1)) {
    const lines = block.split('\n').filter((line) => line !== '')
    const timingAt = lines.findIndex((line) => TIMING.test(line))
    if (timingAt < 0 || timingAt > 1) continue
    const timing = /** @type {RegExpExecArray} */ (TIMING.exec(/** @type {string} */ (lines[timingAt])))
    const startMs = stampToMs(/** @type {string} */ (timing[1]))
    const endMs = stampToMs(/** @type {string} */ (timing[2]))
    if (!(endMs > startMs)) throw new Error(`cue "${lines.join(' / ')}" ends before it starts`)
    cues.push({ id: timingAt === 1 ? /** @type {string} */ (lines[0]) : String(cues.length + 1), startMs, endMs, text: lines.slice(timingAt + 1).join('\n') })
  }
  return cues
}

/**
 * The WebVTT segment for the loop segment that starts at `startMs` on the loop's clock.
 * @param {Cue[]} cues  of the whole loop
 * @param {{ startMs: number, durationMs: number, pts: number }} segment
 * @returns {string}
 */
export function webVttSegment(cues, { startMs, durationMs, pts }) {
  const endMs = startMs + durationMs
  const lines = ['WEBVTT', `X-TIMESTAMP-MAP=MPEGTS:${pts},LOCAL:${msToStamp(startMs)}`]
  for (const cue of cues) {
    if (cue.endMs <= startMs || cue.startMs >= endMs) continue
    lines.push('', cue.id, `${msToStamp(cue.startMs)} --> ${msToStamp(cue.endMs)}`, cue.text)
  }
  return lines.join('\n') + '\n'
}

/**
 * Every subtitle segment of the loop, keyed by URI: seg003.ts -> seg003.vtt.
 * @param {Cue[]} cues
 * @param {TimedSegment[]} segments
 * @returns {Map<string, string>}
 */
export function webVttSegments(cues, segments) {
  /** @type {Map<string, string>} */
  const files = new Map()
  let startMs = 0
  for (const s of segments) {
    if (!Number.isInteger(s.pts) || s.pts < 0) throw new Error(`segment ${s.uri} has no first PTS (channel.json "pts")`)
    const durationMs = Math.round(s.duration * 1000)
    files.set(subtitleUriOf(s.uri), webVttSegment(cues, { startMs, durationMs, pts: s.pts }))
    startMs += durationMs
  }
  return files
}

/**
 * @param {string} videoUri  e.g. seg003.ts
 * @returns {string}  e.g. seg003.vtt
 */
export function subtitleUriOf(videoUri) {
  return videoUri.replace(/\.ts$/, '.vtt')
}
