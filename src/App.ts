/**
 * The app root: the Router's pages and widgets over the live picture, plus what lives above every
 * page: the status banner, the settings-error panel and the "Exit?" dialog. Throttles held keys.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { appContext, updateAppContext } from './app/app-context'
import { playbackStatusText, ENDED_HINT } from './player/playback-state'
import { routes, routePaths } from './app/routes'
import { readRouteHash } from './app/route-hash'
import { StatusBanner } from './widgets/StatusBanner'
import { ConfigErrorPanel } from './widgets/ConfigErrorPanel'
import { HeadlineTicker } from './crawl/HeadlineTicker'
import { ExitDialog } from './widgets/ExitDialog'
import { crawlHeadlines, crawlNotice } from './crawl/crawl-headlines'
import { KeyRepeatThrottle } from './input/key-repeat'
import { exitApp } from './input/platform-exit'
import { readDeepLink, onRelaunch, type DeepLinkReading } from './input/launch-params'
import { systemClock } from './lib/clock'
import { tuneChannel } from './app/tune-channel'
import { KioskSpotlight } from './widgets/KioskSpotlight'
import { KioskMode } from './kiosk/kiosk-mode'
import { shiftFromHome } from './kiosk/pixel-shift'
import { reachableWithin } from './kiosk/kiosk-watchdog'
import { keyMapFor } from './input/key-map'
import { detectPlatform } from './input/platform'
import { CaptionsLayer } from './widgets/CaptionsLayer'
import { AccessibilityControls } from './app/accessibility'
import { articlePath } from './browse/article-path'
import { applyCrawlPreferences, loadCrawlPreferences } from './crawl/crawl-preferences'
import { sdkStorage } from './lib/sdk-storage'

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
      Status: { type: StatusBanner, zIndex: 50 },
      ConfigErrors: { type: ConfigErrorPanel, zIndex: 60 },
      ExitDialog: { type: ExitDialog, zIndex: 90 },
      // Above everything, so no overlay ever hides a caption.
      Captions: { type: CaptionsLayer, zIndex: 100 },
    } as Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>
  }

  private unsubscribe: Array<() => void> = []
  private readonly repeat = new KeyRepeatThrottle(systemClock)
  private kiosk: KioskMode | null = null
  private accessibility: AccessibilityControls | null = null
  private readonly keyNames = keyMapFor(detectPlatform())

  override _setup(): void {
    // Before the Router opens a page: Settings reads the viewer's accessibility choices.
    this.accessibility = new AccessibilityControls(sdkStorage, window.location.search, this.tag('Captions') as CaptionsLayer, appContext().captionTrack)
    updateAppContext({ accessibility: this.accessibility })
    // Before the Router reads the fragment, at start and on every change (this listener runs
    // before the Router's own): a malformed or unknown one becomes Live.
    this.fallBackToLive('')
    const onHashChange = () => this.fallBackToLive('live')
    window.addEventListener('hashchange', onHashChange)
    this.unsubscribe.push(() => window.removeEventListener('hashchange', onHashChange))
    Router.startRouter(routes, this)
    const { live, configIssues } = appContext()
    ;(this.tag('ConfigErrors') as ConfigErrorPanel).setIssues(configIssues.map((i) => i.message))
    const updateStatus = () => {
      const text =
        live.state === 'playing' && live.paused
          ? 'Paused · Play to resume · OK to go live'
          : live.soundBlocked && live.state === 'playing'
            ? 'Press OK for sound'
            : playbackStatusText(live.state, live.timeToFirstFrameMs !== null, live.problem)
      // An ended broadcast: the remote changes channel; a kiosk moves on by itself (kiosk/ended-move-on.ts).
      const hint = live.state === 'ended' ? (this.kiosk && this.kiosk.locked ? 'The next channel follows in a moment' : ENDED_HINT) : null
      ;(this.tag('Status') as StatusBanner).show(text, hint)
      this.accessibility?.statusShown(text)
    }
    this.unsubscribe.push(
      live.events.on('state', updateStatus),
      live.events.on('soundBlocked', updateStatus),
      live.events.on('paused', updateStatus),
      live.events.on('problem', updateStatus),
    )
    updateStatus()
    this.startHeadlines()
    this.startKiosk()
    this.followDeepLink(readDeepLink())
    this.unsubscribe.push(onRelaunch((reading) => this.followDeepLink(reading)))
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
    appContext().live.pause()
    return true
  }

  _handlePlay(): boolean {
    appContext().live.resume()
    return true
  }

  _handlePlayPause(): boolean {
    const { live } = appContext()
    if (live.paused) live.resume()
    else live.pause()
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
    return !this.repeat.keydown(event.keyCode, event.repeat).pass
  }

  override _captureKeyRelease(event: KeyboardEvent): boolean {
    if (this.kiosk && this.kiosk.locked) return true
    this.repeat.keyup(event.keyCode)
    return false
  }

  private followDeepLink({ link, ignored }: DeepLinkReading): void {
    for (const reason of ignored) console.warn(`[deep link] ${reason}`)
    // ?channel= is already tuned by config at launch; platform launch parameters are not.
    if (link.channel && link.channel !== appContext().tuner.current.id) tuneChannel({ id: link.channel })
    if (link.article) {
      // Once Live (the root) has opened, so it is in the history and Back from the story leads there.
      const article = link.article
      const openWhenLive = (triesLeft: number) => {
        if (Router.getActiveRoute() === 'live' && !Router.isNavigating()) Router.navigate(articlePath(article))
        else if (triesLeft > 0) setTimeout(() => openWhenLive(triesLeft - 1), 50)
      }
      openWhenLive(100)
    }
  }

  private startHeadlines(): void {
    const { headlines, config } = appContext()
    const ticker = this.tag('Widgets.Ticker') as HeadlineTicker
    // The viewer's own crawl choices (Settings) over settings.json's.
    applyCrawlPreferences(ticker, loadCrawlPreferences(sdkStorage, config.ticker), config.ticker)
    if (!headlines) return
    this.unsubscribe.push(
      headlines.events.on('articles', ({ articles }) => {
        ticker.setHeadlines(crawlHeadlines(articles, { max: config.ticker.maxItems }))
        this.placeCaptions()
      }),
      // A failing feed with nothing to show says so in the crawl, not only in the console.
      headlines.events.on('status', (status) => {
        ticker.setNotice(crawlNotice(headlines.articles.length, status))
        this.placeCaptions()
      }),
    )
    headlines.start()
  }

  private startKiosk(): void {
    const { config, live, headlines } = appContext()
    if (!config.kiosk.enabled) return
    const spotlight = this.tag('Spotlight') as KioskSpotlight
    this.kiosk = new KioskMode({
      clock: systemClock,
      settings: config.kiosk,
      articles: () => (headlines ? headlines.articles : []),
      spotlight: { show: (article) => spotlight.show(article, config.qr.tracking), hide: () => spotlight.hide() },
      // Burn-in: the spotlight, the crawl (the Router's widget layer) and the status banner move together.
      shiftTargets: [spotlight, shiftFromHome(this.tag('Widgets')!), shiftFromHome(this.tag('Status')!)],
      playbackStates: (listener) => {
        listener(live.state)
        return live.events.on('state', listener)
      },
      playbackErrors: (listener) => live.events.on('fatalError', listener),
      reloadApp: () => window.location.reload(),
      nextChannel: () => {
        const result = tuneChannel({ step: 1 })
        this.accessibility?.channelChanged('tuned' in result ? result.tuned : result)
      },
      appReachable: () => reachableWithin(() => fetch(window.location.href, { method: 'HEAD', cache: 'no-store' }), systemClock, 5000),
      log: (message) => console.warn(message),
    })
    this.kiosk.start()
  }

  override _detach(): void {
    if (this.kiosk) this.kiosk.destroy()
    if (this.accessibility) this.accessibility.destroy()
    appContext().headlines?.stop()
    this.unsubscribe.forEach((off) => off())
    this.unsubscribe = []
  }
}
