/**
 * Which stories take the breaking-news bar, and when (pure; times passed in).
 * - Only NEW breaking stories: the first article list the app sees (at start or from the cache)
 *   is old news and never takes the bar; later lists add the breaking ids not seen before.
 * - One at a time, queued in arrival order, each shown `showMs`; an id is shown at most once.
 * - An emergency alert on the bar (src/alerts/alert-board.ts) wins: the breaking story waits
 *   (back at the head of the queue) until the alert bar is gone.
 * See docs/architecture.md (Alerts).
 */
import type { Article } from '../feed/article'

export interface BreakingStory {
  id: string
  headline: string
}

export class BreakingNewsQueue {
  private readonly seen = new Set<string>()
  private baselined = false
  private readonly waiting: BreakingStory[] = []
  private shown: BreakingStory | null = null
  private shownSince = 0

  constructor(private readonly showMs: number) {}

  /** A new article list from the feed. The first one only marks what is old news. */
  articles(list: readonly Pick<Article, 'id' | 'title' | 'breaking'>[]): void {
    for (const a of list) {
      if (this.seen.has(a.id)) continue
      this.seen.add(a.id)
      if (this.baselined && a.breaking && a.title) this.waiting.push({ id: a.id, headline: a.title })
    }
    this.baselined = true
  }

  /** Moves the bar on; true when the story on the bar changed (or went). */
  tick(now: number, alertOnBar: boolean): boolean {
    const before = this.shown
    if (this.shown && alertOnBar) {
      this.waiting.unshift(this.shown) // the alert wins; this story shows in full afterwards
      this.shown = null
    } else if (this.shown && now - this.shownSince >= this.showMs) {
      this.shown = null
    }
    if (!this.shown && !alertOnBar && this.waiting.length > 0) {
      this.shown = this.waiting.shift()!
      this.shownSince = now
    }
    return before !== this.shown
  }

  /** The story on the bar, or null. */
  get bar(): BreakingStory | null {
    return this.shown
  }

  /** When the story on the bar is due to go (null: none shown). */
  endsAt(): number | null {
    return this.shown ? this.shownSince + this.showMs : null
  }

  /** OK on the bar: the story to open (it leaves the bar), or null. */
  open(): BreakingStory | null {
    const s = this.shown
    this.shown = null
    return s
  }
}
