/**
 * Is the playhead in an ad break: the one `adBreak` source of the app. Follows the hls.js instance
 * that plays the tuned channel (live-playback.ts attaches each new one, as for the stream's
 * programmes): at each playlist load and live refresh (LEVEL_LOADED / LEVEL_UPDATED) it reads the
 * markers (src/ads/ad-markers.ts: cue tags on the fragments, SCTE-35 date ranges) into breaks
 * (src/ads/ad-breaks.ts, kept across refreshes), and every `tickMs` it compares them with the
 * playhead's program date-time (`hls.playingDate`), emitting `adBreak` on each change.
 * Native HLS (no hls.js) exposes neither tags nor the playhead's date: `adBreak` stays false.
 */
import Hls from 'hls.js'
import type { Clock, TimerId } from '../lib/clock'
import { Emitter } from '../lib/emitter'
import { cueMarkers, dateRangeMarkers, type AdDateRangeLike, type SegmentLike } from '../ads/ad-markers'
import { adBreaks, breakAt, type AdBreak } from '../ads/ad-breaks'
import { dateRangeList } from '../schedule/date-range-fields'
import { playingDateMs } from './playback-figures'

type LevelEventData = {
  details?: { fragments?: Array<SegmentLike | null>; dateRanges?: Record<string, AdDateRangeLike | undefined> }
}

/** The part of hls.js the watch uses. */
export type AdWatchedHls = Pick<Hls, 'on'> & { readonly playingDate: Date | null }

export const AD_TICK_MS = 500

export class AdBreakWatch {
  readonly events = new Emitter<{ adBreak: boolean }>()
  private hls: AdWatchedHls | null = null
  private channelId: string | null = null
  private breaks: AdBreak[] = []
  private inBreak = false
  private timer: TimerId | null = null

  constructor(private readonly clock: Clock, private readonly tickMs = AD_TICK_MS) {}

  /** True while the playhead is in an ad break. */
  get adBreak(): boolean {
    return this.inBreak
  }

  /** The breaks known on the tuned channel (program date-time), for tests and QA. */
  get knownBreaks(): readonly AdBreak[] {
    return this.breaks
  }

  /** Follows `hls`, which plays `channelId` (another channel's breaks are forgotten). */
  attach(hls: AdWatchedHls, channelId: string): void {
    if (channelId !== this.channelId) this.breaks = []
    this.hls = hls
    this.channelId = channelId
    const read = (_event: unknown, data: LevelEventData) => {
      if (this.hls !== hls) return
      const details = data.details
      if (!details) return
      this.breaks = adBreaks(this.breaks, [...cueMarkers(details.fragments ?? []), ...dateRangeMarkers(dateRangeList(details.dateRanges))])
      this.check()
    }
    hls.on(Hls.Events.LEVEL_LOADED, read)
    hls.on(Hls.Events.LEVEL_UPDATED, read)
    this.check()
    this.schedule()
  }

  /** Nothing plays through hls.js any more (native HLS, or stopped): no break. */
  detach(): void {
    this.hls = null
    this.breaks = []
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.set(false)
  }

  private schedule(): void {
    if (this.timer !== null) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      if (!this.hls) return
      this.check()
      this.schedule()
    }, this.tickMs)
  }

  private check(): void {
    const at = playingDateMs(this.hls)
    this.set(at !== null && breakAt(this.breaks, at) !== null)
  }

  private set(inBreak: boolean): void {
    if (inBreak === this.inBreak) return
    this.inBreak = inBreak
    this.events.emit('adBreak', inBreak)
  }
}
