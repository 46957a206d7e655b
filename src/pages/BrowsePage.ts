/**
 * Browse: rails of stories by section and by tag, while the live picture keeps playing in a window
 * top right. Left/Right move along a rail, Up/Down between rails (Up from the first: the Guide), OK
 * opens the story; the focused story's full headline shows large beside the picture (tiles cut it
 * at two lines). Which tile had the focus in each rail survives leaving the page and feed updates
 * (RailFocusMemory). With no stories the page itself holds the focus and says so.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import type { HeadlineStore } from '../feed/headline-store'
import { theme } from '../app/theme'
import type { Article } from '../feed/article'
import { systemClock } from '../lib/clock'
import { buildStoryRails, type StoryRail } from '../browse/story-rails'
import { RailFocusMemory } from '../browse/rail-focus'
import { timeAgo } from '../browse/story-time'
import { articlePath } from '../browse/article-path'
import { joinPresent } from '../browse/text-pages'
import { PictureWindow, PICTURE_WINDOW } from '../components/PictureWindow'
import { label } from '../components/text-label'
import { Rail, RAIL_H } from '../components/Rail'
import type { TileStory } from '../components/Tile'

const RAILS_Y = PICTURE_WINDOW.y + PICTURE_WINDOW.h + 28
const RAILS_SHOWN = Math.floor((1080 - theme.safe.y - RAILS_Y) / RAIL_H)
/** Whole rails only: a sliver of the next rail's title would read as a glitch. */
const RAILS_VIEW_H = RAILS_SHOWN * RAIL_H
const PREVIEW_W = PICTURE_WINDOW.x - theme.safe.x - 48
/** Tiles say "5 min ago": rebuild on return when they may have gone stale. */
const AGES_STALE_MS = 60_000

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

function tileStory(article: Article, now: number): TileStory {
  return { headline: article.title || article.summary, timeAgo: timeAgo(article.published, now), section: article.section, image: article.image }
}

/** What Browse uses, handed over by the composition root (app/routes.ts). */
export interface BrowsePageServices {
  /** Null when no feed is configured. */
  headlines: HeadlineStore | null
}

export class BrowsePage extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    const { x, y } = theme.safe
    return {
      w: 1920,
      h: 1080,
      Backdrop: { type: PictureWindow },
      Heading: Object.assign({ x, y }, label('Stories', theme.font.title, theme.color.text, { fontStyle: 'bold' })),
      Hint: Object.assign({ x, y: y + 62 }, label('OK to read  ·  ▲ Guide  ·  Back to live TV', 24, theme.color.textDim)),
      Preview: {
        x,
        y: y + 120,
        Meta: label('', theme.font.small, theme.color.focus, { fontStyle: 'bold' }),
        Headline: Object.assign(
          { y: 40 },
          label('', 36, theme.color.text, { wordWrap: true, wordWrapWidth: PREVIEW_W, maxLines: 2, lineHeight: 46 }),
        ),
      },
      Rails: { y: RAILS_Y, w: 1920, h: RAILS_VIEW_H, clipping: true, List: { x } },
      Empty: Object.assign({ x: 960, y: RAILS_Y + 120, mountX: 0.5, visible: false }, label('No stories yet', theme.font.title, theme.color.textDim)),
    }
  }

  declare services: BrowsePageServices
  private rails: StoryRail[] = []
  private railIndex = -1
  private readonly memory = new RailFocusMemory()
  private shownArticles: Article[] | null = null
  private shownAt = 0
  private offArticles: (() => void) | null = null

  /**
   * The rails exist before the Router focuses the page: _active comes only once the page is shown
   * (after its transition starts), and an OK pressed in between found no story and was lost.
   */
  override _init(): void {
    const { headlines } = this.services
    this.show(headlines ? headlines.articles : [])
  }

  override _active(): void {
    const { headlines } = this.services
    if (headlines) this.offArticles = headlines.events.on('articles', ({ articles }) => this.show(articles))
    const articles = headlines ? headlines.articles : []
    if (articles !== this.shownArticles || systemClock.now() - this.shownAt > AGES_STALE_MS) this.show(articles)
  }

  override _inactive(): void {
    if (this.offArticles) this.offArticles()
    this.offArticles = null
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.railIndex >= 0 ? this.railAt(this.railIndex) : undefined
  }

  override _handleLeft(): boolean {
    return this.moveAlongRail(-1)
  }

  override _handleRight(): boolean {
    return this.moveAlongRail(1)
  }

  /** Up from the first rail (or an empty page): the Guide. */
  override _handleUp(): boolean {
    if (this.moveBetweenRails(-1)) return true
    Router.navigate('guide')
    return true
  }

  override _handleDown(): boolean {
    return this.moveBetweenRails(1)
  }

  override _handleEnter(): boolean {
    const article = this.focusedArticle()
    if (!article) return false
    Router.navigate(articlePath(article.id))
    return true
  }

  private show(articles: Article[]): void {
    const now = systemClock.now()
    this.shownArticles = articles
    this.shownAt = now
    this.rails = buildStoryRails(articles)
    this.tag('Rails.List').children = this.rails.map((rail, i) => ({
      type: Rail,
      ref: `Rail-${i}`,
      y: i * RAIL_H,
      content: { title: rail.title, stories: rail.articles.map((a) => tileStory(a, now)) },
    }))
    this.rails.forEach((rail, i) => this.railAt(i).focusTile(this.memory.tileIndex(rail), false))
    this.tag('Empty').visible = this.rails.length === 0
    this.focusRail(this.memory.railIndex(this.rails), false)
  }

  private railAt(index: number): Rail {
    return this.tag('Rails.List').children[index] as Rail
  }

  private focusRail(index: number, animate = true): void {
    this.railIndex = index
    const firstShown = Math.max(0, Math.min(index, this.rails.length - RAILS_SHOWN))
    this.tag('Rails.List').setSmooth('y', -firstShown * RAIL_H, { duration: animate ? 0.2 : 0 })
    this.focusChanged()
  }

  private moveAlongRail(delta: number): boolean {
    if (this.railIndex < 0) return false
    const rail = this.railAt(this.railIndex)
    const next = rail.focusedTile + delta
    if (next < 0 || next >= rail.tileCount) return false
    rail.focusTile(next)
    this.focusChanged()
    return true
  }

  private moveBetweenRails(delta: number): boolean {
    const next = this.railIndex + delta
    if (this.railIndex < 0 || next < 0 || next >= this.rails.length) return false
    this.focusRail(next)
    return true
  }

  private focusedArticle(): Article | undefined {
    const rail = this.rails[this.railIndex]
    return rail && rail.articles[this.railAt(this.railIndex).focusedTile]
  }

  private focusChanged(): void {
    const article = this.focusedArticle()
    if (article) this.memory.remember(this.rails, this.railIndex, this.railAt(this.railIndex).focusedTile)
    const meta = article ? joinPresent([article.section.toUpperCase(), timeAgo(article.published, systemClock.now())]) : ''
    this.tag('Preview').patch({
      Meta: { text: { text: meta } },
      Headline: { text: { text: article ? article.title || article.summary : '' } },
    })
    this._refocus()
  }
}
