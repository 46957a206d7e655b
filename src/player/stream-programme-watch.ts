/**
 * The programmes the stream announces in its playlist (EXT-X-DATERANGE with a programme CLASS,
 * src/schedule/stream-programmes.ts), as hls.js reads them at each playlist load or live refresh.
 * Kept here, outside LiveChannel: live-playback.ts attaches each new hls.js instance with the
 * channel it plays; the UI's schedules take the latest and each change. Native HLS (no hls.js)
 * exposes no date ranges: there the listing alone is shown.
 */
import Hls from 'hls.js'
import { Emitter } from '../lib/emitter'
import { programmesFromDateRanges } from '../schedule/stream-programmes'
import { dateRangeList, type DateRangeLike } from '../schedule/date-range-fields'
import type { Programme } from '../schedule/programme'

export interface StreamProgrammes {
  channelId: string
  programmes: Programme[]
}

type LevelEventData = { details?: { dateRanges?: Record<string, DateRangeLike | undefined> } }

function sameProgrammes(a: readonly Programme[], b: readonly Programme[]): boolean {
  return a.length === b.length && a.every((p, i) => p.start === b[i]!.start && p.end === b[i]!.end && p.title === b[i]!.title)
}

export class StreamProgrammeWatch {
  readonly events = new Emitter<{ programmes: StreamProgrammes }>()
  /** The last announced, for a listener that comes later (the UI starts after the picture). */
  latest: StreamProgrammes | null = null

  /** Follows `hls`, which plays `channelId`: its playlist loads and live refreshes. */
  attach(hls: Pick<Hls, 'on'>, channelId: string): void {
    const read = (_event: unknown, data: LevelEventData) => {
      const programmes = programmesFromDateRanges(dateRangeList(data.details?.dateRanges))
      if (this.latest && this.latest.channelId === channelId && sameProgrammes(this.latest.programmes, programmes)) return
      this.latest = { channelId, programmes }
      this.events.emit('programmes', this.latest)
    }
    hls.on(Hls.Events.LEVEL_LOADED, read)
    hls.on(Hls.Events.LEVEL_UPDATED, read)
  }
}
