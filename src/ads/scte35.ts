/**
 * The little of SCTE-35 (splice_info_section) an ad break needs: whether a `splice_insert` leaves
 * the network (out_of_network_indicator: an ad starts) or returns to it, and its break_duration.
 * Everything else (time_signal, segmentation descriptors, encryption) reads as "not a splice
 * insert" (null). Input: the hex an `EXT-X-DATERANGE` carries (`SCTE35-OUT=0xFC30…`) or bytes.
 */

export interface SpliceInsert {
  eventId: number
  /** True: leaving the network for an ad; false: back to the programme. */
  outOfNetwork: boolean
  /** break_duration in seconds (90 kHz ticks / 90000), or null when the command has none. */
  breakDurationSeconds: number | null
}

/** `0xFC30…` (case-insensitive, `0x` optional) → bytes; null for anything that is not whole hex bytes. */
export function hexBytes(hex: string): Uint8Array | null {
  const digits = hex.trim().replace(/^0x/i, '')
  if (digits.length === 0 || digits.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(digits)) return null
  const bytes = new Uint8Array(digits.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.substr(i * 2, 2), 16)
  return bytes
}

/** 33-bit values (PTS, durations) as a number: the top bit of the first byte, then four bytes. */
function read33(bytes: Uint8Array, at: number): number {
  return (bytes[at]! & 0x01) * 0x100000000 + ((bytes[at + 1]! << 24) >>> 0) + (bytes[at + 2]! << 16) + (bytes[at + 3]! << 8) + bytes[at + 4]!
}

const SPLICE_INFO_TABLE_ID = 0xfc
const SPLICE_INSERT = 0x05
/** table_id … splice_command_type: 14 bytes before the command itself. */
const COMMAND_AT = 14

/** The splice_insert a splice_info_section carries, or null (another command, cancelled, truncated, encrypted). */
export function readSpliceInsert(input: Uint8Array | string): SpliceInsert | null {
  const bytes = typeof input === 'string' ? hexBytes(input) : input
  if (!bytes || bytes.length < COMMAND_AT + 6 || bytes[0] !== SPLICE_INFO_TABLE_ID) return null
  if (bytes[4]! & 0x80) return null // encrypted_packet
  if (bytes[13] !== SPLICE_INSERT) return null
  let at = COMMAND_AT
  const eventId = ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!
  at += 4
  if (bytes[at]! & 0x80) return null // splice_event_cancel_indicator
  at += 1
  const flags = bytes[at]!
  at += 1
  const outOfNetwork = (flags & 0x80) !== 0
  const programSplice = (flags & 0x40) !== 0
  const hasDuration = (flags & 0x20) !== 0
  const immediate = (flags & 0x10) !== 0
  const spliceTimeLength = (offset: number) => (offset < bytes.length && bytes[offset]! & 0x80 ? 5 : 1)
  if (programSplice) {
    if (!immediate) at += spliceTimeLength(at)
  } else {
    const components = bytes[at] ?? 0
    at += 1
    for (let i = 0; i < components; i++) {
      at += 1 // component_tag
      if (!immediate) at += spliceTimeLength(at)
    }
  }
  let breakDurationSeconds: number | null = null
  if (hasDuration) {
    if (at + 5 > bytes.length) return null
    breakDurationSeconds = read33(bytes, at) / 90000
  }
  return { eventId, outOfNetwork, breakDurationSeconds }
}
