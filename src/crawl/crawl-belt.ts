/**
 * Where each crawl item sits at any moment: a pure, time-based model (px per second, never
 * per frame). Headlines ride a belt from the right edge to the left; when the tail has fully
 * entered the viewport the next headline of the rotation joins behind it. New headlines join at
 * the tail without moving anything on screen; removed ones finish crossing. The component maps
 * the (few) items on the belt onto a small pool of text elements: the crawl is never one giant
 * texture.
 */
import type { Headline } from './crawl-headlines'

export interface BeltItem {
  /** Unique per trip across the screen (the same headline comes round again with a new key). */
  key: number
  headline: Headline
  /** Left edge, px from the viewport's left. */
  x: number
  width: number
}

export interface CrawlBeltOptions {
  viewportWidth: number
  speedPxPerSecond: number
  gapPx: number
  /** Width in px the headline will take on screen (label included). */
  measure: (headline: Headline) => number
  /** Most items on the belt at once: the size of the component's element pool. */
  maxItems: number
}

export class CrawlBelt {
  items: BeltItem[] = []
  private rotation: Headline[] = []
  /** Headlines new since the last update: they go next, at the tail, ahead of the rotation. */
  private fresh: Headline[] = []
  private nextIndex = 0
  private nextKey = 1

  constructor(private readonly options: CrawlBeltOptions) {}

  /** Replaces the rotation. Items already on the belt keep going; the next pick follows on. */
  setHeadlines(headlines: Headline[]): void {
    const lastOnBelt = this.items[this.items.length - 1]
    if (this.rotation.length > 0) {
      const known = new Set(this.rotation.map((h) => h.id))
      this.fresh = this.fresh.concat(headlines.filter((h) => !known.has(h.id)))
    }
    const ids = new Set(headlines.map((h) => h.id))
    this.fresh = this.fresh.filter((h) => ids.has(h.id))
    this.rotation = headlines.slice()
    // Continue after the headline at the tail, if it is still in the rotation; else from the top.
    const after = lastOnBelt ? this.rotation.findIndex((h) => h.id === lastOnBelt.headline.id) : -1
    this.nextIndex = after >= 0 ? after + 1 : 0
    this.fill()
  }

  get isEmpty(): boolean {
    return this.rotation.length === 0 && this.items.length === 0
  }

  /** Moves the belt on by `ms` of real time. */
  advance(ms: number): void {
    if (ms <= 0) return
    const dx = (this.options.speedPxPerSecond * ms) / 1000
    for (const item of this.items) item.x -= dx
    while (this.items.length > 0 && this.items[0]!.x + this.items[0]!.width < 0) this.items.shift()
    this.fill()
  }

  setSpeed(pxPerSecond: number): void {
    this.options.speedPxPerSecond = pxPerSecond
  }

  /** Headlines visible in the viewport, left to right. */
  visible(): BeltItem[] {
    return this.items.filter((i) => i.x < this.options.viewportWidth && i.x + i.width > 0)
  }

  private fill(): void {
    const { viewportWidth, gapPx, maxItems } = this.options
    while (this.rotation.length > 0 && this.items.length < maxItems) {
      const tail = this.items[this.items.length - 1]
      const tailEnd = tail ? tail.x + tail.width + gapPx : viewportWidth
      if (tailEnd > viewportWidth) return
      if (this.nextIndex >= this.rotation.length) this.nextIndex = 0
      const headline = this.fresh.shift() ?? this.rotation[this.nextIndex++]!
      this.items.push({ key: this.nextKey++, headline, x: tailEnd, width: this.options.measure(headline) })
    }
  }
}
