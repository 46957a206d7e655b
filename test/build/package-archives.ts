/**
 * Readers for the two archive formats a webOS .ipk nests, so tests can open packages without
 * system tools: `ar` (the outer Debian-style container) and gzipped `tar` (its members).
 */
import { gunzipSync } from 'node:zlib'

const AR_MAGIC = '!<arch>\n'

/** ar: the magic line, then per member a 60-byte text header and the data, padded to even length. */
export function readAr(archive: Uint8Array): Map<string, Buffer> {
  const bytes = Buffer.from(archive)
  if (bytes.subarray(0, 8).toString('latin1') !== AR_MAGIC) throw new Error('not an ar archive')
  const members = new Map<string, Buffer>()
  let offset = 8
  while (offset + 60 <= bytes.length) {
    const header = bytes.subarray(offset, offset + 60).toString('latin1')
    if (header.slice(58, 60) !== '`\n') throw new Error(`bad ar header at ${offset}`)
    const name = header.slice(0, 16).trim().replace(/\/$/, '')
    const size = Number(header.slice(48, 58).trim())
    members.set(name, bytes.subarray(offset + 60, offset + 60 + size))
    offset += 60 + size + (size % 2)
  }
  return members
}

const field = (block: Buffer, start: number, length: number) => block.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '')

/** Regular files of a gzipped tar (ustar, with GNU long names), by path without a leading "./". */
export function readTarGz(archive: Uint8Array): Map<string, Buffer> {
  const bytes = gunzipSync(archive)
  const files = new Map<string, Buffer>()
  let longName: string | null = null
  for (let offset = 0; offset + 512 <= bytes.length; ) {
    const header = bytes.subarray(offset, offset + 512)
    if (header.every((b) => b === 0)) break
    const size = parseInt(field(header, 124, 12).trim() || '0', 8)
    const type = field(header, 156, 1) || '0'
    const prefix = field(header, 257, 6).startsWith('ustar') ? field(header, 345, 155) : ''
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
    const data = bytes.subarray(offset + 512, offset + 512 + size)
    longName = null
    if (type === 'L') longName = data.toString('utf8').replace(/\0.*$/s, '')
    else if (type === '0') files.set(name.replace(/^\.\//, ''), data)
    offset += 512 + Math.ceil(size / 512) * 512
  }
  return files
}
