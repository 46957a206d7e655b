/**
 * Bytes -> text for a feed. Feeds in ISO-8859-1 / windows-1252 are still common and say so only
 * in the HTTP header or the XML declaration, so `response.text()` (always UTF-8) would turn
 * "Café" into "Caf�". Order: a byte-order mark (it cannot lie about UTF-8/16, and browsers let
 * it win over labels too), the HTTP charset, the XML declaration, else UTF-8.
 */

/** windows-1252 bytes 0x80–0x9F. Where the standard leaves a byte undefined it maps to itself. */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

/** The character windows-1252 gives code 0x80–0x9F (also how HTML reads `&#147;`). */
export function windows1252Char(code: number): string {
  return String.fromCharCode(WINDOWS_1252_C1[code - 0x80] ?? code)
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '')
  const label = match ? (match[1] ?? match[2] ?? '').trim() : ''
  return label || null
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** The `encoding` of `<?xml … ?>`, read from the first bytes as ASCII (every label is ASCII). */
function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  let head = ''
  for (let i = 0; i < bytes.length && i < 512; i++) head += String.fromCharCode(bytes[i]!)
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)
  const label = match?.[1]
  // Bytes we could read as ASCII are not UTF-16, whatever the declaration claims.
  if (!label || /^utf-?16/i.test(label)) return null
  return label
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label)
  } catch {
    return null // an unknown label: fall through to the next source
  }
}

/**
 * Some TextDecoders (Node 20's ICU build among them) decode windows-1252 as plain ISO-8859-1, so
 * 0x80–0x9F come out as invisible C1 controls instead of € “ ” …; real text never holds those.
 */
function repairWindows1252(text: string): string {
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => windows1252Char(c.charCodeAt(0))) : text
}

export function decodeFeedBytes(input: ArrayBuffer | ArrayBufferView, contentType?: string | null): string {
  const bytes = ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input)
  const labels = [bomEncoding(bytes), charsetFromContentType(contentType), xmlDeclaredEncoding(bytes), 'utf-8']
  for (const label of labels) {
    const decoder = label ? decoderFor(label) : null
    if (!decoder) continue
    const text = decoder.decode(bytes)
    return decoder.encoding === 'windows-1252' ? repairWindows1252(text) : text
  }
  return new TextDecoder().decode(bytes)
}
