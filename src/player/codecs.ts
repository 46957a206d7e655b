/**
 * Codec strings (RFC 6381, as in an HLS `CODECS` attribute or a SourceBuffer MIME type) in words a
 * viewer and an installer know, and which renditions of a stream the engine can decode.
 */

const FAMILIES: Array<[RegExp, string]> = [
  [/^(hvc1|hev1)\b/i, 'HEVC'],
  [/^(avc1|avc3)\b/i, 'H.264'],
  [/^(dvh1|dvhe|dva1|dvav|dav1)\b/i, 'Dolby Vision'],
  [/^(vp09|vp9)\b/i, 'VP9'],
  [/^vp8\b/i, 'VP8'],
  [/^av01\b/i, 'AV1'],
  [/^(vvc1|vvi1)\b/i, 'VVC'],
  [/^mp4a\.(40|67)\.34$/i, 'MP3'],
  [/^mp4a\b/i, 'AAC'],
  [/^(ec-3|ec3)$/i, 'Dolby Digital Plus'],
  [/^(ac-3|ac3)$/i, 'Dolby Digital'],
  [/^ac-4\b/i, 'AC-4'],
  [/^opus$/i, 'Opus'],
  [/^(flac|fLaC)$/, 'FLAC'],
  [/^mp3$/i, 'MP3'],
]

/** "hvc1.1.6.L93.B0" → "HEVC"; an unknown codec keeps its four-character code. */
export function codecFamily(codec: string): string {
  const c = codec.trim()
  for (const [pattern, family] of FAMILIES) if (pattern.test(c)) return family
  return c.split('.')[0] || c
}

/** The codecs of a `CODECS` list or a MIME type's `codecs=` parameter, one string per codec. */
export function splitCodecs(codecs: string | undefined | null): string[] {
  if (!codecs) return []
  const param = /codecs\s*=\s*"?([^"]*)"?/i.exec(codecs)
  const list = param ? param[1]! : codecs
  return list.split(',').map((c) => c.trim()).filter((c) => c !== '')
}

/** "H.264/AAC" for ["avc1.4d401f", "mp4a.40.2"]: each family once, in order. */
export function formatFamilies(codecs: string[]): string {
  const families: string[] = []
  for (const codec of codecs) {
    const family = codecFamily(codec)
    if (families.indexOf(family) < 0) families.push(family)
  }
  return families.join('/')
}

/** Whether the engine decodes `codec` in MSE (the MIME type hls.js itself asks about). */
export type TypeSupport = (mimeType: string) => boolean

const AUDIO_ONLY = /^(mp4a|ec-3|ec3|ac-3|ac3|ac-4|opus|flac|mp3)\b/i

export function codecSupported(codec: string, isTypeSupported: TypeSupport): boolean {
  const type = AUDIO_ONLY.test(codec) ? 'audio' : 'video'
  return isTypeSupported(`${type}/mp4;codecs=${codec}`)
}

export interface RenditionCodecs {
  /** The rendition's CODECS list (e.g. "hvc1.1.6.L93.B0,mp4a.40.2"); empty when not declared. */
  codecs: string[]
}

export interface RenditionFilter {
  /** Indexes of the renditions the engine can decode (renditions that declare no codecs are kept). */
  decodable: number[]
  /** The codecs that made renditions undecodable, each once, in order. */
  undecodableCodecs: string[]
}

/** Which renditions to keep: those whose every declared codec the engine says it decodes. */
export function filterDecodableRenditions(renditions: RenditionCodecs[], isTypeSupported: TypeSupport): RenditionFilter {
  const decodable: number[] = []
  const undecodableCodecs: string[] = []
  renditions.forEach((rendition, index) => {
    const missing = rendition.codecs.filter((codec) => !codecSupported(codec, isTypeSupported))
    if (missing.length === 0) decodable.push(index)
    for (const codec of missing) if (undecodableCodecs.indexOf(codec) < 0) undecodableCodecs.push(codec)
  })
  return { decodable, undecodableCodecs }
}

/** The page's MSE answer (ManagedMediaSource where that is all there is); null without MSE. */
export function pageTypeSupport(): TypeSupport | null {
  const scope = typeof self !== 'undefined' ? (self as unknown as Record<string, { isTypeSupported?: TypeSupport } | undefined>) : {}
  const source = scope.MediaSource || scope.ManagedMediaSource
  return source && typeof source.isTypeSupported === 'function' ? (type) => source.isTypeSupported!(type) : null
}
