/**
 * What the channel plays, in figures (the automation snapshot, QoE): position, picture height,
 * bitrate, latency. A media playlist (no master) declares no BANDWIDTH and hls.js's one level says
 * 0 for height and bitrate: then the picture's own height and a bitrate measured from the last
 * fragments loaded stand in.
 */
import type { HlsEngine } from './hls-engine'

export interface PlaybackFigures {
  currentTime: number
  levelHeight: number | null
  bitrate: number | null
  latency: number | null
}

/** The measured bitrate (for a playlist that declares none) is over this many recent fragments. */
const MEASURED_FRAGMENTS = 6

/** A fragment as hls.js's FRAG_LOADED reports it (the fields read here). */
export interface LoadedFragment {
  type?: string
  level?: number
  duration?: number
  stats?: { loaded?: number; total?: number }
}

/**
 * The playhead's program date-time (hls.js `playingDate`, ms since the epoch), or null: no hls.js,
 * a playlist without EXT-X-PROGRAM-DATE-TIME, not playing yet, or an instance already destroyed.
 */
export function playingDateMs(hls: { readonly playingDate?: Date | null } | null): number | null {
  let date: Date | null | undefined = null
  try {
    date = hls ? hls.playingDate : null
  } catch {
    return null // a destroyed instance
  }
  const ms = date ? date.getTime() : NaN
  return Number.isFinite(ms) ? ms : null
}

/** The playlist details of the level hls.js is playing, or null before it has them. */
export function currentLevelDetails(hls: HlsEngine | null): { live?: boolean; targetduration?: number } | null {
  const level = hls && hls.currentLevel >= 0 ? hls.levels[hls.currentLevel] : undefined
  const details = level && (level as { details?: { live?: boolean; targetduration?: number } }).details
  return details || null
}

/** Bits per second over the last main fragments loaded, per level. */
export class MeasuredBitrate {
  private fragments: Array<{ level: number; bytes: number; seconds: number }> = []
  /** The rendition now playing declares no bitrate: report the measured one once it is known. */
  private pending = false

  reset(): void {
    this.fragments = []
    this.pending = false
  }

  /** hls.js switched to `level` declaring `declared` bit/s (0: none): the bitrate to report, or null (later). */
  levelSwitched(level: number, declared: number): number | null {
    const bitrate = declared > 0 ? declared : this.of(level)
    this.pending = bitrate === null
    return bitrate
  }

  /** A fragment arrived while `currentLevel` plays: the measured bitrate, if one is now due to be reported. */
  fragmentLoaded(frag: LoadedFragment, currentLevel: number): number | null {
    if (frag.type !== 'main' || !frag.stats || !(frag.duration! > 0)) return null
    const bytes = frag.stats.loaded || frag.stats.total || 0
    if (!(bytes > 0)) return null
    const level = typeof frag.level === 'number' ? frag.level : -1
    this.fragments.push({ level, bytes, seconds: frag.duration! })
    if (this.fragments.length > MEASURED_FRAGMENTS) this.fragments.shift()
    const measured = currentLevel === level ? this.of(level) : null
    if (!this.pending || measured === null) return null
    this.pending = false
    return measured
  }

  /** Bits per second of the last fragments of `level` loaded (bytes × 8 / their duration), or null before any. */
  of(level: number): number | null {
    let bytes = 0
    let seconds = 0
    for (const f of this.fragments) {
      if (f.level !== level) continue
      bytes += f.bytes
      seconds += f.seconds
    }
    return seconds > 0 ? Math.round((bytes * 8) / seconds) : null
  }
}

/** The figures of what plays on `video` through `hls` (null: native); `ended`: the stream is over. */
export function readFigures(video: HTMLVideoElement | null, hls: HlsEngine | null, measured: MeasuredBitrate, ended: boolean): PlaybackFigures {
  const level = hls && hls.currentLevel >= 0 ? hls.levels[hls.currentLevel] : undefined
  const latency = hls ? hls.latency : NaN
  const details = currentLevelDetails(hls)
  // Live: no EXT-X-ENDLIST in the playlist playing, and the stream has not ended.
  const live = !ended && (!details || details.live !== false)
  return {
    currentTime: video ? video.currentTime : 0,
    // A media playlist's level says 0 for both: the picture's own height and the measured bitrate.
    levelHeight: level && level.height > 0 ? level.height : video && video.videoHeight ? video.videoHeight : null,
    bitrate: level && level.bitrate > 0 ? level.bitrate : measured.of(hls ? hls.currentLevel : -1),
    // Latency is a live stream's: none for a VOD or an event that ended (EXT-X-ENDLIST).
    latency: live && isFinite(latency) && latency > 0 ? latency : null,
  }
}
