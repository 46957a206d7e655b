/**
 * Live (home): the full-screen channel, transparent so the <video> under the canvas shows.
 * - OK: sound on if the browser started muted; while a story is "On air" (the chip), that story;
 *   else the info overlay. Info: the info overlay, always (behind live too: it names the programme
 *   on screen); Info again: the Guide (remotes without a Guide key).
 * - Up/Down and ChannelUp/Down: the next/previous channel, with the channel banner.
 * - Digits: type a channel number. OK when paused: go live (Pause/Play are the App's, on every page).
 * - Left/Right: Browse. In the overlay: Down picks a headline in the crawl, Right opens Settings.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { InfoOverlay } from '../widgets/InfoOverlay'
import { ChannelBanner } from '../widgets/ChannelBanner'
import { ChannelNumberEntry } from '../input/channel-number-entry'
import { digitOfKey } from '../input/key-map'
import { systemClock } from '../lib/clock'
import type { LiveChannel } from '../player/live-channel'
import type { ChannelTuner, TuneRequest, TuneResult } from '../player/channel-tuner'
import type { AudioChoice } from '../player/audio-tracks'
import type { AccessibilityControls } from '../app/accessibility'
import { nextAudioOption, ONLY_ONE_AUDIO } from '../settings/audio-menu'
import { AudioOnlyCard } from '../widgets/AudioOnlyCard'
import { showsAudioOnlyCard } from '../player/audio-only'
import type { ProgrammeInfo } from '../schedule/programme-info'
import type { AdBreakWatch } from '../player/ad-break-watch'
import { OnAirChip } from '../widgets/OnAirChip'
import type { OnAir, OnAirService } from '../onair/on-air'
import { articlePath } from '../browse/article-path'

const OVERLAY_HINTS = '▼ Pick a headline    ◀ Browse stories    ▶ Settings    Info: Guide    ▲ Close'

/** What Live uses, handed over by the composition root (app/routes.ts). */
export interface LivePageServices {
  live: LiveChannel
  tuner: ChannelTuner
  audio: AudioChoice
  accessibility: AccessibilityControls
  tune: (request: TuneRequest) => TuneResult
  /** Now/next on a channel, from its schedule (src/schedule/programme-info.ts). */
  programmes: ProgrammeInfo
  /** Is the playhead in an ad break: the banner shows no now/next then. */
  adBreaks: Pick<AdBreakWatch, 'adBreak' | 'events'>
  /** The story on air (src/onair/): the chip, and what OK opens while it shows. */
  onAir: OnAirService
}

export class LivePage extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return { w: 1920, h: 1080, AudioCard: { type: AudioOnlyCard }, OnAir: { type: OnAirChip }, Info: { type: InfoOverlay }, Banner: { type: ChannelBanner } }
  }

  declare services: LivePageServices
  private unsubscribe: Array<() => void> = []

  /** The channel Live last showed: one tuned elsewhere (the Guide) gets the channel banner on coming back. */
  private shownChannelId: string | null = null

  /** An audio-only channel: a still card (its name, "Audio only") over the black picture. */
  override _attach(): void {
    const { live, tuner } = this.services
    if (this.shownChannelId === null) this.shownChannelId = tuner.current.id
    const update = () => (this.tag('AudioCard') as AudioOnlyCard).show(showsAudioOnlyCard(live.audioOnly, live.state) ? tuner.current.name : null)
    this.unsubscribe.push(live.events.on('audioOnly', update), live.events.on('state', update))
    update()
    const { adBreaks } = this.services
    const banner = this.banner
    this.unsubscribe.push(adBreaks.events.on('adBreak', (inBreak) => banner.setAdBreak(inBreak)))
    banner.setAdBreak(adBreaks.adBreak)
    const { onAir } = this.services
    this.unsubscribe.push(onAir.events.on('changed', (shown) => this.showOnAir(shown)))
    this.showOnAir(onAir.current)
    // From start or Go live: an open overlay names the programme now on screen at once.
    this.unsubscribe.push(live.events.on('timeshift', () => this.overlay.visible && this.showOverlay()))
  }

  /** The range whose story was last announced: once per range. */
  private announcedRange: string | null = null

  private showOnAir(shown: OnAir | null): void {
    ;(this.tag('OnAir') as OnAirChip).show(shown)
    // Said where it shows: on Live (back on Live, a story not yet said is said then).
    if (shown && shown.range.id !== this.announcedRange && Router.getActiveRoute() === 'live') {
      this.announcedRange = shown.range.id
      this.services.accessibility.onAirShown(shown.article.title)
    }
  }

  override _detach(): void {
    this.stopFollowing?.()
    this.stopFollowing = null
    this.unsubscribe.forEach((off) => off())
    this.unsubscribe = []
  }

  private readonly numberEntry = new ChannelNumberEntry(systemClock, (n) => this.tune({ number: n }))

  private get overlay(): InfoOverlay {
    return this.tag('Info') as InfoOverlay
  }

  private stopFollowing: (() => void) | null = null

  /** The info overlay, kept right while open: programme boundaries, schedule changes, progress. */
  private showOverlay(): void {
    const channel = this.services.tuner.current
    this.stopFollowing?.()
    this.stopFollowing = this.services.programmes.follow(channel.id, (lines) => this.overlay.present(channel, lines, OVERLAY_HINTS))
  }

  private hideOverlay(): void {
    this.stopFollowing?.()
    this.stopFollowing = null
    this.overlay.hide()
  }

  override _focus(): void {
    this.showOnAir(this.services.onAir.current)
    const channel = this.services.tuner.current
    if (channel.id !== this.shownChannelId) {
      this.shownChannelId = channel.id
      this.banner.showChannel(channel.number, channel.name, this.services.programmes.lines(channel.id))
    }
  }

  override _inactive(): void {
    this.numberEntry.cancel()
    this.hideOverlay()
  }

  override _captureKey(event: KeyboardEvent): boolean {
    // Any key but a digit or OK ends a half-typed channel number.
    if (digitOfKey(event) === null && event.keyCode !== 13) this.numberEntry.cancel()
    return false
  }

  override _handleEnter(): boolean {
    const onAir = this.services.onAir.current
    if (this.handledAheadOfOverlay()) return true
    if (this.overlay.visible) this.hideOverlay()
    else if (onAir) Router.navigate(articlePath(onAir.article.id))
    else this.showOverlay()
    return true
  }

  /** OK's meanings that come before the story and the overlay: a typed number, go live, sound on. */
  private handledAheadOfOverlay(): boolean {
    const { live } = this.services
    if (this.numberEntry.typed) this.numberEntry.commit()
    else if (live.paused) live.goLive()
    else if (live.soundBlocked) live.unmute()
    // Playing a programme from its start (the Guide's "Watch from start"), or on after a pause: OK goes live.
    else if (live.timeshifted) live.goLive()
    else return false
    return true
  }

  override _handleUp(): boolean {
    if (this.overlay.visible) this.hideOverlay()
    else this.tune({ step: 1 })
    return true
  }

  override _handleDown(): boolean {
    if (!this.overlay.visible) {
      this.tune({ step: -1 })
      return true
    }
    this.hideOverlay()
    Router.focusWidget('Ticker')
    return true
  }

  _handleChannelUp(): boolean {
    this.tune({ step: 1 })
    return true
  }

  _handleChannelDown(): boolean {
    this.tune({ step: -1 })
    return true
  }

  override _handleLeft(): boolean {
    Router.navigate('browse')
    return true
  }

  override _handleRight(): boolean {
    Router.navigate(this.overlay.visible ? 'settings' : 'browse')
    return true
  }

  /** The Audio key (Samsung MTS, a keyboard's A): the next audio rendition, shown and spoken; kept. */
  _handleAudio(): boolean {
    const { live, audio, accessibility } = this.services
    const { tracks, current } = live.audioTracks()
    const next = nextAudioOption(audio.options(tracks), current, { direction: 1, wrap: true })
    if (next) {
      audio.choose(next)
      live.setAudioTrack(next.index)
    }
    const label = next ? next.label : ONLY_ONE_AUDIO
    this.banner.showNote(`Audio: ${label}`)
    accessibility.audioChosen(label)
    return true
  }

  _handleInfo(): boolean {
    // Info is the overlay, always: behind live or paused it says what is on screen (it does not go live).
    if (this.numberEntry.typed) this.numberEntry.commit()
    else if (this.overlay.visible) {
      this.hideOverlay()
      Router.navigate('guide')
    } else this.showOverlay()
    return true
  }

  _handleDigit(event: KeyboardEvent): boolean {
    const digit = digitOfKey(event)
    if (digit === null) return false
    this.numberEntry.digit(digit)
    if (this.numberEntry.typed) this.banner.showTyping(this.numberEntry.typed)
    return true
  }

  override _handleBack(): boolean {
    if (this.overlay.visible) {
      this.hideOverlay()
      return true
    }
    return false
  }

  private get banner(): ChannelBanner {
    return this.tag('Banner') as ChannelBanner
  }

  /** Tunes, then the channel banner, and the same for voice guidance. */
  private tune(request: TuneRequest): void {
    const result = this.services.tune(request)
    if ('tuned' in result) this.shownChannelId = result.tuned.id
    if ('tuned' in result) this.banner.showChannel(result.tuned.number, result.tuned.name, this.services.programmes.lines(result.tuned.id))
    else this.banner.showMessage(String(result.unknownNumber), 'No such channel')
    this.services.accessibility.channelChanged('tuned' in result ? result.tuned : result)
  }
}
