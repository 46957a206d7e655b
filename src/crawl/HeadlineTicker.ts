/**
 * The headline crawl: a Router widget (it lives across pages) across the bottom of the picture.
 * A CrawlBelt says where each headline is; this component only maps the belt's few items onto a
 * fixed pool of text elements, moves them by real elapsed time, and shows a clock. It hides while
 * there has never been a headline (unless it has a notice to show in their place: setNotice) and
 * stops moving while hidden.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { CrawlBelt } from './crawl-belt'
import { crawlLabel, type Headline } from './crawl-headlines'
import type { CrawlSettings } from './crawl-preferences'
import { clockFormatter } from './clock-text'
import { CrawlSlot, CRAWL_FONT_SIZE, LABEL_FONT_SIZE, LABEL_PAD, LABEL_TEXT } from './CrawlSlot'
import { Router } from '@lightningjs/sdk'
import { articlePath } from '../browse/article-path'
import { DEFAULT_CONFIG } from '../config/defaults'

const BAR_H = 64
const POOL_SIZE = 8
const GAP = 90
const BRAND_W = 250
/** Room for "12:59 PM" as well as "23:59". */
const CLOCK_W = 150
const VIEW_X = theme.safe.x + BRAND_W + 20
const VIEW_W = 1920 - theme.safe.x - CLOCK_W - 20 - VIEW_X

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

export class HeadlineTicker extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    const slots: Record<string, Template> = {}
    for (let i = 0; i < POOL_SIZE; i++) slots[`Slot-${i}`] = { type: CrawlSlot }
    return {
      // 6 px of room under the bar for the kiosk pixel shift, so it never leaves the title-safe area.
      y: 1080 - theme.safe.y - BAR_H - 6,
      w: 1920,
      h: BAR_H,
      alpha: 0,
      Bar: { rect: true, w: 1920, h: BAR_H, color: theme.color.bar },
      Brand: {
        x: theme.safe.x,
        rect: true,
        w: BRAND_W,
        h: BAR_H,
        color: theme.color.brand,
        Name: {
          x: BRAND_W / 2,
          y: BAR_H / 2 + 2,
          mount: 0.5,
          text: { text: 'HEADLINES', fontFace: theme.font.face, fontSize: 28, fontStyle: 'bold', textColor: theme.color.text },
        },
      },
      Viewport: { x: VIEW_X, w: VIEW_W, h: BAR_H, clipping: true, ...slots },
      Notice: {
        x: VIEW_X,
        y: BAR_H / 2 + 2,
        mountY: 0.5,
        visible: false,
        text: { text: '', fontFace: theme.font.face, fontSize: CRAWL_FONT_SIZE, textColor: theme.color.textDim },
      },
      Clock: {
        x: 1920 - theme.safe.x,
        y: BAR_H / 2 + 2,
        mountX: 1,
        mountY: 0.5,
        text: { text: '', fontFace: theme.font.face, fontSize: CRAWL_FONT_SIZE, textColor: theme.color.textDim },
      },
    }
  }

  private beltInstance: CrawlBelt | null = null
  /** The TV's zone and 12/24 h habit (crawl/clock-text.ts). */
  private readonly formatClock = clockFormatter()
  private measureCtx: CanvasRenderingContext2D | null = null
  private slotKeys: Array<number | null> = new Array(POOL_SIZE).fill(null)
  /** Crawl time per real time: 1 normally; the soak benchmark speeds the crawl's clock up. */
  timeScale = 1
  private onFrame = () => this.step(this.stage.dt * 1000 * this.timeScale)
  private clockTimer: ReturnType<typeof setInterval> | null = null
  private everHadHeadlines = false
  private crawlEnabled = true
  private notice: string | null = null

  /** Created on first use: the App may configure the widget before the widget's own _init. */
  private get belt(): CrawlBelt {
    if (!this.beltInstance) {
      this.beltInstance = new CrawlBelt({
        viewportWidth: VIEW_W,
        // Until the App configures it (settings.json, the viewer's choice): the default.
        speedPxPerSecond: DEFAULT_CONFIG.ticker.speedPxPerSecond,
        gapPx: GAP,
        maxItems: POOL_SIZE,
        measure: (h) => this.measure(h),
      })
    }
    return this.beltInstance
  }

  override _init(): void {
    this.stage.on('frameStart', this.onFrame)
    this.updateClock()
    this.clockTimer = setInterval(() => this.updateClock(), 1000)
  }

  override _detach(): void {
    this.stage.off('frameStart', this.onFrame)
    if (this.clockTimer) clearInterval(this.clockTimer)
    this.clockTimer = null
  }

  /** Through applyCrawlPreferences (crawl-preferences.ts), which knows the viewer's choices. */
  configure(options: CrawlSettings & { brand?: string }): void {
    this.belt.setSpeed(options.speedPxPerSecond)
    this.crawlEnabled = options.enabled
    if (options.brand) this.tag('Brand.Name').text.text = options.brand.toUpperCase()
    this.updateVisibility()
  }

  setHeadlines(headlines: Headline[]): void {
    if (headlines.length > 0) this.everHadHeadlines = true
    this.belt.setHeadlines(headlines)
    this.setNotice(this.everHadHeadlines ? null : this.notice)
  }

  /** A short line in place of headlines (see crawlNotice), or null. Headlines, once any came, win. */
  setNotice(text: string | null): void {
    this.notice = text
    const shown = text !== null && !this.everHadHeadlines
    this.tag('Notice').patch({ visible: shown, text: { text: shown ? text : '' } })
    this.updateVisibility()
  }

  private updateVisibility(): void {
    // `alpha` rather than the Router's `visible`, so the Router can still show/hide the widget per route.
    const content = this.everHadHeadlines || this.notice !== null
    this.alpha = this.crawlEnabled && content ? 1 : 0
  }

  // While a viewer picks a headline the crawl holds still: a moving target is hard to hit.
  private picking: number | null = null

  override _focus(): void {
    const visible = this.belt.visible().filter((i) => i.x >= 0)
    const first = visible[0] ?? this.belt.visible()[0]
    this.picking = first ? first.key : null
    this._refocus()
  }

  override _unfocus(): void {
    this.picking = null
  }

  override _getFocused(): Lightning.Component {
    const s = this.picking === null ? -1 : this.slotKeys.indexOf(this.picking)
    return s >= 0 ? this.slot(s) : this
  }

  override _handleLeft(): boolean {
    return this.movePick(-1)
  }

  override _handleRight(): boolean {
    return this.movePick(1)
  }

  override _handleEnter(): boolean {
    const item = this.belt.items.find((i) => i.key === this.picking)
    // An emergency alert's line (labelled, src/alerts/alert-board.ts) is no article to open.
    if (item && !item.headline.label) Router.navigate(articlePath(item.headline.id))
    return true
  }

  override _handleUp(): boolean {
    Router.focusPage()
    return true
  }

  override _handleBack(): boolean {
    Router.focusPage()
    return true
  }

  private movePick(direction: number): boolean {
    const visible = this.belt.visible()
    const index = visible.findIndex((i) => i.key === this.picking)
    const next = visible[index + direction]
    if (next) {
      this.picking = next.key
      this._refocus()
    }
    return true
  }

  private step(ms: number): void {
    // Paused while hidden (nothing moves that nobody sees) and while a headline is being picked.
    if (!this.visible || this.alpha === 0 || !this.attached || this.picking !== null) return
    this.belt.advance(Math.min(ms, 250 * this.timeScale))
    this.render()
  }

  private render(): void {
    const items = this.belt.items
    const keys = new Set(items.map((i) => i.key))
    for (let s = 0; s < POOL_SIZE; s++) {
      const key = this.slotKeys[s]
      if (key !== null && key !== undefined && !keys.has(key)) {
        this.slotKeys[s] = null
        this.slot(s).clear()
      }
    }
    for (const item of items) {
      let s = this.slotKeys.indexOf(item.key)
      if (s < 0) {
        s = this.slotKeys.indexOf(null)
        if (s < 0) continue
        this.slotKeys[s] = item.key
        this.slot(s).show(item.headline, this.labelWidthOf(item.headline), item.width)
      }
      this.slot(s).x = Math.round(item.x)
    }
  }

  private slot(index: number): CrawlSlot {
    return this.tag('Viewport').childList.getAt(index) as CrawlSlot
  }

  /** The label's width with its padding, 0 for a headline with no label. */
  private labelWidthOf(headline: Headline): number {
    const label = crawlLabel(headline, LABEL_TEXT)
    return label === null ? 0 : this.textWidth(label, LABEL_FONT_SIZE, 'bold') + 2 * LABEL_PAD + LABEL_PAD
  }

  private measure(headline: Headline): number {
    return this.textWidth(headline.text, CRAWL_FONT_SIZE, 'normal') + this.labelWidthOf(headline)
  }

  private textWidth(text: string, size: number, style: string): number {
    if (!this.measureCtx) this.measureCtx = document.createElement('canvas').getContext('2d')
    const ctx = this.measureCtx
    if (!ctx) return text.length * size * 0.55
    ctx.font = `${style} ${size}px ${theme.font.face}`
    return Math.ceil(ctx.measureText(text).width)
  }

  private updateClock(): void {
    this.tag('Clock').text.text = this.formatClock(new Date())
  }
}

// The App's `Widgets.Ticker` (src/App.ts): typed so a Router page reads `this.widgets.ticker` as
// this class, and a route's `widgets: ['ticker']` or `Router.focusWidget('Ticker')` is checked.
declare module '@lightningjs/sdk' {
  namespace Router {
    interface CustomWidgets {
      Ticker: typeof HeadlineTicker
    }
  }
}
