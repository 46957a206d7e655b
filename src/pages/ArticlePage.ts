/**
 * Article (`article/:id`): section and tags, headline, byline and date, the body in pages turned
 * with Up/Down ("2 / 5"), and the story's QR code with its URL in words so the viewer can carry
 * on reading on a phone. The app-download code sits lower and smaller, or takes the story code's
 * place when the story has no URL. The live picture stays in its window top right, as on Browse:
 * the channel never stops, and Back returns to the same tile.
 *
 * The story comes from the headline store by id. An id the store does not have shows "This story
 * is no longer available" (a deep link to an old story, say); before the feed's first answer the
 * page waits for it instead.
 */
import { Lightning, type Router } from '@lightningjs/sdk'
import { findArticle } from '../browse/find-article'
import type { HeadlineStore } from '../feed/headline-store'
import type { AppConfig } from '../config/app-config'
import { theme } from '../app/theme'
import type { Article } from '../feed/article'
import { systemClock } from '../lib/clock'
import { handoffUrl } from '../qr/qr-code'
import { withLiveMoment } from '../onair/article-ranges'
import { formatPublished, timeAgo } from '../browse/story-time'
import { joinPresent, textPages } from '../browse/text-pages'
import { PictureWindow, PICTURE_WINDOW } from '../components/PictureWindow'
import { QrCard, type QrCardContent } from '../components/QrCard'
import { textWidthAt } from '../components/text-width'

const LEFT_W = PICTURE_WINDOW.x - theme.safe.x - 64
const BODY_Y = 330
const BODY_SIZE = theme.font.body
const BODY_LINE_H = 42
const BODY_LINES = 10
const PAGER_Y = BODY_Y + BODY_LINES * BODY_LINE_H + 40
const APP_CODE_MAX = 246

export const READ_ON_PHONE = 'Scan to read on your phone'
export const GET_THE_APP = 'Scan QR code to get the app'
export const STORY_GONE = 'This story is no longer available'
const BACK_HINT = 'Back to return'

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

function text(y: number, fontSize: number, color: number, extra: object = {}): Template {
  return { y, text: Object.assign({ text: '', fontFace: theme.font.face, fontSize, textColor: color, wordWrap: false }, extra) }
}

/** What a story page uses, handed over by the composition root (app/routes.ts). */
export interface ArticlePageServices {
  /** Null when no feed is configured. */
  headlines: HeadlineStore | null
  qr: AppConfig['qr']
  /** The START-DATE of the story on air (src/onair/), which the story's code carries as `t=`; null: none. */
  liveMoment?: () => number | null
}

export class ArticlePage extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    return {
      w: 1920,
      h: 1080,
      Backdrop: { type: PictureWindow },
      Story: {
        x: theme.safe.x,
        // First in the tree though drawn second: the snapshot reads the focused page's first text.
        Headline: text(96, theme.font.title, theme.color.text, { fontStyle: 'bold', wordWrap: true, wordWrapWidth: LEFT_W, maxLines: 3, lineHeight: 54 }),
        Meta: text(theme.safe.y, theme.font.small, theme.color.focus, { fontStyle: 'bold' }),
        Byline: text(270, theme.font.small, theme.color.textDim),
        // Lines come wrapped and paged by textPages, measured as Lightning will draw them.
        Body: text(BODY_Y, BODY_SIZE, theme.color.text, { lineHeight: BODY_LINE_H }),
        Page: text(PAGER_Y, theme.font.body, theme.color.text, { fontStyle: 'bold' }),
        Hint: text(PAGER_Y + 46, 24, theme.color.textDim),
      },
      StoryCode: { type: QrCard, x: PICTURE_WINDOW.x, y: PICTURE_WINDOW.y + PICTURE_WINDOW.h + 28, maxSide: 340, wordsWidth: PICTURE_WINDOW.w },
      AppCode: { type: QrCard, x: theme.safe.x + LEFT_W - APP_CODE_MAX, y: 1080 - theme.safe.y - APP_CODE_MAX, maxSide: APP_CODE_MAX, wordsSide: 'left', wordsWidth: 420 },
    }
  }

  declare services: ArticlePageServices
  private articleId = ''
  private shown: Article | null = null
  private pages: string[][] = []
  private pageIndex = 0
  private offArticles: (() => void) | null = null

  /** The Router's params for `article/:id`, id already decoded. */
  override _onUrlParams(params: Router.PageParams): void {
    this.articleId = params.id || ''
    this.shown = null
    this.render()
  }

  override _active(): void {
    const { headlines } = this.services
    // A story already on screen stays, even if the feed drops it while it is being read.
    if (headlines) {
      this.offArticles = headlines.events.on('articles', () => {
        if (!this.shown) this.render()
      })
    }
    if (!this.shown) this.render()
  }

  override _inactive(): void {
    if (this.offArticles) this.offArticles()
    this.offArticles = null
  }

  override _handleDown(): boolean {
    return this.turnPage(1)
  }

  override _handleUp(): boolean {
    return this.turnPage(-1)
  }

  private render(): void {
    const { headlines } = this.services
    const article = headlines ? findArticle(headlines.articles, this.articleId) : undefined
    if (article) this.showArticle(article)
    else this.showMissing(headlines !== null && headlines.source === 'none' ? 'Loading the story…' : STORY_GONE)
  }

  private showArticle(article: Article): void {
    this.shown = article
    const author = article.author ? `By ${article.author}` : ''
    const byline = [author, formatPublished(article.published), timeAgo(article.published, systemClock.now())]
    // Feeds list the section among the categories too: say it once.
    const tags = article.tags.filter((tag) => tag.toLowerCase() !== article.section.toLowerCase())
    this.tag('Story').patch({
      Meta: { text: { text: joinPresent([article.section.toUpperCase(), tags.join(', ')]) } },
      Headline: { text: { text: article.title || article.summary } },
      Byline: { text: { text: joinPresent(byline) } },
    })
    this.pages = textPages(article.body || article.summary, { maxWidth: LEFT_W, linesPerPage: BODY_LINES, measure: textWidthAt(BODY_SIZE) })
    this.pageIndex = 0
    this.showPage()
    this.showCodes(article.url)
  }

  private showMissing(message: string): void {
    this.pages = []
    this.tag('Story').patch({
      Meta: { text: { text: '' } },
      Headline: { text: { text: message } },
      Byline: { text: { text: '' } },
      Body: { text: { text: '' } },
      Page: { text: { text: '' } },
      Hint: { text: { text: BACK_HINT } },
    })
    this.showCodes(null)
  }

  /** The story's code where the story has a URL; the app's code lower down, or in its place without one. */
  private showCodes(articleUrl: string | null): void {
    const { qr } = this.services
    const handoff = articleUrl ? handoffUrl(articleUrl, qr.tracking) : null
    const storyUrl = handoff && this.services.liveMoment ? withLiveMoment(handoff, this.services.liveMoment()) : handoff
    const appUrl = qr.appDownloadUrl ? handoffUrl(qr.appDownloadUrl, qr.tracking) : null
    const story: QrCardContent | null = storyUrl && articleUrl ? { url: storyUrl, caption: READ_ON_PHONE, address: articleUrl } : null
    const app: QrCardContent | null = appUrl && qr.appDownloadUrl ? { url: appUrl, caption: GET_THE_APP, address: qr.appDownloadUrl } : null
    const storyCode = this.tag('StoryCode') as QrCard
    const appCode = this.tag('AppCode') as QrCard
    storyCode.show(story || (this.shown ? app : null))
    appCode.show(story && this.shown ? app : null)
  }

  private showPage(): void {
    const count = this.pages.length
    const more = count > 1 ? 'Up/Down to turn the page  ·  ' : ''
    this.tag('Story').patch({
      Body: { text: { text: (this.pages[this.pageIndex] || []).join('\n') } },
      Page: { text: { text: count > 0 ? `${this.pageIndex + 1} / ${count}` : '' } },
      Hint: { text: { text: more + BACK_HINT } },
    })
  }

  private turnPage(delta: number): boolean {
    const next = this.pageIndex + delta
    if (next < 0 || next >= this.pages.length) return false
    this.pageIndex = next
    this.showPage()
    return true
  }
}
