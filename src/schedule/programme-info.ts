/**
 * The programme schedules as the UI and the automation ask for them: the now/next lines of a
 * channel (ChannelBanner, InfoOverlay) and the snapshot's `programme`. Asking for a channel starts
 * loading its listing (once). Built by the composition root with the stream's own programmes
 * (player/stream-programme-watch.ts) fed in.
 *
 * "Now" is what the viewer watches: on a channel played behind live (the Guide's "Watch from
 * start", on after a pause) it is the programme under the playhead, not the one on air.
 */
import { systemClock, type Clock, type TimerId } from '../lib/clock'
import type { AppConfig } from '../config/app-config'
import type { FeedFetch } from '../feed/feed-http'
import type { StreamProgrammeWatch } from '../player/stream-programme-watch'
import { ChannelSchedules } from './channel-schedules'
import { programmeLines, snapshotProgramme, type ProgrammeLines, type SnapshotProgramme } from './programme-lines'
import { programmeTimeFormatter } from './schedule-time'

export class ProgrammeInfo {
  /** The TV's zone and 12/24 h habit (the engine's Intl defaults). */
  private readonly format = programmeTimeFormatter()

  /**
   * @param watchingAt the program date-time under the playhead (ms) when `channelId` is the tuned
   *   channel played behind live; null: live, so the clock's now
   */
  constructor(
    readonly schedules: ChannelSchedules,
    private readonly clock: Clock = systemClock,
    private readonly watchingAt: (channelId: string) => number | null = () => null,
  ) {}

  /** The instant whose programme is "now" on `channelId`. */
  private instant(channelId: string): number {
    const at = this.watchingAt(channelId)
    return at !== null && isFinite(at) ? at : this.clock.now()
  }

  lines(channelId: string): ProgrammeLines | null {
    this.schedules.load(channelId)
    const at = this.instant(channelId)
    const lines = programmeLines(this.schedules.nowNext(channelId, at), at, this.format)
    if (lines) return lines
    // A listing that failed says so where the programme would be, not only in the console.
    const problem = this.schedules.problem(channelId)
    return problem ? { now: problem, next: '', progress: null } : null
  }

  /**
   * Calls `show` with `channelId`'s lines now, again when its schedule changes, at each programme
   * boundary and at least each minute (the progress bar), until the returned stop is called: the
   * info overlay stays right while it is open.
   */
  follow(channelId: string, show: (lines: ProgrammeLines | null) => void): () => void {
    let timer: TimerId | null = null
    const update = () => {
      if (timer !== null) this.clock.clearTimeout(timer)
      show(this.lines(channelId))
      const at = this.instant(channelId)
      const nn = this.schedules.nowNext(channelId, at)
      const boundary = Math.min(nn?.now?.end ?? Infinity, nn?.next?.start ?? Infinity) - at
      timer = this.clock.setTimeout(update, Math.max(1000, Math.min(60_000, boundary)))
    }
    const off = this.schedules.events.on('changed', (id) => {
      if (id === channelId) update()
    })
    update()
    return () => {
      off()
      if (timer !== null) this.clock.clearTimeout(timer)
      timer = null
    }
  }

  snapshot(channelId: string): SnapshotProgramme | null {
    this.schedules.load(channelId)
    return snapshotProgramme(this.schedules.nowNext(channelId, this.instant(channelId)))
  }
}

/**
 * The schedules for `config`'s channels, the stream's programmes fed in, every channel's listing
 * loading (the tuned one first), so a channel change finds its programme already there.
 */
export function startProgrammeInfo(
  config: AppConfig,
  stream: StreamProgrammeWatch,
  firstChannelId: string,
  watchingAt: (channelId: string) => number | null = () => null,
): ProgrammeInfo {
  const schedules = new ChannelSchedules({
    channels: config.channels,
    fetch: ((url, init) => fetch(url, init)) as FeedFetch,
    clock: systemClock,
    refreshMinutes: config.schedule.refreshMinutes,
    maxBytes: config.schedule.maxBytes,
    report: (message) => console.warn(message),
  })
  if (stream.latest) schedules.setStreamProgrammes(stream.latest.channelId, stream.latest.programmes)
  stream.events.on('programmes', ({ channelId, programmes }) => schedules.setStreamProgrammes(channelId, programmes))
  schedules.load(firstChannelId)
  for (const channel of config.channels) schedules.load(channel.id)
  return new ProgrammeInfo(schedules, systemClock, watchingAt)
}
