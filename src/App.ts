/**
 * The app root: the Router's pages and widgets over the live picture, plus the status banner and
 * the settings-error panel, which live above every page and never take focus.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { appContext } from './app/app-context'
import { playbackStatusText } from './player/playback-state'
import { routes } from './app/routes'
import { StatusBanner } from './widgets/StatusBanner'
import { ConfigErrorPanel } from './widgets/ConfigErrorPanel'
import { HeadlineTicker } from './widgets/HeadlineTicker'
import { crawlHeadlines } from './feed/crawl-headlines'

export class App extends Router.App {
  static getFonts(): never[] {
    // System sans-serif: no font download between launch and the first frame.
    return []
  }

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Widgets: { Ticker: { type: HeadlineTicker, zIndex: 10 } },
      Status: { type: StatusBanner, zIndex: 50 },
      ConfigErrors: { type: ConfigErrorPanel, zIndex: 60 },
    } as Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>
  }

  private unsubscribe: Array<() => void> = []

  override _setup(): void {
    Router.startRouter(routes, this)
    const { live, configIssues } = appContext()
    ;(this.tag('ConfigErrors') as ConfigErrorPanel).setIssues(configIssues.map((i) => i.message))
    const updateStatus = () => {
      const text = live.soundBlocked && live.state === 'playing' ? 'Press OK for sound' : playbackStatusText(live.state, live.timeToFirstFrameMs !== null)
      ;(this.tag('Status') as StatusBanner).show(text)
    }
    this.unsubscribe.push(live.events.on('state', updateStatus), live.events.on('soundBlocked', updateStatus))
    updateStatus()
    this.startHeadlines()
  }

  private startHeadlines(): void {
    const { headlines, config } = appContext()
    const ticker = this.tag('Widgets.Ticker') as HeadlineTicker
    ticker.configure({ speedPxPerSecond: config.ticker.speedPxPerSecond, enabled: config.ticker.enabled })
    if (!headlines) return
    this.unsubscribe.push(
      headlines.events.on('articles', ({ articles }) => ticker.setHeadlines(crawlHeadlines(articles, { max: config.ticker.maxItems }))),
    )
    headlines.start()
  }

  override _detach(): void {
    appContext().headlines?.stop()
    this.unsubscribe.forEach((off) => off())
    this.unsubscribe = []
  }
}
