/**
 * The "On air" state: which marked story (stream-article-watch.ts) the playhead is in, the feed
 * article it names and the QR URL with the live moment. Polled (every POLL_MS) because the
 * playhead moves on its own; `changed` fires when what shows changes. A story whose article is
 * not in the feed shows nothing (logged once per range).
 */
import { Emitter } from '../lib/emitter'
import type { Clock, TimerId } from '../lib/clock'
import type { Article } from '../feed/article'
import { handoffUrl } from '../qr/qr-code'
import { activeRange, matchArticle, onAirShown, withLiveMoment, type ArticleRange } from './article-ranges'

export const POLL_MS = 500

export interface OnAir {
  range: ArticleRange
  article: Article
  /** What the chip's QR code encodes: the article URL with tracking and `t=`; null without a usable URL. */
  qrUrl: string | null
}

/** As `window.automation.snapshot().onAir` reports it. */
export interface SnapshotOnAir {
  articleId: string
  headline: string
  qr: string | null
}

export interface OnAirSources {
  watch: { ranges(): ArticleRange[]; playheadMs(): number | null }
  /** The feed's articles now (none without a feed): a new list when the feed changes (HeadlineStore replaces its list). */
  articles: () => readonly Article[]
  /** settings' qr.tracking. */
  tracking: Record<string, string>
  clock: Clock
  log?: (message: string) => void
}

export class OnAirService {
  readonly events = new Emitter<{ changed: OnAir | null }>()
  private active: ArticleRange | null = null
  private shown: OnAir | null = null
  private adBreak = false
  private readonly unmatched = new Set<string>()
  private timer: TimerId | null = null
  /** The last range's article and QR URL: matched again only when the range or the feed's list changes, not every tick. */
  private matched: { range: ArticleRange; articles: readonly Article[]; article: Article | null; qrUrl: string | null } | null = null

  constructor(private readonly sources: OnAirSources) {}

  start(): void {
    if (this.timer !== null) return
    const loop = () => {
      this.tick()
      this.timer = this.sources.clock.setTimeout(loop, POLL_MS)
    }
    loop()
  }

  stop(): void {
    if (this.timer !== null) this.sources.clock.clearTimeout(this.timer)
    this.timer = null
  }

  /** An ad break (the ad-break watch says so) hides the chip until it ends. */
  setAdBreak(adBreak: boolean): void {
    this.adBreak = adBreak
    this.tick()
  }

  /** What the chip shows, or null. */
  get current(): OnAir | null {
    return this.shown
  }

  /** The START-DATE of the story on air (matched or not), for every article QR while it lasts; null: none. */
  liveMoment(): number | null {
    return this.active ? this.active.start : null
  }

  snapshot(): SnapshotOnAir | null {
    const s = this.shown
    return s ? { articleId: s.article.id, headline: s.article.title, qr: s.qrUrl } : null
  }

  tick(): void {
    const range = activeRange(this.sources.watch.ranges(), this.sources.watch.playheadMs())
    this.active = range
    const matched = range ? this.match(range) : null
    const article = matched ? matched.article : null
    if (range && !article && !this.unmatched.has(range.id)) {
      this.unmatched.add(range.id)
      ;(this.sources.log ?? console.warn)(`[on air] story ${range.id} names ${range.articleId ?? range.articleUrl}, not in the feed: no chip`)
    }
    const next: OnAir | null =
      range && article && onAirShown(range, article, this.adBreak)
        ? { range, article, qrUrl: matched!.qrUrl }
        : null
    const same = next === this.shown || (!!next && !!this.shown && next.range.id === this.shown.range.id && next.article.id === this.shown.article.id && next.qrUrl === this.shown.qrUrl)
    if (same) return
    this.shown = next
    this.events.emit('changed', next)
  }

  /** `range`'s feed article and the QR URL for it (tracking, `t=`): the last answer while neither the range nor the feed changed. */
  private match(range: ArticleRange): { article: Article | null; qrUrl: string | null } {
    const articles = this.sources.articles()
    const last = this.matched
    if (last && last.articles === articles && sameRange(last.range, range)) return last
    const article = matchArticle(range, articles)
    const qrUrl = article && article.url ? withLiveMomentOrNull(handoffUrl(article.url, this.sources.tracking), range.start) : null
    this.matched = { range, articles, article, qrUrl }
    return this.matched
  }
}

/** The same story mark: what matching and the QR URL read of it. */
function sameRange(a: ArticleRange, b: ArticleRange): boolean {
  return a.id === b.id && a.start === b.start && a.articleId === b.articleId && a.articleUrl === b.articleUrl
}

function withLiveMomentOrNull(url: string | null, momentMs: number): string | null {
  return url ? withLiveMoment(url, momentMs) : null
}
