/**
 * The kiosk's article spotlight: which story to show next (a pure policy) and when (a class on
 * the injected Clock). Newest first, each story once per round, so a lobby sees every story in
 * turn and a story that breaks mid-round goes next.
 */
import type { Article } from '../feed/article'
import type { Clock, TimerId } from '../lib/clock'
import { Emitter } from '../lib/emitter'
import { handoffUrl } from '../qr/qr-code'

export interface SpotlightPick {
  article: Article | null
  /** Ids shown so far this round, including the pick; only ids still in the feed are kept. */
  shown: Set<string>
}

/** A story the spotlight can carry: a headline and a link a phone may open. */
function canSpotlight(article: Article): boolean {
  return article.title !== '' && article.url !== null && handoffUrl(article.url) !== null
}

/** Newest first; undated stories after dated ones, in feed order. */
function newestFirst(articles: Article[]): Article[] {
  return articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => (b.article.published ?? -Infinity) - (a.article.published ?? -Infinity) || a.index - b.index)
    .map((entry) => entry.article)
}

/**
 * The next story: the newest not yet shown this round. When every story has been shown a new
 * round starts, skipping `lastId` so the same story never shows twice in a row while others exist.
 */
export function pickSpotlight(articles: Article[], shown: ReadonlySet<string>, lastId: string | null): SpotlightPick {
  const candidates = newestFirst(articles.filter(canSpotlight))
  const current = new Set(candidates.map((a) => a.id).filter((id) => shown.has(id)))
  const unseen = candidates.find((a) => !current.has(a.id))
  if (unseen) return { article: unseen, shown: current.add(unseen.id) }
  const restart = candidates.find((a) => a.id !== lastId) ?? candidates[0] ?? null
  return { article: restart, shown: restart ? new Set([restart.id]) : new Set() }
}

export interface SpotlightRotationOptions {
  clock: Clock
  /** Start-to-start period. */
  everyMs: number
  /** How long each spotlight stays up (shorter than the period). */
  showMs: number
  articles: () => Article[]
  /** True while no spotlight may come in (an ad break): the turn waits `HELD_RETRY_MS` and asks again. */
  held?: () => boolean
}

/** How soon a held spotlight (during an ad break) asks again: it comes in soon after the break. */
export const HELD_RETRY_MS = 2000

export interface SpotlightRotationEvents extends Record<string, unknown> {
  show: Article
  hide: undefined
}

/** Every `everyMs` shows the next story for `showMs`; with no story to show, tries again a period later. */
export class SpotlightRotation {
  readonly events = new Emitter<SpotlightRotationEvents>()
  private shown = new Set<string>()
  private lastId: string | null = null
  private showing = false
  private timer: TimerId | null = null

  constructor(private readonly options: SpotlightRotationOptions) {}

  get isShowing(): boolean {
    return this.showing
  }

  /** The first spotlight comes one period after start: the picture comes first at launch. */
  start(): void {
    if (this.timer !== null || this.showing) return
    this.after(this.options.everyMs, () => this.showNext())
  }

  stop(): void {
    this.cancelTimer()
    this.hide()
  }

  private showNext(): void {
    if (this.options.held && this.options.held()) {
      this.after(HELD_RETRY_MS, () => this.showNext())
      return
    }
    const pick = pickSpotlight(this.options.articles(), this.shown, this.lastId)
    this.shown = pick.shown
    if (!pick.article) {
      this.after(this.options.everyMs, () => this.showNext())
      return
    }
    this.lastId = pick.article.id
    this.showing = true
    this.events.emit('show', pick.article)
    const { everyMs, showMs } = this.options
    this.after(showMs, () => {
      this.hide()
      this.after(Math.max(0, everyMs - showMs), () => this.showNext())
    })
  }

  private hide(): void {
    if (!this.showing) return
    this.showing = false
    this.events.emit('hide', undefined)
  }

  private after(ms: number, fn: () => void): void {
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null
      fn()
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
