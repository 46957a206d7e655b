/**
 * Captions and voice guidance for the whole app: the viewer's choices (CaptionPreferences) drive
 * the caption track, the captions layer's style and the announcer; focus moves and page changes
 * are spoken when voice guidance is on.
 */
import { CaptionPreferences, type SessionOverrides } from '../captions/caption-preferences'
import { CAPTION_BOTTOM_ABOVE_CRAWL, CAPTION_BOTTOM_WITHOUT_CRAWL } from '../captions/caption-layout'
import type { CaptionTrack } from '../captions/caption-track'
import { systemClock } from '../lib/clock'
import type { KeyValueStore } from '../lib/key-value-store'
import { Announcer, pickSpeechEngine, readPlatformVoiceSetting } from '../voice/announcer'
import { focusLabel, type LabelledNode } from '../voice/focus-label'
import { audioChoiceSpeech, channelChangeSpeech, speakable, StatusAnnouncements, type ChannelChange } from '../voice/spoken-events'
import type { CaptionsLayer } from '../widgets/CaptionsLayer'

const PAGE_TITLES: Record<string, string> = {
  live: 'Live TV',
  browse: 'Browse stories',
  'article/:id': 'Story',
  settings: 'Settings',
  guide: 'Guide',
}

export class AccessibilityControls {
  readonly preferences: CaptionPreferences
  readonly platformVoice: boolean | null
  private readonly announcer: Announcer
  private readonly unsubscribe: Array<() => void>
  private lastRoute: string | null = null
  private readonly status = new StatusAnnouncements()

  constructor(
    store: KeyValueStore,
    session: SessionOverrides,
    private readonly layer: CaptionsLayer,
    private readonly track: CaptionTrack,
    report: (problem: string) => void,
  ) {
    this.preferences = new CaptionPreferences(store, session, report)
    this.platformVoice = readPlatformVoiceSetting()
    this.announcer = new Announcer(pickSpeechEngine(), systemClock)
    this.unsubscribe = [
      this.preferences.events.on('change', () => this.apply()),
      track.events.on('cues', (lines) => layer.setCues(lines)),
    ]
    this.apply()
  }

  /** Captions sit just above the crawl while it shows, lower when it doesn't. */
  setCrawlShown(shown: boolean): void {
    this.layer.setBottom(shown ? CAPTION_BOTTOM_ABOVE_CRAWL : CAPTION_BOTTOM_WITHOUT_CRAWL)
  }

  /** A focus move: the page's title first when the page changed, then the focused item's label. */
  focusMoved(route: string, focused: unknown): void {
    if (route !== this.lastRoute) {
      this.lastRoute = route
      this.announcer.announcePage(PAGE_TITLES[route] ?? route)
    }
    this.announcer.announceFocus(focusLabel(focused as LabelledNode))
  }

  /** The Live page changed channel (or was given a number no channel has). */
  channelChanged(change: ChannelChange): void {
    this.announcer.announceEvent('channel', channelChangeSpeech(change))
  }

  /** The Audio key switched the audio rendition to the one labelled `label`. */
  audioChosen(label: string): void {
    this.announcer.announceEvent('audio', audioChoiceSpeech(label))
  }

  /** A story comes on air (the On-air chip): said once per range. */
  onAirShown(headline: string): void {
    this.announcer.announceEvent('onAir', speakable(`On air: ${headline}`))
  }

  /** An emergency alert took the red bar (src/alerts/alert-board.ts alertSpeech). */
  alertShown(text: string): void {
    this.announcer.announceEvent('alert', speakable(text))
  }

  /** A new breaking story took the bar (src/crawl/breaking-news.ts). */
  breakingShown(headline: string): void {
    this.announcer.announceEvent('breaking', speakable(`Breaking news. ${headline}`))
  }

  /** The status banner now shows `text` (null: hidden). */
  statusShown(text: string | null): void {
    const speech = this.status.next(text)
    if (speech && 'say' in speech) this.announcer.announceEvent('status', speech.say)
    else if (speech) this.announcer.withdrawEvent('status')
  }

  /** A dialog opened: its question goes before its focused button ("Exit? No"). */
  dialogOpened(title: string): void {
    this.announcer.announceEvent('dialog', speakable(title))
  }

  destroy(): void {
    this.unsubscribe.forEach((off) => off())
    this.announcer.destroy()
  }

  private apply(): void {
    this.track.setEnabled(this.preferences.captionsOn())
    this.layer.applyStyle(this.preferences.style)
    this.announcer.setEnabled(this.preferences.voiceOn(this.platformVoice))
  }
}
