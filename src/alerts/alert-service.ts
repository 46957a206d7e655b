/**
 * The alerts' one entry for the UI: polls the CAP source (alert-poller.ts), keeps the last
 * messages, and re-filters them for the viewer (alerts-in-force.ts) after each poll and every
 * REFILTER_MS (so an alert leaves the screen when it expires, between polls); the AlertBoard
 * says what the bar and the crawl show. `changed` fires whenever that may differ: a new list,
 * another alert on the bar, or the bar becoming dismissable. Clock injected.
 */
import { systemClock, type Clock, type TimerId } from '../lib/clock'
import { Emitter } from '../lib/emitter'
import type { FeedError } from '../feed/feed-error'
import type { FeedFetch } from '../feed/feed-http'
import type { CapAlert } from './cap-alert'
import { AlertPoller } from './alert-poller'
import { alertsInForce, type ShownAlert } from './alerts-in-force'
import { AlertBoard } from './alert-board'
import { viewerAreaOf, type AlertSettings } from './alert-settings'
import { areaChoices, type Area, type AreaChoice } from './alert-area-menu'

export const REFILTER_MS = 30_000

export interface AlertChange {
  /** The bar shows another alert (or none) than before: announce it. */
  barChanged: boolean
}

export interface AlertServiceEvents extends Record<string, unknown> {
  changed: AlertChange
  error: FeedError
}

export interface AlertServiceOptions {
  settings: AlertSettings & { url: string }
  /** The viewer's own choice of area (Settings, stored), over settings.area. */
  viewerArea?: Area | null
  /** The viewer's language tag (navigator.language). */
  language: string
  clock?: Clock
  fetch?: FeedFetch
}

export class AlertService {
  readonly events = new Emitter<AlertServiceEvents>()
  readonly board: AlertBoard
  private readonly clock: Clock
  private readonly poller: AlertPoller
  private messages: CapAlert[] = []
  private refilterTimer: TimerId | null = null
  private dismissTimer: TimerId | null = null
  private viewerArea: Area

  constructor(private readonly options: AlertServiceOptions) {
    this.clock = options.clock ?? systemClock
    this.viewerArea = options.viewerArea ?? options.settings.area
    this.board = new AlertBoard(options.settings.minShowSeconds * 1000)
    this.poller = new AlertPoller({
      url: options.settings.url,
      intervalSeconds: options.settings.pollSeconds,
      clock: this.clock,
      ...(options.fetch ? { fetch: options.fetch, cacheMode: 'no-store' as RequestCache } : {}),
    })
    this.poller.events.on('alerts', (messages) => {
      this.messages = messages
      this.refilter()
    })
    this.poller.events.on('error', (error) => this.events.emit('error', error))
  }

  start(): void {
    this.poller.start()
    this.scheduleRefilter()
  }

  stop(): void {
    this.poller.stop()
    for (const timer of [this.refilterTimer, this.dismissTimer]) if (timer !== null) this.clock.clearTimeout(timer)
    this.refilterTimer = this.dismissTimer = null
  }

  /** The alerts in force for the viewer's area (the automation snapshot's `alerts`). */
  current(): readonly ShownAlert[] {
    return this.board.all
  }

  /** The area whose alerts are shown. */
  get area(): Area {
    return this.viewerArea
  }

  /** The viewer picked another area (Settings): the alerts are filtered for it at once. */
  setArea(area: Area): void {
    this.viewerArea = area
    this.refilter()
  }

  /** The Settings row's choices: the area as set up, then every geocode in the source. */
  areaChoices(): AreaChoice[] {
    return areaChoices(this.messages, this.options.settings.area)
  }

  canDismiss(): boolean {
    return this.board.canDismiss(this.clock.now())
  }

  /** OK on the bar: dismisses it once it has been up the minimum time; false before. */
  dismiss(): boolean {
    const done = this.board.dismiss(this.clock.now())
    if (done) this.changed(true)
    return done
  }

  private refilter(): void {
    const now = this.clock.now()
    const viewer = viewerAreaOf(this.viewerArea)
    const barChanged = this.board.update(alertsInForce(this.messages, { now, viewer, language: this.options.language }), now)
    this.changed(barChanged)
  }

  private changed(barChanged: boolean): void {
    if (this.dismissTimer !== null) this.clock.clearTimeout(this.dismissTimer)
    this.dismissTimer = null
    const at = this.board.dismissableAt()
    const now = this.clock.now()
    if (at !== null && at > now) {
      this.dismissTimer = this.clock.setTimeout(() => {
        this.dismissTimer = null
        this.emit({ barChanged: false })
      }, at - now)
    }
    this.emit({ barChanged })
  }

  private emit(change: AlertChange): void {
    try {
      this.events.emit('changed', change)
    } catch (error) {
      console.error('AlertService: a listener threw', error)
    }
  }

  private scheduleRefilter(): void {
    this.refilterTimer = this.clock.setTimeout(() => {
      this.refilter()
      this.scheduleRefilter()
    }, REFILTER_MS)
  }
}
