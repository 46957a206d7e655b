/**
 * Programmes the stream announces itself, as HLS `EXT-X-DATERANGE` tags (hls.js hands them over
 * parsed, in a level's `dateRanges`). A date range is a programme when its `CLASS` is
 * `PROGRAMME_CLASS` or any reverse-DNS name whose last part is `programme`/`program`
 * (`com.example.programme`): a newsroom keeps its own namespace. Its title is `X-TITLE`
 * (a range without one is not shown), with `X-DESCRIPTION`, `X-CATEGORY`, `X-EPISODE`, `X-RATING`.
 * It ends at `END-DATE`, else `START-DATE` + `DURATION` (or `PLANNED-DURATION`); an open range
 * ends where the stream's next programme starts.
 */
import { byStart, programme, type Programme } from './programme'
import { dateRangeAttr, dateRangeTimes, type DateRangeLike } from './date-range-fields'

/** The CLASS the demo streams and the README use. */
export const PROGRAMME_CLASS = 'com.livenews.programme'

export function isProgrammeClass(cls: string | undefined | null): boolean {
  return !!cls && /(?:^|\.)(?:programme|program)$/i.test(cls.trim())
}

function text(attr: Record<string, unknown>, key: string): string {
  return dateRangeAttr(attr, key) ?? ''
}

/** The programmes among `ranges` (hls.js's `details.dateRanges` values). */
export function programmesFromDateRanges(ranges: Iterable<DateRangeLike>): Programme[] {
  const open: { start: number; end: number | null; title: string; attr: Record<string, unknown> }[] = []
  for (const range of ranges) {
    if (!isProgrammeClass(range.class)) continue
    const times = dateRangeTimes(range)
    const title = text(range.attr, 'X-TITLE')
    if (!times || !title) continue
    open.push({ start: times.start, end: times.end, title, attr: range.attr })
  }
  open.sort((a, b) => a.start - b.start)
  const programmes: Programme[] = []
  open.forEach((p, i) => {
    const end = p.end ?? open.slice(i + 1).find((q) => q.start > p.start)?.start ?? null
    if (end === null || end <= p.start) return
    programmes.push(
      programme({
        start: p.start,
        end,
        title: p.title,
        description: text(p.attr, 'X-DESCRIPTION'),
        category: text(p.attr, 'X-CATEGORY'),
        episode: text(p.attr, 'X-EPISODE'),
        rating: text(p.attr, 'X-RATING'),
        source: 'stream',
      }),
    )
  })
  return programmes.sort(byStart)
}
