/**
 * Settings: the headline crawl on or off and its speed, and which version this is. One row per
 * SETTINGS_MENU entry; Up/Down choose a row, Left/Right change its value, OK steps it round. A
 * change reaches the crawl at once and is saved (SDK Storage) for the next start. The live
 * picture plays on in its window, as on Browse.
 */
import { Lightning } from '@lightningjs/sdk'
import { appContext } from '../app/app-context'
import { theme } from '../app/theme'
import { sdkStorage } from '../lib/sdk-storage'
import { SETTINGS_MENU, type SettingChange } from '../settings/settings-menu'
import {
  crawlOptions,
  defaultViewerPreferences,
  loadViewerPreferences,
  saveViewerPreferences,
  type ViewerPreferences,
} from '../settings/viewer-preferences'
import { PictureWindow } from '../components/PictureWindow'
import { SettingRow, ROW_H } from '../components/SettingRow'

const ROWS_Y = 200
const ROW_STEP = ROW_H + 24
const ABOUT_Y = ROWS_Y + SETTINGS_MENU.length * ROW_STEP + 60

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

/** The crawl widget as the Router hands it to pages (`this.widgets.ticker`). */
interface CrawlWidget {
  configure(options: { speedPxPerSecond: number; enabled: boolean }): void
}

function text(y: number, value: string, fontSize: number, color: number, bold = false): Template {
  return { y, text: { text: value, fontFace: theme.font.face, fontSize, textColor: color, fontStyle: bold ? 'bold' : 'normal', wordWrap: false } }
}

export class SettingsPage extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    const rows: Record<string, Template> = {}
    SETTINGS_MENU.forEach((item, i) => {
      rows[item.id] = { type: SettingRow, y: i * ROW_STEP, label: item.label }
    })
    return {
      w: 1920,
      h: 1080,
      Backdrop: { type: PictureWindow },
      Heading: Object.assign({ x: theme.safe.x }, text(theme.safe.y, 'Settings', theme.font.title, theme.color.text, true)),
      Hint: Object.assign({ x: theme.safe.x }, text(theme.safe.y + 62, 'Left/Right or OK to change  ·  Back to return', 24, theme.color.textDim)),
      Rows: Object.assign({ x: theme.safe.x, y: ROWS_Y }, rows),
      About: {
        x: theme.safe.x,
        y: ABOUT_Y,
        Title: text(0, 'About', theme.font.body, theme.color.text, true),
        Version: text(48, '', theme.font.small, theme.color.textDim),
        Kept: text(88, 'Your choices are kept on this TV.', theme.font.small, theme.color.textDim),
      },
    }
  }

  private preferences: ViewerPreferences = { crawlEnabled: true, crawlSpeed: 'normal' }
  private rowIndex = 0

  override _active(): void {
    const { config } = appContext()
    this.preferences = loadViewerPreferences(sdkStorage, defaultViewerPreferences(config.ticker))
    this.tag('About.Version').text.text = `Live News for TV, version ${config.version}`
    this.showValues()
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Rows').children[this.rowIndex] as Lightning.Component
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
    return this.change({ direction: 1, wrap: true })
  }

  private moveRow(delta: number): boolean {
    const next = this.rowIndex + delta
    if (next < 0 || next >= SETTINGS_MENU.length) return false
    this.rowIndex = next
    this._refocus()
    return true
  }

  private change(how: SettingChange): boolean {
    const { config } = appContext()
    this.preferences = SETTINGS_MENU[this.rowIndex]!.change(this.preferences, how)
    saveViewerPreferences(sdkStorage, this.preferences)
    const widgets = (this as unknown as { widgets?: { ticker?: CrawlWidget } }).widgets
    if (widgets && widgets.ticker) widgets.ticker.configure(crawlOptions(this.preferences, config.ticker))
    this.showValues()
    return true
  }

  private showValues(): void {
    SETTINGS_MENU.forEach((item, i) => {
      ;(this.tag('Rows').children[i] as SettingRow).value = item.valueText(this.preferences)
    })
  }
}
