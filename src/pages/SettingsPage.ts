/**
 * Settings: the headline crawl (on/off, speed), the audio rendition (language, audio description),
 * captions and their style, voice guidance, and which version this is. One row per SETTINGS_MENU
 * entry, the Audio row (audio-menu.ts), then one per ACCESSIBILITY_MENU entry; Up/Down choose a row
 * (the list scrolls), Left/Right change its value, OK steps it round; on the Alert area row the
 * digits type an area code. A change applies at once and is saved (SDK Storage) for the next start.
 * The live picture plays on in its window.
 */
import { Lightning } from '@lightningjs/sdk'
import type { LiveChannel } from '../player/live-channel'
import type { AudioChoice } from '../player/audio-tracks'
import type { AccessibilityControls } from '../app/accessibility'
import type { AppConfig } from '../config/app-config'
import { theme } from '../app/theme'
import { sdkStorage } from '../lib/sdk-storage'
import { SETTINGS_MENU, type SettingChange } from '../settings/settings-menu'
import { ACCESSIBILITY_MENU } from '../settings/accessibility-menu'
import { AUDIO_ROW_LABEL, audioRowText, nextAudioOption } from '../settings/audio-menu'
import { applyCrawlPreferences, loadCrawlPreferences, saveCrawlPreferences, type CrawlPreferences } from '../crawl/crawl-preferences'
import { PictureWindow } from '../components/PictureWindow'
import { SettingRow, ROW_H } from '../components/SettingRow'
import type { AlertService } from '../alerts/alert-service'
import { ALERT_AREA_ROW_LABEL, areaLabel, nextArea, saveAlertArea, type Area } from '../alerts/alert-area-menu'
import { AreaCodeEntry, type AreaCodeStep } from '../alerts/area-code-entry'
import { digitOfKey } from '../input/key-map'

const ROWS_Y = 200
const ROW_STEP = ROW_H + 16
/** Rows on screen at once; the list scrolls to keep the focused one among them. */
const VISIBLE_ROWS = 8
/** The Audio row comes after the crawl's rows, before the accessibility ones. */
const AUDIO_ROW = SETTINGS_MENU.length
/** The emergency alerts' area comes last. */
const ALERT_ROW = SETTINGS_MENU.length + 1 + ACCESSIBILITY_MENU.length
const ROW_COUNT = ALERT_ROW + 1
/** Under the picture window, in the right-hand column. */
const ABOUT_X = 1344
const ABOUT_Y = 380
const HINT = 'Left/Right or OK to change  ·  Back to return'
const ALERT_ROW_HINT = 'Left/Right: areas in the alerts  ·  digits: type a SAME or FIPS code  ·  Back to return'

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

function text(y: number, value: string, fontSize: number, color: number, bold = false): Template {
  return { y, text: { text: value, fontFace: theme.font.face, fontSize, textColor: color, fontStyle: bold ? 'bold' : 'normal', wordWrap: false } }
}

/** A Router page: the Router hands it the widgets (`this.widgets.ticker` is the crawl, typed in crawl/HeadlineTicker.ts). */
interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}

/** What Settings uses, handed over by the composition root (app/routes.ts). */
export interface SettingsPageServices {
  live: LiveChannel
  audio: AudioChoice
  accessibility: AccessibilityControls
  /** The operator's crawl settings the viewer's choices are relative to. */
  ticker: AppConfig['ticker']
  version: string
  /** Emergency alerts: the Alert area row; null when no alert source is configured. */
  alerts: AlertService | null
}

export class SettingsPage extends Lightning.Component<Lightning.Component.TemplateSpecLoose, PageTypeConfig> {
  static override _template(): Template {
    const rows: Record<string, Template> = {}
    ;[...SETTINGS_MENU, { id: 'Audio', label: AUDIO_ROW_LABEL }, ...ACCESSIBILITY_MENU, { id: 'AlertArea', label: ALERT_AREA_ROW_LABEL }].forEach((item, i) => {
      rows[item.id] = { type: SettingRow, y: i * ROW_STEP, label: item.label }
    })
    return {
      w: 1920,
      h: 1080,
      Backdrop: { type: PictureWindow },
      Heading: Object.assign({ x: theme.safe.x }, text(theme.safe.y, 'Settings', theme.font.title, theme.color.text, true)),
      Hint: Object.assign({ x: theme.safe.x }, text(theme.safe.y + 62, HINT, 24, theme.color.textDim)),
      List: { x: theme.safe.x, y: ROWS_Y, w: 1160, h: VISIBLE_ROWS * ROW_STEP, clipping: true, Rows: rows },
      About: {
        x: ABOUT_X,
        y: ABOUT_Y,
        Title: text(0, 'About', theme.font.body, theme.color.text, true),
        Version: text(48, '', theme.font.small, theme.color.textDim),
        Kept: text(88, 'Your choices are kept on this TV.', theme.font.small, theme.color.textDim),
      },
    }
  }

  private preferences: CrawlPreferences = { crawlEnabled: true, crawlSpeed: 'normal' }
  declare services: SettingsPageServices
  private rowIndex = 0
  private stopAudioUpdates: (() => void) | null = null
  /** Digits typed on the Alert area row: an area code (alerts/area-code-entry.ts). */
  private readonly areaCode = new AreaCodeEntry()

  override _active(): void {
    // The Audio row follows the stream (its tracks arrive, a switch completes, the channel changes).
    this.stopAudioUpdates = this.services.live.events.on('audioTracks', () => this.showValues())
    // The Alert area row's choices come with the alert source's messages.
    const stopAlertUpdates = this.services.alerts?.events.on('changed', () => this.showValues())
    if (stopAlertUpdates) {
      const stopAudio = this.stopAudioUpdates
      this.stopAudioUpdates = () => {
        stopAudio()
        stopAlertUpdates()
      }
    }
    const { ticker, version } = this.services
    this.preferences = loadCrawlPreferences(sdkStorage, ticker)
    this.tag('About.Version').text.text = `Live News for TV, version ${version}`
    this.showValues()
  }

  override _inactive(): void {
    this.areaCode.cancel()
    if (this.stopAudioUpdates) this.stopAudioUpdates()
    this.stopAudioUpdates = null
  }

  override _getFocused(): Lightning.Component {
    return this.tag('List.Rows').children[this.rowIndex] as Lightning.Component
  }

  override _handleUp(): boolean {
    return this.moveRow(-1)
  }

  override _handleDown(): boolean {
    return this.moveRow(1)
  }

  override _handleLeft(): boolean {
    return this.change({ direction: -1, wrap: false })
  }

  override _handleRight(): boolean {
    return this.change({ direction: 1, wrap: false })
  }

  override _handleEnter(): boolean {
    if (this.areaCode.typed) return this.typedArea(this.areaCode.commit())
    return this.change({ direction: 1, wrap: true })
  }

  /** Digits on the Alert area row type an area code (any other key drops it). */
  _handleDigit(event: KeyboardEvent): boolean {
    const digit = digitOfKey(event)
    if (digit === null || this.rowIndex !== ALERT_ROW || !this.services.alerts) return false
    return this.typedArea(this.areaCode.digit(digit))
  }

  override _captureKey(event: KeyboardEvent): boolean {
    if (this.areaCode.typed && digitOfKey(event) === null && event.keyCode !== 13) {
      this.areaCode.cancel()
      this.showValues()
    }
    return false
  }

  private typedArea(step: AreaCodeStep): boolean {
    if ('code' in step) this.setArea([step.code])
    this.showValues()
    return true
  }

  private setArea(area: Area): void {
    const { alerts } = this.services
    if (!alerts) return
    alerts.setArea(area)
    saveAlertArea(sdkStorage, area)
  }

  private moveRow(delta: number): boolean {
    const next = this.rowIndex + delta
    if (next < 0 || next >= ROW_COUNT) return false
    this.rowIndex = next
    const firstShown = Math.min(Math.max(0, next - (VISIBLE_ROWS - 2)), ROW_COUNT - VISIBLE_ROWS)
    this.tag('List.Rows').y = -Math.max(0, firstShown) * ROW_STEP
    this.tag('Hint').text.text = next === ALERT_ROW && this.services.alerts ? ALERT_ROW_HINT : HINT
    this._refocus()
    return true
  }

  private change(how: SettingChange): boolean {
    const { accessibility, alerts } = this.services
    if (this.rowIndex === ALERT_ROW) {
      if (alerts) this.setArea(nextArea(alerts.areaChoices(), alerts.area, how))
      this.showValues()
      return true
    }
    if (this.rowIndex === AUDIO_ROW) {
      const { live, audio } = this.services
      const { tracks, current } = live.audioTracks()
      const next = nextAudioOption(audio.options(tracks), current, how)
      if (next) {
        audio.choose(next)
        live.setAudioTrack(next.index)
      }
      this.showValues()
      return true
    }
    const a11yItem = ACCESSIBILITY_MENU[this.rowIndex - AUDIO_ROW - 1]
    if (a11yItem) {
      a11yItem.change(accessibility.preferences, how, accessibility.platformVoice)
      this.showValues()
      return true
    }
    this.preferences = SETTINGS_MENU[this.rowIndex]!.change(this.preferences, how)
    saveCrawlPreferences(sdkStorage, this.preferences)
    applyCrawlPreferences(this.widgets.ticker, this.preferences, this.services.ticker)
    this.showValues()
    return true
  }

  private showValues(): void {
    const rows = this.tag('List.Rows').children as SettingRow[]
    SETTINGS_MENU.forEach((item, i) => {
      rows[i]!.value = item.valueText(this.preferences)
    })
    const { accessibility, live, audio } = this.services
    const { tracks, current } = live.audioTracks()
    rows[AUDIO_ROW]!.value = audioRowText(audio.options(tracks), current)
    ACCESSIBILITY_MENU.forEach((item, i) => {
      rows[AUDIO_ROW + 1 + i]!.value = item.valueText(accessibility.preferences, accessibility.platformVoice)
    })
    const { alerts } = this.services
    const typed = this.areaCode.typed
    rows[ALERT_ROW]!.value = !alerts ? 'No alert source' : typed ? `Code: ${AreaCodeEntry.placeholder(typed)}` : areaLabel(alerts.area, alerts.areaChoices())
  }
}
