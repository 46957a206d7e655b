// @ts-check
/**
 * The demo channels' ad breaks, as a packager marks them in the live media playlists (a source for
 * the server's `markers` hook, live-window.mjs `WindowMarkers`). Pure: a function of the clock
 * (the segments' program date-times) and the cadence, so every reload and every test agrees.
 *
 * A break is due every `everySeconds` of wall-clock time, at `offsetFraction` of the period, for
 * `breakSeconds`; the segments whose start falls in that span are the break (so it starts and ends
 * on segment boundaries, as a real splice does). Two ways of marking it, one per channel:
 *   news  (cue):       #EXT-X-CUE-OUT:DURATION=<s> on its first segment, #EXT-X-CUE-OUT-CONT:ElapsedTime=<s>,Duration=<s>
 *                      on the others, #EXT-X-CUE-IN on the first segment after it;
 *   world (daterange): #EXT-X-DATERANGE:ID="ad-world-<n>",START-DATE=…,DURATION=<s>,SCTE35-OUT=0x<splice_insert>
 *                      while any segment of the break is in the window.
 */

/** @typedef {{ everySeconds: number, breakSeconds: number }} AdCadence */
/** @typedef {{ style: 'cue' | 'daterange', offsetFraction: number }} AdChannelStyle */

/** What `npm start` airs: a 30 s break every 5 minutes. */
export const DEFAULT_AD_CADENCE = Object.freeze({ everySeconds: 300, breakSeconds: 30 })

/**
 * Which demo channels carry breaks, how they are marked and where in the period they fall (the
 * two channels break at different times, so tuning from one into the other's break is possible).
 * @type {Readonly<Record<string, AdChannelStyle>>}
 */
export const DEMO_AD_CHANNELS = Object.freeze({
  news: { style: 'cue', offsetFraction: 0 },
  world: { style: 'daterange', offsetFraction: 0.5 },
})

/**
 * The nominal span of the break around `ms`, or null outside one.
 * @param {number} ms
 * @param {AdCadence} cadence
 * @param {number} offsetFraction  0..1 of the period
 * @returns {{ index: number, startMs: number, endMs: number } | null}
 */
export function nominalBreakAt(ms, cadence, offsetFraction) {
  const everyMs = cadence.everySeconds * 1000
  const offsetMs = Math.round(offsetFraction * everyMs)
  const index = Math.floor((ms - offsetMs) / everyMs)
  const startMs = index * everyMs + offsetMs
  const endMs = startMs + cadence.breakSeconds * 1000
  return ms >= startMs && ms < endMs ? { index, startMs, endMs } : null
}

/**
 * The break segment `sequence` (starting at `startMs`) belongs to: where its first segment starts
 * and how long it lasts, on the loop's segment grid; null when the segment is not in a break.
 * @param {number} sequence
 * @param {number} startMs
 * @param {(sequence: number) => number} durationMsOf  the duration of segment `sequence`
 * @param {AdCadence} cadence
 * @param {number} offsetFraction
 */
export function breakOfSegment(sequence, startMs, durationMsOf, cadence, offsetFraction) {
  const nominal = nominalBreakAt(startMs, cadence, offsetFraction)
  if (!nominal) return null
  let firstMs = startMs
  for (let k = sequence; k > 0 && firstMs - durationMsOf(k - 1) >= nominal.startMs; k--) firstMs -= durationMsOf(k - 1)
  let endMs = startMs
  for (let k = sequence; endMs < nominal.endMs; k++) endMs += durationMsOf(k)
  return { index: nominal.index, firstMs, durationMs: endMs - firstMs }
}

/**
 * A marker source for startDemoServer's `markers`: the ad breaks of the channels in `channels`.
 * @param {{ cadence?: AdCadence, channels?: Readonly<Record<string, AdChannelStyle>> }} [options]
 * @returns {(channel: import('./demo-channels.mjs').DemoChannel, window: import('./live-window.mjs').LiveWindow) => import('./live-window.mjs').WindowMarkers}
 */
export function demoAdBreaks({ cadence = DEFAULT_AD_CADENCE, channels = DEMO_AD_CHANNELS } = {}) {
  return (channel, window) => {
    const style = channels[channel.id]
    if (!style) return {}
    const loop = channel.segments
    const durationMsOf = (/** @type {number} */ k) => Math.round(/** @type {number} */ (loop[k % loop.length]?.duration) * 1000)
    const breakOf = (/** @type {number} */ k, /** @type {number} */ startMs) => breakOfSegment(k, startMs, durationMsOf, cadence, style.offsetFraction)
    const seconds = (/** @type {number} */ ms) => (ms / 1000).toFixed(3)
    if (style.style === 'cue') {
      return {
        beforeSegment: (s) => {
          const current = breakOf(s.sequence, s.startMs)
          const previous = s.sequence > 0 ? breakOf(s.sequence - 1, s.startMs - durationMsOf(s.sequence - 1)) : null
          /** @type {string[]} */
          const lines = []
          if (previous && (!current || current.index !== previous.index)) lines.push('#EXT-X-CUE-IN')
          if (current && current.firstMs === s.startMs) lines.push(`#EXT-X-CUE-OUT:DURATION=${seconds(current.durationMs)}`)
          else if (current) lines.push(`#EXT-X-CUE-OUT-CONT:ElapsedTime=${seconds(s.startMs - current.firstMs)},Duration=${seconds(current.durationMs)}`)
          return lines
        },
      }
    }
    /** @type {Map<number, { firstMs: number, durationMs: number }>} */
    const breaks = new Map()
    for (const s of window.segments) {
      const b = breakOf(s.sequence, s.startMs)
      if (b && !breaks.has(b.index)) breaks.set(b.index, b)
    }
    return {
      header: [...breaks].map(
        ([index, b]) =>
          `#EXT-X-DATERANGE:ID="ad-${channel.id}-${index}",START-DATE="${new Date(b.firstMs).toISOString()}",DURATION=${seconds(b.durationMs)},` +
          `SCTE35-OUT=0x${spliceInsertHex(index >>> 0, b.durationMs / 1000)}`,
      ),
    }
  }
}

/**
 * A splice_info_section with one splice_insert: out of network now (splice_immediate), for
 * `breakSeconds` with auto return, CRC-32 included, as hex.
 * @param {number} eventId
 * @param {number} breakSeconds
 * @returns {string}
 */
export function spliceInsertHex(eventId, breakSeconds) {
  const ticks = Math.round(breakSeconds * 90000)
  const command = [
    (eventId >>> 24) & 0xff, (eventId >>> 16) & 0xff, (eventId >>> 8) & 0xff, eventId & 0xff,
    0x7f, // splice_event_cancel_indicator 0, reserved
    0xff, // out_of_network 1, program_splice 1, duration 1, splice_immediate 1, reserved
    0xfe | (Math.floor(ticks / 0x100000000) & 0x01), // auto_return 1, reserved, duration bit 32
    (ticks >>> 24) & 0xff, (ticks >>> 16) & 0xff, (ticks >>> 8) & 0xff, ticks & 0xff,
    0x00, 0x01, // unique_program_id
    0x00, 0x00, // avail_num, avails_expected
  ]
  const afterLength = [
    0x00, // protocol_version
    0x00, 0x00, 0x00, 0x00, 0x00, // encrypted_packet 0, encryption_algorithm 0, pts_adjustment 0
    0xff, // cw_index
    0xff, 0xf0 | ((command.length >> 8) & 0x0f), command.length & 0xff, // tier 0xFFF, splice_command_length
    0x05, // splice_insert
    ...command,
    0x00, 0x00, // descriptor_loop_length
  ]
  const sectionLength = afterLength.length + 4
  const section = [0xfc, 0x30 | ((sectionLength >> 8) & 0x0f), sectionLength & 0xff, ...afterLength]
  const crc = crc32Mpeg(section)
  section.push((crc >>> 24) & 0xff, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff)
  return Buffer.from(section).toString('hex').toUpperCase()
}

/**
 * CRC-32/MPEG-2 (polynomial 0x04C11DB7, not reflected), as splice_info_section ends with.
 * @param {number[]} bytes
 */
export function crc32Mpeg(bytes) {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte << 24
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1
  }
  return crc >>> 0
}
