/**
 * Kiosk mode: the article spotlight rotation, the pixel shift of static overlays, the reload
 * watchdog and the key lock, put together over injected dependencies so the app wires it in a
 * few lines and tests drive it with a ManualClock and fakes. Typing the unlock sequence turns it
 * all off for the session (staff at the screen), and puts the overlays back home.
 */
import type { Article } from '../feed/article'
import type { Clock } from '../lib/clock'
import type { PlaybackState } from '../player/playback-state'
import type { KioskSettings } from './kiosk-settings'
import { SpotlightRotation } from './spotlight-rotation'
import { PixelShifter, type PixelOffset } from './pixel-shift'
import { KioskWatchdog } from './kiosk-watchdog'
import { UnlockSequence } from './unlock-sequence'
import { EndedMoveOn } from './ended-move-on'

const MINUTE_MS = 60_000

export interface KioskModeDeps {
  clock: Clock
  settings: KioskSettings
  /** The feed's current stories. */
  articles: () => Article[]
  spotlight: { show(article: Article): void; hide(): void }
  /** Static overlays to move for burn-in protection (crawl bar, logo, clock, the spotlight). */
  shiftTargets: Array<{ setOffset(offset: PixelOffset): void }>
  /** Subscribes to playback states, calling the listener with the current state at once; returns the unsubscribe. */
  playbackStates: (listener: (state: PlaybackState) => void) => () => void
  /** Subscribes to fatal playback errors; returns the unsubscribe. */
  playbackErrors: (listener: () => void) => () => void
  reloadApp: () => void
  /** Tunes the next channel: a broadcast that ended is left for it (see ended-move-on.ts). */
  nextChannel?: () => void
  /** Asked before a reload (see KioskWatchdogOptions); without it the watchdog reloads regardless. */
  appReachable?: () => Promise<boolean>
  log: (message: string) => void
  /** True during an ad break: the spotlight does not rotate in then. */
  adBreak?: () => boolean
}

export class KioskMode {
  private readonly rotation: SpotlightRotation
  private readonly shifter: PixelShifter
  private readonly watchdog: KioskWatchdog
  private readonly unlock: UnlockSequence
  private readonly moveOn: EndedMoveOn
  private unsubscribe: Array<() => void> = []
  private running = false
  /** Unlocked or destroyed: kiosk mode stays off for the rest of the session. */
  private ended = false

  constructor(private readonly deps: KioskModeDeps) {
    const { clock, settings } = deps
    this.rotation = new SpotlightRotation({
      clock,
      everyMs: settings.spotlightEveryMinutes * MINUTE_MS,
      showMs: settings.spotlightSeconds * 1000,
      articles: deps.articles,
      held: deps.adBreak,
    })
    this.shifter = new PixelShifter({ clock, everyMs: settings.pixelShiftEveryMinutes * MINUTE_MS, maxPx: settings.pixelShiftMaxPx })
    this.watchdog = new KioskWatchdog({
      clock,
      limits: {
        unhealthyMs: settings.watchdogUnhealthyMinutes * MINUTE_MS,
        maxErrorsPerHour: settings.watchdogMaxErrorsPerHour,
        dailyReloadHour: settings.dailyReloadHour,
      },
      reloadApp: deps.reloadApp,
      appReachable: deps.appReachable,
      log: deps.log,
    })
    this.unlock = new UnlockSequence(settings.unlockSequence)
    this.moveOn = new EndedMoveOn(clock, () => {
      deps.log('[kiosk] the broadcast has ended: moving on to the next channel')
      deps.nextChannel?.()
    })
  }

  /** True while kiosk mode runs: keys are swallowed and the kiosk behaviours are on. */
  get locked(): boolean {
    return this.running
  }

  /** Why the watchdog last reloaded (or wanted to), for the log and QA. */
  get lastReloadReason(): string | null {
    return this.watchdog.lastReason ? this.watchdog.lastReason.message : null
  }

  start(): void {
    if (this.running || this.ended) return
    this.running = true
    const { deps } = this
    this.unsubscribe.push(
      this.rotation.events.on('show', (article) => deps.spotlight.show(article)),
      this.rotation.events.on('hide', () => deps.spotlight.hide()),
      this.shifter.events.on('shift', (offset) => deps.shiftTargets.forEach((target) => target.setOffset(offset))),
      deps.playbackStates((state) => {
        this.watchdog.recordState(state)
        this.moveOn.recordState(state)
      }),
      deps.playbackErrors(() => this.watchdog.recordError()),
    )
    this.rotation.start()
    this.shifter.start()
    this.watchdog.start()
    const s = deps.settings
    deps.log(
      `[kiosk] on: spotlight every ${s.spotlightEveryMinutes} min for ${s.spotlightSeconds} s, ` +
        `shift ±${s.pixelShiftMaxPx} px every ${s.pixelShiftEveryMinutes} min, ` +
        `reload after ${s.watchdogUnhealthyMinutes} min unhealthy or ${s.watchdogMaxErrorsPerHour} errors/h` +
        (s.dailyReloadHour === null ? '' : ` and daily at ${s.dailyReloadHour}:00`),
    )
  }

  /**
   * A remote key by name (input/key-map). While locked every key is swallowed (true); the last
   * key of the unlock sequence turns kiosk mode off for the session. Unlocked: false, pass it on.
   */
  handleKey(name: string): boolean {
    if (!this.running) return false
    if (this.unlock.press(name)) {
      this.deps.log('[kiosk] unlocked for this session')
      this.stop()
    }
    return true
  }

  destroy(): void {
    this.stop()
  }

  private stop(): void {
    this.ended = true
    if (!this.running) return
    this.running = false
    // Stopping emits the last hide and the shift home, so do it before unsubscribing.
    this.rotation.stop()
    this.shifter.stop()
    this.watchdog.stop()
    this.moveOn.stop()
    this.unsubscribe.forEach((off) => off())
    this.unsubscribe = []
  }
}
