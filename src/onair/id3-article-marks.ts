/**
 * Story marks carried as ID3 timed metadata (hls.js's FRAG_PARSING_METADATA: ID3 in MPEG-TS, or
 * in fMP4 `emsg` boxes). A small parser of ID3v2.3/2.4 tags for the two frames read here:
 *
 * - `TXXX` with description `X-ARTICLE-ID` (or `ARTICLE-ID`) → the article id (the feed's guid);
 *   `X-ARTICLE-URL` (or `ARTICLE-URL`) → the article URL; `X-ARTICLE-DURATION` (seconds) → how
 *   long the story stays on air (else: until the next mark, at most OPEN_RANGE_CAP_MS).
 *   Descriptions are matched without regard to case.
 * - `WXXX` with description `X-ARTICLE-URL`, `ARTICLE-URL`, `ARTICLE` or empty → the article URL.
 *
 * A sample's time is its PTS; on the program date-time clock that is the fragment's
 * `programDateTime` plus the PTS's offset from the fragment's start.
 */
import type { ArticleMark } from './article-ranges'

export interface Id3Frame {
  id: string
  data: Uint8Array
}

function synchsafe(b: Uint8Array, i: number): number {
  return ((b[i]! & 0x7f) << 21) | ((b[i + 1]! & 0x7f) << 14) | ((b[i + 2]! & 0x7f) << 7) | (b[i + 3]! & 0x7f)
}

function uint32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!
}

/** The frames of every ID3v2.3/2.4 tag in `bytes` (tags may follow one another); anything else is skipped. */
export function parseId3Frames(bytes: Uint8Array): Id3Frame[] {
  const frames: Id3Frame[] = []
  let offset = 0
  while (offset + 10 <= bytes.length) {
    if (bytes[offset] !== 0x49 || bytes[offset + 1] !== 0x44 || bytes[offset + 2] !== 0x33) break // "ID3"
    const version = bytes[offset + 3]!
    const flags = bytes[offset + 5]!
    const size = synchsafe(bytes, offset + 6)
    const end = Math.min(bytes.length, offset + 10 + size)
    let i = offset + 10
    // Unsynchronised tags (flag 0x80) are rare in streams and not read here.
    if ((version === 3 || version === 4) && !(flags & 0x80)) {
      if (flags & 0x40) i += version === 4 ? synchsafe(bytes, i) : uint32(bytes, i) + 4 // extended header
      while (i + 10 <= end) {
        if (bytes[i] === 0) break // padding
        const id = String.fromCharCode(bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!)
        const frameSize = version === 4 ? synchsafe(bytes, i + 4) : uint32(bytes, i + 4)
        const start = i + 10
        if (frameSize <= 0 || start + frameSize > end) break
        frames.push({ id, data: bytes.subarray(start, start + frameSize) })
        i = start + frameSize
      }
    }
    offset = end + (bytes[offset + 5]! & 0x10 ? 10 : 0) // a footer follows when flagged
  }
  return frames
}

function latin1(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!)
  return s
}

function utf8(b: Uint8Array): string {
  try {
    return decodeURIComponent(escape(latin1(b)))
  } catch (error) {
    return latin1(b)
  }
}

function utf16(b: Uint8Array, bigEndian: boolean): string {
  let i = 0
  let be = bigEndian
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    be = b[0] === 0xfe
    i = 2
  }
  let s = ''
  for (; i + 1 < b.length; i += 2) s += String.fromCharCode(be ? (b[i]! << 8) | b[i + 1]! : (b[i + 1]! << 8) | b[i]!)
  return s
}

function decode(encoding: number, b: Uint8Array): string {
  if (encoding === 1) return utf16(b, false)
  if (encoding === 2) return utf16(b, true)
  if (encoding === 3) return utf8(b)
  return latin1(b)
}

/** Splits at the encoding's terminator (one zero byte, or two aligned for UTF-16): [first, rest]. */
function splitTerminated(encoding: number, b: Uint8Array): [Uint8Array, Uint8Array] {
  const wide = encoding === 1 || encoding === 2
  for (let i = 0; i < b.length; i += wide ? 2 : 1) {
    if (b[i] === 0 && (!wide || b[i + 1] === 0)) return [b.subarray(0, i), b.subarray(i + (wide ? 2 : 1))]
  }
  return [b, new Uint8Array(0)]
}

const stripNulls = (s: string) => s.replace(/\u0000+$/, '').trim()

/** A TXXX frame's description and value, or a WXXX frame's description and URL. */
export function readUserFrame(frame: Id3Frame): { description: string; value: string } | null {
  if ((frame.id !== 'TXXX' && frame.id !== 'WXXX') || frame.data.length < 2) return null
  const encoding = frame.data[0]!
  const [description, rest] = splitTerminated(encoding, frame.data.subarray(1))
  // WXXX's URL is always ISO-8859-1.
  const value = frame.id === 'WXXX' ? latin1(rest) : decode(encoding, rest)
  return { description: stripNulls(decode(encoding, description)), value: stripNulls(value) }
}

const ID_NAMES = ['x-article-id', 'article-id']
const URL_NAMES = ['x-article-url', 'article-url']
const WXXX_NAMES = [...URL_NAMES, 'article', '']
const DURATION_NAMES = ['x-article-duration', 'article-duration']

/** What one ID3 sample says about a story: its id, URL and duration (seconds), or null when it names none. */
export function articleFromId3(frames: readonly Id3Frame[]): { articleId: string | null; articleUrl: string | null; seconds: number | null } | null {
  let articleId: string | null = null
  let articleUrl: string | null = null
  let seconds: number | null = null
  for (const frame of frames) {
    const read = readUserFrame(frame)
    if (!read || !read.value) continue
    const name = read.description.toLowerCase()
    if (frame.id === 'WXXX') {
      if (WXXX_NAMES.indexOf(name) >= 0) articleUrl = read.value
    } else if (ID_NAMES.indexOf(name) >= 0) articleId = read.value
    else if (URL_NAMES.indexOf(name) >= 0) articleUrl = read.value
    else if (DURATION_NAMES.indexOf(name) >= 0) {
      const n = Number(read.value)
      if (n > 0 && Number.isFinite(n)) seconds = n
    }
  }
  return articleId || articleUrl ? { articleId, articleUrl, seconds } : null
}

/**
 * A sample's program date-time: the fragment's `programDateTime` (ms) plus the PTS's distance from
 * the fragment's `start` (both seconds on the media timeline). Null when the fragment has no date.
 */
export function sampleProgramDateTime(frag: { programDateTime?: number | null; start: number }, pts: number): number | null {
  const pdt = frag.programDateTime
  if (typeof pdt !== 'number' || !Number.isFinite(pdt) || !Number.isFinite(pts)) return null
  return Math.round(pdt + (pts - frag.start) * 1000)
}

/** The story mark an ID3 sample carries at `atMs`, or null. */
export function id3ArticleMark(bytes: Uint8Array, atMs: number | null): ArticleMark | null {
  if (atMs === null) return null
  const story = articleFromId3(parseId3Frames(bytes))
  if (!story) return null
  return {
    id: `id3:${atMs}`,
    start: atMs,
    end: story.seconds !== null ? atMs + story.seconds * 1000 : null,
    articleId: story.articleId,
    articleUrl: story.articleUrl,
  }
}
