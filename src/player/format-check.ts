/**
 * Which of a channel's codecs this engine cannot decode, so a channel in a format the TV does not
 * play fails at once, naming the format ("HEVC", "H.264/AAC"), instead of retrying for good.
 * Fed from the master's declared renditions, hls.js's BUFFER_CODECS (what the stream really
 * carries) and a SourceBuffer the engine refused (BUFFER_ADD_CODEC_ERROR).
 */
import { codecSupported, filterDecodableRenditions, formatFamilies, pageTypeSupport, splitCodecs, type TypeSupport } from './codecs'
import type { HlsEngine } from './hls-engine'

/** A rendition as hls.js lists it (the fields read here). */
export interface RenditionLevel {
  attrs?: { CODECS?: string }
  videoCodec?: string
  audioCodec?: string
}

export class FormatCheck {
  /** Codecs of this channel the engine said it cannot decode (from the manifest or a SourceBuffer). */
  private undecodable: string[] = []
  /** The codecs hls.js read from the stream's init segment (BUFFER_CODECS), for naming a format it could not play. */
  private streamCodecs: string[] = []

  /** @param isTypeSupported what the engine decodes through MSE (undefined: the page's; null: ask nothing) */
  constructor(private readonly isTypeSupported: TypeSupport | null | undefined) {}

  /** A new channel: nothing known yet. */
  reset(): void {
    this.undecodable = []
    this.streamCodecs = []
  }

  /** The master's renditions as declared: notes those the engine cannot decode; true when none is left. */
  noneDecodable(levels: ReadonlyArray<RenditionLevel>): boolean {
    const isTypeSupported = this.typeSupport()
    if (!isTypeSupported || levels.length === 0) return false
    const filter = filterDecodableRenditions(levels.map(renditionCodecs), isTypeSupported)
    addMissing(this.undecodable, filter.undecodableCodecs)
    return filter.decodable.length === 0
  }

  /** hls.js skips undecodable renditions itself; this makes sure of it (never the last one left). */
  dropUndecodableLevels(hls: HlsEngine): void {
    const isTypeSupported = this.typeSupport()
    if (!isTypeSupported) return
    const levels = hls.levels as unknown as ReadonlyArray<RenditionLevel>
    const filter = filterDecodableRenditions(levels.map(renditionCodecs), isTypeSupported)
    if (filter.decodable.length === 0 || filter.decodable.length === levels.length) return
    addMissing(this.undecodable, filter.undecodableCodecs)
    for (let i = levels.length - 1; i >= 0; i--) if (filter.decodable.indexOf(i) < 0) hls.removeLevel(i)
  }

  /** hls.js read these codecs from the stream (BUFFER_CODECS). */
  streamCarries(codecs: string[]): void {
    addMissing(this.streamCodecs, codecs)
  }

  /**
   * A SourceBuffer the engine would not make names the codec (hls.js then drops that rendition).
   * hls.js reports a later SourceBuffer failing after the first as the same error: only a codec
   * the engine says it does not decode is named for sure.
   */
  sourceBufferRefused(mimeType: string): void {
    const codecs = splitCodecs(mimeType)
    const missing = this.refusedCodecs(codecs) ?? []
    if (missing.length > 0) addMissing(this.undecodable, missing)
    else addMissing(this.streamCodecs, codecs)
  }

  /**
   * Whether the engine itself said it cannot decode one of this channel's codecs (a declared
   * rendition, a refused SourceBuffer or the init segment's codecs). hls.js reports a codec
   * error on corrupt data too: without the engine's word that is not proof of a format it lacks.
   */
  engineRefusedACodec(): boolean {
    if (this.undecodable.length > 0) return true
    const refused = this.refusedCodecs(this.streamCodecs)
    return !!refused && refused.length > 0
  }

  /** The format to name when the channel cannot be played ("HEVC", "H.264/AAC"), or null when unknown. */
  undecodableFamily(): string | null {
    const named = this.undecodable.length > 0 ? this.undecodable : this.undecodableStreamCodecs()
    return named.length > 0 ? formatFamilies(named) : null
  }

  /** Of the codecs read from the stream, those the engine says it cannot decode (all of them if it says nothing). */
  private undecodableStreamCodecs(): string[] {
    const missing = this.refusedCodecs(this.streamCodecs)
    return missing && missing.length > 0 ? missing : this.streamCodecs
  }

  /** Of `codecs`, those the engine says it cannot decode; null when there is no engine to ask. */
  private refusedCodecs(codecs: string[]): string[] | null {
    const isTypeSupported = this.typeSupport()
    return isTypeSupported ? codecs.filter((codec) => !codecSupported(codec, isTypeSupported)) : null
  }

  private typeSupport(): TypeSupport | null {
    return this.isTypeSupported === undefined ? pageTypeSupport() : this.isTypeSupported
  }
}

/** A rendition's declared codecs: its CODECS attribute, else what hls.js read of it. */
function renditionCodecs(level: RenditionLevel): { codecs: string[] } {
  const declared = splitCodecs(level.attrs && level.attrs.CODECS)
  if (declared.length > 0) return { codecs: declared }
  return { codecs: [level.videoCodec, level.audioCodec].filter((c): c is string => !!c) }
}

/** Appends each of `items` not in `list` yet (codec lists stay short and ordered). */
function addMissing(list: string[], items: string[]): void {
  for (const item of items) if (list.indexOf(item) < 0) list.push(item)
}
