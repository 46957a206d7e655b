/**
 * The part of hls.js the live channel uses, and the wiring of its events to the channel: which
 * events matter and what each hands on. What hls.js is configured with is hls-config.ts's.
 */
import Hls, { type ErrorData, type HlsConfig } from 'hls.js'
import { splitCodecs } from './codecs'
import { resetAudioParserOnInitSegments } from './webkit-audio-parser-reset'
import type { MediaEngine } from './media-engine'
import type { FatalErrorKind } from './recovery-policy'
import type { LoadedFragment } from './playback-figures'
import type { RenditionLevel } from './format-check'
import type { HlsAudioTrack } from './audio-tracks'

/** The part of hls.js LiveChannel uses; tests drive a mock of it through hls.js's real events. */
export type HlsEngine = Pick<
  Hls,
  | 'on' | 'loadSource' | 'attachMedia' | 'startLoad' | 'stopLoad' | 'recoverMediaError'
  | 'swapAudioCodec' | 'destroy' | 'levels' | 'currentLevel' | 'latency' | 'removeLevel'
>

export type CreateHls = (config: Partial<HlsConfig>) => HlsEngine

/** What the channel does with hls.js's events. */
export interface HlsEventHandlers {
  error(data: ErrorData): void
  /** The master's renditions as declared (before hls.js filters them). */
  manifestLoaded(levels: ReadonlyArray<RenditionLevel>): void
  manifestParsed(): void
  /** The codecs the stream's init segment carries. */
  streamCodecs(codecs: string[]): void
  /** hls.js switched to rendition `level`, which declares `declaredBitrate` bit/s (0: none). */
  levelSwitched(level: number, declaredBitrate: number): void
  fragmentLoaded(frag: LoadedFragment): void
  /** The alternate audio renditions were listed (pick one) or one was switched to. */
  audioTracksListed(): void
  audioTrackSwitched(): void
}

/** A new hls.js instance with `config`, its events going to `handlers`. */
export function createWiredHls(create: CreateHls | undefined, config: Partial<HlsConfig>, mediaEngine: MediaEngine, handlers: HlsEventHandlers): HlsEngine {
  const hls = (create ?? ((c) => new Hls(c)))(config)
  // WebKit's GStreamer MSE drops audio after a re-appended init segment (webkit-audio-parser-reset.ts).
  if (mediaEngine === 'webkit-gstreamer') resetAudioParserOnInitSegments(hls)
  hls.on(Hls.Events.ERROR, (_event, data) => handlers.error(data))
  hls.on(Hls.Events.MANIFEST_LOADED, (_event, data) => handlers.manifestLoaded(data.levels))
  hls.on(Hls.Events.MANIFEST_PARSED, () => handlers.manifestParsed())
  hls.on(Hls.Events.BUFFER_CODECS, (_event, data) => {
    const codecs: string[] = []
    for (const track of Object.values(data as Record<string, { codec?: string; levelCodec?: string } | undefined>)) {
      codecs.push(...splitCodecs(track && (track.codec || track.levelCodec)))
    }
    handlers.streamCodecs(codecs)
  })
  hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => {
    const level = hls.levels[data.level]
    if (level) handlers.levelSwitched(data.level, level.bitrate)
  })
  hls.on(Hls.Events.FRAG_LOADED, (_event, data) => handlers.fragmentLoaded(data.frag))
  hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, () => handlers.audioTracksListed())
  hls.on(Hls.Events.AUDIO_TRACK_SWITCHED, () => handlers.audioTrackSwitched())
  return hls
}

/** The hls.js errors that mean the engine decodes none of the stream's formats: nothing to retry. */
export function isFormatFailure(details: string): boolean {
  const D = Hls.ErrorDetails
  return details === D.MANIFEST_INCOMPATIBLE_CODECS_ERROR || details === D.BUFFER_ADD_CODEC_ERROR || details === D.BUFFER_INCOMPATIBLE_CODECS_ERROR
}

/** The recovery policy's kind for a fatal hls.js error, and the HTTP status the server answered (0: none). */
export function fatalErrorOf(data: ErrorData): { kind: FatalErrorKind; httpStatus: number } {
  const kind: FatalErrorKind =
    data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'network' : data.type === Hls.ErrorTypes.MEDIA_ERROR ? 'media' : 'other'
  // The server answered, with an error (hls.js's network error carries the response).
  const httpStatus = kind === 'network' && data.response && typeof data.response.code === 'number' ? data.response.code : 0
  return { kind, httpStatus }
}

type WithAudioTracks = HlsEngine & { audioTracks?: HlsAudioTrack[]; audioTrack?: number }

/** hls.js's alternate audio renditions and the index of the one playing (-1: none). */
export function hlsAudioTracks(hls: HlsEngine | null): { tracks: HlsAudioTrack[]; current: number } {
  const withAudio = hls as WithAudioTracks | null
  const tracks = withAudio && Array.isArray(withAudio.audioTracks) ? withAudio.audioTracks.slice() : []
  return { tracks, current: tracks.length > 0 && typeof withAudio!.audioTrack === 'number' ? withAudio!.audioTrack : -1 }
}

/** Plays hls.js's audio rendition at `index` (one it lists, not the one playing). */
export function switchHlsAudioTrack(hls: HlsEngine, index: number): void {
  const withAudio = hls as WithAudioTracks
  if (index < 0 || index >= hlsAudioTracks(hls).tracks.length || withAudio.audioTrack === index) return
  withAudio.audioTrack = index
}

/**
 * Attaches `url` to `video`: through hls.js (`create`) when asked to or, on 'auto', where the page
 * has MSE; else natively (Safari, WebKit TVs). Throws when the engine can do neither.
 */
export function attachSource(
  video: HTMLVideoElement,
  url: string,
  engine: 'auto' | 'hlsjs' | 'native',
  isHlsSupported: (() => boolean) | undefined,
  create: () => HlsEngine,
): { engineInUse: 'hlsjs' | 'native'; hls: HlsEngine | null } {
  if (engine === 'hlsjs' || (engine === 'auto' && (isHlsSupported ?? (() => Hls.isSupported()))())) {
    const hls = create()
    hls.attachMedia(video)
    hls.loadSource(url)
    return { engineInUse: 'hlsjs', hls }
  }
  if (!video.canPlayType('application/vnd.apple.mpegurl')) {
    throw new Error('This device can play neither HLS through Media Source Extensions nor natively')
  }
  video.src = url
  video.load()
  return { engineInUse: 'native', hls: null }
}
