/**
 * The captions of the channel as lines of text, for the app to draw itself. hls.js runs with
 * `renderTextTracksNatively: false`, so instead of filling a <track> it hands over each parsed
 * batch of cues (CUES_PARSED); this keeps a bounded list of them and, as the picture plays, emits
 * the lines of the cues active at `video.currentTime` whenever they change.
 *
 * WebVTT subtitle tracks are the source. In-band CEA-608 cues (type 'captions') are used only when
 * the stream has no subtitle track, so a stream with both never shows the same words twice.
 */
import Hls, { type CuesParsedData, type SubtitleTrackSwitchData } from 'hls.js'
import type { Clock, TimerId } from '../lib/clock'
import { Emitter } from '../lib/emitter'

/** The part of hls.js captions need; tests drive a mock through hls.js's real event names. */
export type SubtitleHls = Pick<Hls, 'on' | 'off' | 'subtitleTracks' | 'subtitleTrack' | 'subtitleDisplay' | 'setSubtitleOption'>
export type CaptionVideo = Pick<HTMLVideoElement, 'currentTime' | 'paused' | 'playbackRate' | 'addEventListener' | 'removeEventListener'>

/** A parsed cue as hls.js hands it over (a VTTCue, or hls.js's own when VTTCue is missing). */
export interface TimedCue {
  id?: string
  startTime: number
  endTime: number
  text: string
}

export interface CaptionTrackEvents extends Record<string, unknown> {
  /** The lines to show now, oldest first; [] when nothing is to be shown. */
  cues: string[]
}

export interface CaptionTrackOptions {
  /** Cues that ended this long before the playhead are forgotten (a live stream never ends). */
  keepBehindSeconds?: number
  /** At most this many cues are kept, the ones ending last. */
  maxCues?: number
}

/** Timers shorter than this would fire before the media clock has visibly moved. */
const MIN_WAIT_MS = 20

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" }

/** WebVTT cue text to plain lines: markup (<i>, <c.yellow>, <v Anchor>) dropped, entities decoded. */
export function cueLines(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, name: string) => ENTITIES[name]!)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

export class CaptionTrack {
  readonly events = new Emitter<CaptionTrackEvents>()
  private hls: SubtitleHls | null = null
  private video: CaptionVideo | null = null
  private enabled = false
  private cues: TimedCue[] = []
  private shown: string[] = []
  private timer: TimerId | null = null
  private trackId = -1
  private readonly keepBehindSeconds: number
  private readonly maxCues: number

  private readonly onCuesParsed = (_event: string, data: CuesParsedData) => this.addCues(data)
  private readonly onSourceLoading = () => this.clearCues()
  // Another track's cues (another language) must not linger; hls.js re-announcing the same one is no reason to blank.
  private readonly onTrackSwitch = (_event: string, data: SubtitleTrackSwitchData) => {
    if (data.id !== this.trackId) this.clearCues()
    this.trackId = data.id
  }
  private readonly onMediaTime = () => this.update()

  constructor(private readonly clock: Clock, options: CaptionTrackOptions = {}) {
    this.keepBehindSeconds = options.keepBehindSeconds ?? 30
    this.maxCues = options.maxCues ?? 200
  }

  /** Follows this hls.js instance on this <video>; a LiveChannel that rebuilds hls.js calls it again. */
  attach(hls: SubtitleHls, video: CaptionVideo): void {
    this.detach()
    this.hls = hls
    this.video = video
    hls.on(Hls.Events.CUES_PARSED, this.onCuesParsed)
    hls.on(Hls.Events.MANIFEST_LOADING, this.onSourceLoading)
    hls.on(Hls.Events.SUBTITLE_TRACK_SWITCH, this.onTrackSwitch)
    for (const name of ['timeupdate', 'seeked', 'playing', 'pause'] as const) video.addEventListener(name, this.onMediaTime)
    this.selectTrack()
  }

  detach(): void {
    const { hls, video } = this
    if (hls) {
      hls.off(Hls.Events.CUES_PARSED, this.onCuesParsed)
      hls.off(Hls.Events.MANIFEST_LOADING, this.onSourceLoading)
      hls.off(Hls.Events.SUBTITLE_TRACK_SWITCH, this.onTrackSwitch)
    }
    if (video) for (const name of ['timeupdate', 'seeked', 'playing', 'pause'] as const) video.removeEventListener(name, this.onMediaTime)
    this.hls = null
    this.video = null
    this.trackId = -1
    this.clearCues()
  }

  setEnabled(on: boolean): void {
    if (on === this.enabled) return
    this.enabled = on
    this.selectTrack()
    this.clearCues()
  }

  get isEnabled(): boolean {
    return this.enabled
  }

  /** The lines last emitted. */
  get lines(): readonly string[] {
    return this.shown
  }

  destroy(): void {
    this.detach()
    this.events.removeAll()
  }

  /**
   * Setting `subtitleTrack` only works once hls.js knows the tracks, and hls.js resets it to its
   * own default each time it (re)builds the track list, right after SUBTITLE_TRACKS_UPDATED. A
   * subtitle preference is what it consults then: `{}` matches the first track, whenever it comes.
   */
  private selectTrack(): void {
    const hls = this.hls
    if (!hls) return
    hls.subtitleDisplay = this.enabled
    if (this.enabled) {
      hls.setSubtitleOption({})
    } else {
      hls.setSubtitleOption(undefined)
      hls.subtitleTrack = -1
    }
  }

  private addCues(data: CuesParsedData): void {
    if (!this.enabled || !this.hls) return
    if (data.type === 'captions' && this.hls.subtitleTracks.length > 0) return
    const now = this.video ? this.video.currentTime : 0
    const known = new Set(this.cues.map(cueKey))
    for (const cue of data.cues as TimedCue[]) {
      // A cue spanning two segments arrives with each of them.
      if (!known.has(cueKey(cue))) this.cues.push({ id: cue.id, startTime: cue.startTime, endTime: cue.endTime, text: cue.text })
      known.add(cueKey(cue))
    }
    this.cues = this.cues.filter((cue) => cue.endTime >= now - this.keepBehindSeconds)
    if (this.cues.length > this.maxCues) this.cues = this.cues.sort((a, b) => a.endTime - b.endTime).slice(-this.maxCues)
    this.update()
  }

  private clearCues(): void {
    this.cues = []
    this.update()
  }

  /** Emits the active lines if they changed, and wakes up at the next cue boundary while playing. */
  private update(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    const video = this.video
    const now = video ? video.currentTime : 0
    const active = this.enabled && video ? this.cues.filter((cue) => cue.startTime <= now && now < cue.endTime) : []
    const lines = active.sort((a, b) => a.startTime - b.startTime).reduce<string[]>((all, cue) => all.concat(cueLines(cue.text)), [])
    if (lines.join('\n') !== this.shown.join('\n')) {
      this.shown = lines
      this.events.emit('cues', lines)
    }
    if (!video || video.paused || !this.enabled) return
    // timeupdate comes only every 250 ms or so; a timer puts each change on its frame.
    const next = this.cues.reduce((soonest, cue) => {
      const boundary = cue.startTime > now ? cue.startTime : cue.endTime > now ? cue.endTime : Infinity
      return Math.min(soonest, boundary)
    }, Infinity)
    if (next === Infinity) return
    const rate = video.playbackRate > 0 ? video.playbackRate : 1
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      this.update()
    }, Math.max(MIN_WAIT_MS, ((next - now) * 1000) / rate))
  }
}

function cueKey(cue: TimedCue): string {
  return `${cue.startTime.toFixed(3)}|${cue.endTime.toFixed(3)}|${cue.text}`
}
