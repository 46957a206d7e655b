/**
 * The app root: the Router's pages and widgets over the live picture, plus what lives above every
 * page: the status banner, the settings-error panel and the "Exit?" dialog. Throttles held keys.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { statusLine } from './player/status-line'
import { routePaths } from './app/routes'
import { readRouteHash } from './app/route-hash'
import { StatusBanner } from './widgets/StatusBanner'
import { ConfigErrorPanel } from './widgets/ConfigErrorPanel'
import { HeadlineTicker } from './crawl/HeadlineTicker'
import { ExitDialog } from './widgets/ExitDialog'
import { crawlHeadlines, crawlNotice } from './crawl/crawl-headlines'
import { KeyRepeatThrottle } from './input/key-repeat'
import { exitApp } from './input/platform-exit'
import { onRelaunch, type DeepLinkReading } from './input/launch-params'
import { deepLinkIssues } from './config/app-config'
import { systemClock } from './lib/clock'
import { KioskSpotlight } from './widgets/KioskSpotlight'
import type { KioskMode } from './kiosk/kiosk-mode'
import { startKiosk } from './kiosk/start-kiosk'
import { shiftFromHome } from './kiosk/pixel-shift'
import { keyMapFor } from './input/key-map'
import { detectPlatform } from './input/platform'
import { CaptionsLayer } from './widgets/CaptionsLayer'
import type { AccessibilityControls } from './app/accessibility'
import type { AppLayers, AppServices } from './app/composition-root'
import { articlePath } from './browse/article-path'
import { applyCrawlPreferences, loadCrawlPreferences } from './crawl/crawl-preferences'
import { sdkStorage } from './lib/sdk-storage'
import { AlertBar } from './widgets/AlertBar'
import { alertHeadlines, alertSpeech } from './alerts/alert-board'
import { playAlertTone } from './alerts/alert-tone'
import type { Headline } from './crawl/crawl-headlines'
import { AdLabel } from './widgets/AdLabel'

/** What the App is handed (app/with-services.ts): the composition root's second step. */
export interface AppStart {
  /** Builds the graph once the App has its layers; `report` puts a problem on screen. */
  compose(layers: AppLayers, report: (problem: string) => void): AppServices
}

export class App extends Router.App {
  static getFonts(): never[] {
    // System sans-serif: no font download between launch and the first frame.
    return []
  }

  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      ...super._template(),
      Widgets: { Ticker: { type: HeadlineTicker, zIndex: 10 } },
      Spotlight: { type: KioskSpotlight, zIndex: 20 },
      // During an ad break, when appSettings.ads.label asks for it.
      AdLabel: { type: AdLabel, zIndex: 30 },
      Status: { type: StatusBanner, zIndex: 50 },
      ConfigErrors: { type: ConfigErrorPanel, zIndex: 60 },
      // Emergency alerts: over the picture, the pages and the crawl, under the Exit dialog and the captions.
      AlertBar: { type: AlertBar, zIndex: 80 },
      ExitDialog: { type: ExitDialog, zIndex: 90 },
      // Above everything, so no overlay ever hides a caption.
      Captions: { type: CaptionsLayer, zIndex: 100 },
    } as Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>
  }

  declare services: AppStart
  /** Set in _setup: the whole object graph (app/composition-root.ts). */
  private graph!: AppServices
  private unsubscribe: Array<() => void> = []
  private issues: string[] = []
  private readonly repeat = new KeyRepeatThrottle(systemClock)
  private kiosk: KioskMode | null = null
  private accessibility: AccessibilityControls | null = null
  private readonly keyNames = keyMapFor(detectPlatform())
  /** The crawl's lines: emergency alerts (Moderate, Minor) ahead of the news. */
  private alertLines: Headline[] = []
  private newsLines: Headline[] = []
  /** When the breaking story on the bar is due to go. */
  private breakingTimer: unknown = null

  override _setup(): void {
    // Before the Router opens a page: Settings reads the viewer's accessibility choices.
    this.graph = this.services.compose({ captions: this.tag('Captions') as CaptionsLayer }, (problem) => this.report(problem))
    this.accessibility = this.graph.accessibility
    // The config's issues (index.ts logged them) first, then what composing found (the stored choices).
    this.issues = [...this.graph.configIssues.map((issue) => issue.message), ...this.issues]
    ;(this.tag('ConfigErrors') as ConfigErrorPanel).setIssues(this.issues)
    // Before the Router reads the fragment, at start and on every change (this listener runs
    // before the Router's own): a malformed or unknown one becomes Live.
    this.fallBackToLive('')
    const onHashChange = () => this.fallBackToLive('live')
    window.addEventListener('hashchange', onHashChange)
    this.unsubscribe.push(() => window.removeEventListener('hashchange', onHashChange))
    Router.startRouter(this.graph.routes, this)
    const { live, config } = this.graph
    const updateStatus = () => {
      // What to say is the player's (player/status-line.ts); the App shows it.
      const { text, hint } = statusLine(live, !!this.kiosk && this.kiosk.locked)
      ;(this.tag('Status') as StatusBanner).show(text, hint)
      this.accessibility?.statusShown(text)
    }
    this.unsubscribe.push(
      live.events.on('state', updateStatus),
      live.events.on('soundBlocked', updateStatus),
      live.events.on('paused', updateStatus),
      live.events.on('problem', updateStatus),
      live.events.on('timeshift', updateStatus),
    )
    updateStatus()
    this.startAdLabel()
    this.startHeadlines()
    this.startAlerts()
    ;(this.tag('Spotlight') as KioskSpotlight).liveMoment = () => this.graph.onAir.liveMoment()
    this.kiosk = startKiosk({
      settings: config.kiosk,
      qrTracking: config.qr.tracking,
      live,
      headlines: this.graph.headlines,
      spotlight: this.tag('Spotlight') as KioskSpotlight,
      // Burn-in: the spotlight, the crawl (the Router's widget layer), the status banner and the alert bar move together.
      shiftTargets: [
        this.tag('Spotlight') as KioskSpotlight,
        shiftFromHome(this.tag('Widgets')!),
        shiftFromHome(this.tag('Status')!),
        shiftFromHome(this.tag('AlertBar')!),
      ],
      adBreak: () => this.graph.adBreaks.adBreak,
      nextChannel: () => {
        const result = this.graph.tune({ step: 1 })
        this.graph.accessibility.channelChanged('tuned' in result ? result.tuned : result)
      },
    })
    // The launch's deep link (its unusable parts are among the config issues already).
    this.followDeepLink({ link: config.deepLink, ignored: [] })
    this.unsubscribe.push(onRelaunch((reading) => this.followDeepLink(reading)))
  }

  /** The "Ad" label on the picture while the playhead is in an ad break (only with `ads.label`). */
  private startAdLabel(): void {
    const { adBreaks, config } = this.graph
    const label = this.tag('AdLabel') as AdLabel
    const update = () => label.show(adBreaks.adBreak ? config.ads.label : null)
    this.unsubscribe.push(adBreaks.events.on('adBreak', update))
    update()
  }

  /** Bad values on screen, all the same way: the config's issues, then any found later (a relaunch, the stored choices). */
  private report(problem: string): void {
    console.warn(`[settings] ${problem}`)
    this.issues.push(problem)
    ;(this.tag('ConfigErrors') as ConfigErrorPanel).setIssues(this.issues)
  }

  /** Replaces a fragment the Router cannot open with `fallback` ('' = none: the Router opens its root, Live). */
  private fallBackToLive(fallback: string): void {
    const reading = readRouteHash(window.location.hash, routePaths)
    if (reading.ok) return
    console.warn(`[router] ${reading.reason}: opening Live`)
    const { pathname, search } = window.location
    window.history.replaceState(window.history.state, '', `${pathname}${search}${fallback ? `#${fallback}` : ''}`)
  }

  private get exitDialog(): ExitDialog {
    return this.tag('ExitDialog') as ExitDialog
  }

  /** The Router calls this on Back with an empty history (Live, the root). */
  override _handleAppClose(): void {
    if (this.kiosk && this.kiosk.locked) return
    this.exitDialog.open((exit) => {
      this._refocus()
      if (exit) exitApp()
    })
    this.accessibility?.dialogOpened(this.exitDialog.title)
    this._refocus()
  }

  /** Tizen's Exit key (10182): the SDK would tear the UI down and leave a blank screen. */
  override _handleExit(): boolean {
    exitApp()
    return true
  }

  /** Pause/Play work on every page: the picture is the same one, full screen or in its window. */
  _handlePause(): boolean {
    this.graph.live.pause()
    return true
  }

  /** Play: resumes after Pause; playing behind live (from a programme's start, on after a pause), goes live. */
  _handlePlay(): boolean {
    const { live } = this.graph
    if (!live.paused && live.timeshifted) live.goLive()
    else live.resume()
    return true
  }

  _handlePlayPause(): boolean {
    const { live } = this.graph
    if (live.paused) live.resume()
    else live.pause()
    return true
  }

  /** The Guide key (Tizen 458, a keyboard's G): the programme guide from any page (the Guide's own closes it). */
  _handleGuide(): boolean {
    if (Router.getActiveRoute() !== 'guide') Router.navigate('guide')
    return true
  }

  /** The CC key (Tizen 10221, LG 460): captions on/off from anywhere. */
  _handleCaptions(): boolean {
    this.accessibility?.preferences.toggleCaptions()
    return true
  }

  override _focusChange(target: Lightning.Component): void {
    this.placeCaptions()
    this.accessibility?.focusMoved(Router.getActiveRoute() ?? '', target)
  }

  /** Captions sit above the crawl when it shows (on Live, with headlines, switched on). */
  private placeCaptions(): void {
    const ticker = this.tag('Widgets.Ticker') as HeadlineTicker
    this.accessibility?.setCrawlShown(Router.getActiveRoute() === 'live' && ticker.alpha > 0)
  }

  override _getFocused(): Lightning.Component | null {
    return this.exitDialog.isOpen ? this.exitDialog : (Router.getActivePage() as Lightning.Component | null)
  }

  /** A held key repeats at a throttled rate, so lists don't run away and a TV's CPU keeps up. */
  override _captureKey(event: KeyboardEvent): boolean {
    // Kiosk: every key is swallowed until the unlock sequence is typed.
    if (this.kiosk && this.kiosk.handleKey(this.keyNames[event.keyCode] ?? '')) return true
    // OK on an emergency alert's bar dismisses it, once it has been up its minimum time; until then OK does nothing else.
    if (this.alertBar.kind === 'alert' && this.keyNames[event.keyCode] === 'Enter' && !event.repeat) {
      this.graph.alerts?.dismiss()
      return true
    }
    // OK on a breaking story's bar opens the story (Back returns to where the viewer was).
    if (this.alertBar.kind === 'breaking' && this.keyNames[event.keyCode] === 'Enter' && !event.repeat) {
      const story = this.graph.breaking.open()
      this.refreshBar()
      if (story) Router.navigate(articlePath(story.id))
      return true
    }
    return !this.repeat.keydown(event.keyCode, event.repeat).pass
  }

  override _captureKeyRelease(event: KeyboardEvent): boolean {
    if (this.kiosk && this.kiosk.locked) return true
    this.repeat.keyup(event.keyCode)
    return false
  }

  private followDeepLink({ link, ignored }: DeepLinkReading): void {
    for (const issue of deepLinkIssues(ignored)) this.report(issue.message)
    const { tuner, tune, liveOpened } = this.graph
    // ?channel= is already tuned by config at launch; platform launch parameters are not.
    if (link.channel && link.channel !== tuner.current.id) tune({ id: link.channel })
    // Once Live (the root) has opened, so it is in the history and Back from the story leads there.
    const article = link.article
    if (article) liveOpened.then(() => Router.navigate(articlePath(article)))
  }

  private startHeadlines(): void {
    const { headlines, config } = this.graph
    const ticker = this.tag('Widgets.Ticker') as HeadlineTicker
    // The viewer's own crawl choices (Settings) over settings.json's.
    applyCrawlPreferences(ticker, loadCrawlPreferences(sdkStorage, config.ticker), config.ticker)
    if (!headlines) return
    this.unsubscribe.push(
      headlines.events.on('articles', ({ articles }) => {
        this.newsLines = crawlHeadlines(articles, { max: config.ticker.maxItems })
        this.showCrawlLines()
        // New breaking stories take the bar one at a time; they are in the crawl already.
        this.graph.breaking.articles(articles)
        this.refreshBar()
      }),
      // A failing feed with nothing to show says so in the crawl, not only in the console.
      headlines.events.on('status', (status) => {
        ticker.setNotice(crawlNotice(headlines.articles.length, status))
        this.placeCaptions()
      }),
    )
    headlines.start()
  }

  private showCrawlLines(): void {
    ;(this.tag('Widgets.Ticker') as HeadlineTicker).setHeadlines([...this.alertLines, ...this.newsLines])
    this.placeCaptions()
  }

  private get alertBar(): AlertBar {
    return this.tag('AlertBar') as AlertBar
  }

  /** Emergency alerts (src/alerts/): Extreme/Severe on the red bar (tone unless muted, spoken), the rest in the crawl. */
  private startAlerts(): void {
    const alerts = this.graph.alerts
    if (!alerts) return
    this.unsubscribe.push(
      alerts.events.on('changed', ({ barChanged }) => {
        const shown = alerts.board.bar
        if (barChanged) {
          this.alertBar.show(shown)
          if (shown) {
            if (!this.graph.live.video?.muted) playAlertTone()
            this.accessibility?.alertShown(alertSpeech(shown))
          }
          // An alert takes the bar from a breaking story (which waits); a breaking story may follow one.
          this.refreshBar()
        }
        this.alertBar.setDismissable(alerts.canDismiss())
        const lines = alertHeadlines(alerts.board.crawl)
        if (lines.map((l) => l.id + l.text).join() !== this.alertLines.map((l) => l.id + l.text).join()) {
          this.alertLines = lines
          this.showCrawlLines()
        }
      }),
    )
    alerts.start()
  }

  /**
   * The breaking-news bar (src/crawl/breaking-news.ts decides which story and for how long): an
   * emergency alert on the bar always wins, and the story waits for it to go.
   */
  private refreshBar(): void {
    const { breaking, alerts } = this.graph
    const alertOnBar = !!alerts?.board.bar
    const changed = breaking.tick(systemClock.now(), alertOnBar)
    systemClock.clearTimeout(this.breakingTimer)
    const endsAt = breaking.endsAt()
    this.breakingTimer = endsAt === null ? null : systemClock.setTimeout(() => this.refreshBar(), Math.max(0, endsAt - systemClock.now()) + 20)
    if (alertOnBar || !changed) return
    const story = breaking.bar
    if (!story) {
      this.alertBar.hide()
      return
    }
    this.alertBar.showBreaking(story)
    this.accessibility?.breakingShown(story.headline)
  }

  override _detach(): void {
    systemClock.clearTimeout(this.breakingTimer)
    this.graph?.alerts?.stop()
    this.graph?.onAir.stop()
    if (this.kiosk) this.kiosk.destroy()
    if (this.accessibility) this.accessibility.destroy()
    if (this.graph) this.graph.headlines?.stop()
    this.unsubscribe.forEach((off) => off())
    this.unsubscribe = []
  }
}
