/**
 * The stories the playing stream marks (article-ranges.ts), as hls.js reads them: the date ranges
 * of each playlist load and live refresh, and the ID3 samples of each parsed fragment
 * (FRAG_PARSING_METADATA). Also where the playhead is on the program date-time clock
 * (`hls.playingDate`). live-playback.ts attaches each new hls.js instance with the channel it
 * plays, as it does for StreamProgrammeWatch. Native HLS (no hls.js): no stories.
 */
import Hls from 'hls.js'
import { dateRangeList, type DateRangeLike } from '../schedule/date-range-fields'
import { playingDateMs } from '../player/playback-figures'
import { articleMarksFromDateRanges, articleRanges, type ArticleMark, type ArticleRange } from './article-ranges'
import { id3ArticleMark, sampleProgramDateTime } from './id3-article-marks'

type LevelEventData = { details?: { dateRanges?: Record<string, DateRangeLike | undefined> } }
type MetadataEventData = { frag?: { programDateTime?: number | null; start: number }; samples?: Array<{ pts: number; data: Uint8Array }> }

/** ID3 marks kept per channel: the newest, enough for any live window. */
const MAX_ID3_MARKS = 50

interface Playing {
  hls: Pick<Hls, 'on'> & { playingDate?: Date | null }
  channelId: string
  playlistMarks: ArticleMark[]
  id3Marks: ArticleMark[]
}

export class StreamArticleWatch {
  private playing: Playing | null = null

  /** Follows `hls`, which plays `channelId` (the previous instance is forgotten). */
  attach(hls: Playing['hls'], channelId: string): void {
    const playing: Playing = { hls, channelId, playlistMarks: [], id3Marks: [] }
    this.playing = playing
    const read = (_event: unknown, data: LevelEventData) => {
      playing.playlistMarks = articleMarksFromDateRanges(dateRangeList(data.details?.dateRanges))
    }
    hls.on(Hls.Events.LEVEL_LOADED, read)
    hls.on(Hls.Events.LEVEL_UPDATED, read)
    hls.on(Hls.Events.FRAG_PARSING_METADATA, (_event: unknown, data: MetadataEventData) => {
      if (!data.frag || !data.samples) return
      for (const sample of data.samples) {
        const mark = id3ArticleMark(sample.data, sampleProgramDateTime(data.frag, sample.pts))
        if (!mark || playing.id3Marks.some((m) => m.id === mark.id)) continue
        playing.id3Marks.push(mark)
        if (playing.id3Marks.length > MAX_ID3_MARKS) playing.id3Marks.shift()
      }
    })
  }

  /** The channel the marks are about, or null before any stream. */
  get channelId(): string | null {
    return this.playing ? this.playing.channelId : null
  }

  /** The stories the playing stream marks, ends settled. */
  ranges(): ArticleRange[] {
    if (!this.playing) return []
    return articleRanges([...this.playing.playlistMarks, ...this.playing.id3Marks])
  }

  /** The playhead's program date-time (ms), or null (no hls.js, no EXT-X-PROGRAM-DATE-TIME, not playing yet). */
  playheadMs(): number | null {
    return playingDateMs(this.playing ? this.playing.hls : null)
  }
}
