// @ts-check
/**
 * The live-window arithmetic of the demo channel: pure functions, no I/O, no clock of their own.
 *
 * A channel is a short VOD loop (segments seg000..segNNN) replayed forever since `epochMs`. Every
 * segment ever "aired" gets an absolute index k = pass * loopLength + position; k is the media
 * sequence number, pass is the number of loop wraps before it. A wrap is a discontinuity (the
 * timestamps inside the segments jump back to the start of the loop), so the discontinuity
 * sequence number of segment k is its pass. Keeping both numbers a pure function of k is what
 * makes every reload of the playlist agree with the previous one, which hls.js depends on: an
 * EXT-X-DISCONTINUITY-SEQUENCE that is off by one puts segments in the wrong timeline and fails.
 */

/**
 * @typedef {{ uri: string, duration: number }} LoopSegment  duration in seconds, as in #EXTINF
 * @typedef {{ sequence: number, pass: number, segment: LoopSegment, startMs: number, durationMs: number, discontinuity: boolean }} WindowSegment
 * @typedef {{ mediaSequence: number, discontinuitySequence: number, targetDuration: number, segments: WindowSegment[] }} LiveWindow
 * @typedef {{ segments: LoopSegment[], epochMs: number, nowMs: number, windowSize?: number }} LiveWindowInput
 * @typedef {{ uri: string, bandwidth: number, averageBandwidth?: number, width: number, height: number, codecs: string, frameRate?: number }} Variant
 * @typedef {{ groupId: string, name: string, language: string, uri: string }} SubtitleRendition
 */

/** Segments listed in a live playlist unless told otherwise: 6 x 2 s, enough for hls.js's 3-segment live delay. */
export const DEFAULT_WINDOW_SIZE = 6

/**
 * Reads the segment list of a VOD media playlist (the loop as ffmpeg wrote it).
 * @param {string} text
 * @returns {LoopSegment[]}
 */
export function parseVodPlaylist(text) {
  /** @type {LoopSegment[]} */
  const segments = []
  let duration = NaN
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8))
    else if (line && !line.startsWith('#')) {
      if (!(duration > 0)) throw new Error(`segment ${line} has no valid #EXTINF duration`)
      segments.push({ uri: line, duration })
      duration = NaN
    }
  }
  return segments
}

/**
 * Which segments are on air at `nowMs`: the newest `windowSize` segments that have fully elapsed
 * since `epochMs` (a segment is listed only once it has finished "airing", as a real packager
 * only publishes a segment once it is complete).
 * @param {LiveWindowInput} input
 * @returns {LiveWindow}
 */
export function liveWindow({ segments, epochMs, nowMs, windowSize = DEFAULT_WINDOW_SIZE }) {
  if (segments.length === 0) throw new Error('a live loop needs at least one segment')
  if (!(windowSize >= 1)) throw new Error(`windowSize must be >= 1, got ${windowSize}`)
  // Integer milliseconds, so that thousands of passes do not accumulate float error.
  const durationsMs = segments.map((s) => Math.round(s.duration * 1000))
  /** startsMs[i] = start of segment i within a pass; startsMs[n] = length of the loop. */
  const startsMs = [0]
  for (const d of durationsMs) startsMs.push(/** @type {number} */ (startsMs[startsMs.length - 1]) + d)
  const n = segments.length
  const loopMs = /** @type {number} */ (startsMs[n])
  const startOf = (/** @type {number} */ k) => Math.floor(k / n) * loopMs + /** @type {number} */ (startsMs[k % n])

  const elapsedMs = Math.max(0, nowMs - epochMs)
  const passes = Math.floor(elapsedMs / loopMs)
  const intoPass = elapsedMs - passes * loopMs
  let finishedInPass = 0
  while (finishedInPass < n && /** @type {number} */ (startsMs[finishedInPass + 1]) <= intoPass) finishedInPass++
  const finished = passes * n + finishedInPass

  const first = Math.max(0, finished - windowSize)
  /** @type {WindowSegment[]} */
  const listed = []
  for (let k = first; k < finished; k++) {
    const position = k % n
    listed.push({
      sequence: k,
      pass: Math.floor(k / n),
      segment: /** @type {LoopSegment} */ (segments[position]),
      startMs: epochMs + startOf(k),
      durationMs: /** @type {number} */ (durationsMs[position]),
      // Every pass after the first starts with a discontinuity, also when it is the first listed.
      discontinuity: k > 0 && position === 0,
    })
  }
  return {
    mediaSequence: first,
    // Wraps strictly before the first listed segment: those tags have slid out of the window.
    // A wrap AT the first segment is still listed as a tag, so it is not counted here.
    discontinuitySequence: first === 0 ? 0 : Math.floor((first - 1) / n),
    targetDuration: Math.max(...segments.map((s) => Math.ceil(s.duration))),
    segments: listed,
  }
}

/**
 * Tags a packager adds to a live window besides its segments (EXT-X-DATERANGE, cue markers):
 * `header` lines go after the playlist's header tags, `beforeSegment(s)` lines just before that
 * segment's #EXTINF (after its date). Several sources combine with `combineMarkers`.
 * @typedef {{ header?: string[], beforeSegment?: (segment: WindowSegment) => string[] }} WindowMarkers
 */

/**
 * One set of marker lines from several: each source's header lines, then each source's lines per segment.
 * @param {WindowMarkers[]} parts
 * @returns {WindowMarkers}
 */
export function combineMarkers(parts) {
  return {
    header: parts.flatMap((p) => p.header ?? []),
    beforeSegment: (s) => parts.flatMap((p) => (p.beforeSegment ? p.beforeSegment(s) : [])),
  }
}

/**
 * The media playlist text of a live window. Never has #EXT-X-ENDLIST: the stream goes on.
 * @param {LiveWindow} window
 * @param {(segment: WindowSegment) => string} [uriOf]  where a segment is fetched; default its loop URI (relative)
 * @param {WindowMarkers} [markers]  date ranges and cue tags to add (none by default)
 * @returns {string}
 */
export function renderLivePlaylist(window, uriOf = (s) => s.segment.uri, markers = {}) {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${window.targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${window.mediaSequence}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${window.discontinuitySequence}`,
    ...(markers.header ?? []),
  ]
  for (const s of window.segments) {
    if (s.discontinuity) lines.push('#EXT-X-DISCONTINUITY')
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.startMs).toISOString()}`)
    if (markers.beforeSegment) lines.push(...markers.beforeSegment(s))
    lines.push(`#EXTINF:${(s.durationMs / 1000).toFixed(3)},`)
    lines.push(uriOf(s))
  }
  return lines.join('\n') + '\n'
}

/**
 * The live media playlist of a loop at `nowMs`.
 * @param {LiveWindowInput} input
 * @returns {string}
 */
export function liveMediaPlaylist(input) {
  return renderLivePlaylist(liveWindow(input))
}

/**
 * The master (multivariant) playlist. Variants are listed in the given order: hls.js starts on
 * the first one listed, so callers put the rendition to start with first.
 * A subtitle rendition is offered, not imposed (DEFAULT=NO): the viewer's caption setting decides.
 * @param {Variant[]} variants
 * @param {SubtitleRendition | null} [subtitles]
 * @returns {string}
 */
export function masterPlaylist(variants, subtitles = null) {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS']
  if (subtitles) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${subtitles.groupId}",NAME="${subtitles.name}",LANGUAGE="${subtitles.language}",` +
        `DEFAULT=NO,AUTOSELECT=YES,URI="${subtitles.uri}"`,
    )
  }
  for (const v of variants) {
    const attributes = [
      `BANDWIDTH=${Math.round(v.bandwidth)}`,
      ...(v.averageBandwidth ? [`AVERAGE-BANDWIDTH=${Math.round(v.averageBandwidth)}`] : []),
      `RESOLUTION=${v.width}x${v.height}`,
      `CODECS="${v.codecs}"`,
      ...(v.frameRate ? [`FRAME-RATE=${v.frameRate.toFixed(3)}`] : []),
      ...(subtitles ? [`SUBTITLES="${subtitles.groupId}"`] : []),
    ]
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, v.uri)
  }
  return lines.join('\n') + '\n'
}
