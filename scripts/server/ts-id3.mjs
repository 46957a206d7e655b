// @ts-check
/**
 * Timed ID3 metadata in MPEG-TS, for the demo's "stories as ID3" mode (demo-story-ranges.mjs):
 * an ID3v2.4 tag of TXXX frames, and a segment with an ID3 elementary stream (PMT stream_type
 * 0x15, the HLS timed-metadata convention) carrying that tag at a PTS. Pure byte work, no I/O.
 */

const PACKET = 188
/** The PID the ID3 stream gets (unused by the demo's ffmpeg-made segments: 0x100 video, 0x101 audio, 0x1000 PMT). */
export const ID3_PID = 0x1f00

/** @param {number} n */
const synchsafe = (n) => [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]

/**
 * An ID3v2.4 tag of TXXX frames (UTF-8): description → value.
 * @param {Array<[string, string]>} fields
 * @returns {Buffer}
 */
export function id3Tag(fields) {
  const frames = fields.map(([description, value]) => {
    const body = Buffer.concat([Buffer.from([3]), Buffer.from(description, 'utf8'), Buffer.from([0]), Buffer.from(value, 'utf8')])
    return Buffer.concat([Buffer.from('TXXX', 'latin1'), Buffer.from(synchsafe(body.length)), Buffer.from([0, 0]), body])
  })
  const body = Buffer.concat(frames)
  return Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([4, 0, 0, ...synchsafe(body.length)]), body])
}

/** CRC-32/MPEG-2 of a PSI section. @param {Uint8Array} bytes */
function crc32Mpeg2(bytes) {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte << 24
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? ((crc << 1) ^ 0x04c11db7) >>> 0 : (crc << 1) >>> 0
  }
  return crc >>> 0
}

/** A byte (0 past the end). @param {Uint8Array} b @param {number} i */
const at = (b, i) => b[i] ?? 0

/** @param {Uint8Array} b @param {number} i */
const pidAt = (b, i) => ((at(b, i + 1) & 0x1f) << 8) | at(b, i + 2)

/** Where a packet's payload starts (after any adaptation field). @param {Uint8Array} b @param {number} i */
const payloadStart = (b, i) => (at(b, i + 3) & 0x20 ? i + 5 + at(b, i + 4) : i + 4)

/**
 * `ts` with an ID3 elementary stream declared in every PMT and, when `tag` is given, one PES of it at
 * `pts` (90 kHz) appended. The PMT must fit one packet (ffmpeg's always does).
 * @param {Buffer} ts
 * @param {{ tag?: Buffer, pts?: number }} [id3]
 * @returns {Buffer}
 */
export function withId3Stream(ts, { tag, pts = 0 } = {}) {
  const out = Buffer.from(ts)
  let pmtPid = -1
  for (let i = 0; i + PACKET <= out.length; i += PACKET) {
    if (at(out, i) !== 0x47 || !(at(out, i + 1) & 0x40)) continue // sync byte, payload unit start
    const pid = pidAt(out, i)
    const p = payloadStart(out, i)
    const section = p + 1 + at(out, p) // after the pointer field
    if (pid === 0) pmtPid = ((at(out, section + 10) & 0x1f) << 8) | at(out, section + 11)
    else if (pid === pmtPid && at(out, section) === 0x02) {
      const length = ((at(out, section + 1) & 0x0f) << 8) | at(out, section + 2)
      const end = section + 3 + length // after the CRC
      if (end + 5 > i + PACKET) continue
      const entry = [0x15, 0xe0 | (ID3_PID >> 8), ID3_PID & 0xff, 0xf0, 0x00]
      const body = Buffer.concat([out.subarray(section, end - 4), Buffer.from(entry)])
      const newLength = length + 5
      body[1] = (at(body, 1) & 0xf0) | (newLength >> 8)
      body[2] = newLength & 0xff
      const crc = crc32Mpeg2(body)
      Buffer.concat([body, Buffer.from([crc >>> 24, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff])]).copy(out, section)
    }
  }
  if (!tag) return out
  return Buffer.concat([out, pesPackets(tag, pts)])
}

/** The ID3 PES (private_stream_1, PTS only) cut into TS packets on ID3_PID. @param {Buffer} tag @param {number} pts */
function pesPackets(tag, pts) {
  const ptsBytes = [
    0x21 | (Math.floor(pts / 2 ** 29) & 0x0e),
    (Math.floor(pts / 2 ** 22)) & 0xff,
    ((Math.floor(pts / 2 ** 14)) & 0xfe) | 1,
    (Math.floor(pts / 2 ** 7)) & 0xff,
    ((pts * 2) & 0xfe) | 1,
  ]
  const header = [0, 0, 1, 0xbd, ((tag.length + 8) >> 8) & 0xff, (tag.length + 8) & 0xff, 0x80, 0x80, 5, ...ptsBytes]
  const pes = Buffer.concat([Buffer.from(header), tag])
  /** @type {Buffer[]} */
  const packets = []
  for (let at = 0, cc = 0; at < pes.length; cc = (cc + 1) & 0x0f) {
    const chunk = pes.subarray(at, at + 184)
    at += chunk.length
    const first = packets.length === 0
    const stuffing = 184 - chunk.length
    const head = [0x47, (first ? 0x40 : 0) | (ID3_PID >> 8), ID3_PID & 0xff]
    if (stuffing === 0) packets.push(Buffer.concat([Buffer.from([...head, 0x10 | cc]), chunk]))
    else {
      // An adaptation field of stuffing fills the packet: its length byte, then flags and 0xFF.
      const adaptation = stuffing === 1 ? [0] : [stuffing - 1, 0, ...new Array(stuffing - 2).fill(0xff)]
      packets.push(Buffer.concat([Buffer.from([...head, 0x30 | cc, ...adaptation]), chunk]))
    }
  }
  return Buffer.concat(packets)
}

/**
 * The PTS (90 kHz) of the first PES in `ts` that carries one, or null.
 * @param {Uint8Array} ts
 * @returns {number | null}
 */
export function firstPts(ts) {
  for (let i = 0; i + PACKET <= ts.length; i += PACKET) {
    if (at(ts, i) !== 0x47 || !(at(ts, i + 1) & 0x40) || pidAt(ts, i) === 0) continue
    const p = payloadStart(ts, i)
    if (at(ts, p) !== 0 || at(ts, p + 1) !== 0 || at(ts, p + 2) !== 1 || !(at(ts, p + 7) & 0x80)) continue
    const b = ts.subarray(p + 9, p + 14)
    return (at(b, 0) & 0x0e) * 2 ** 29 + at(b, 1) * 2 ** 22 + (at(b, 2) & 0xfe) * 2 ** 14 + at(b, 3) * 2 ** 7 + (at(b, 4) >> 1)
  }
  return null
}
