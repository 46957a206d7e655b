/**
 * The Guide: the configured channels × the next 6 h (src/guide/guide-grid.ts), and back as far as
 * the tuned channel's DVR window reaches (at most 3 h), 3 h on screen at a time, while the live picture plays on in its window. ◄/► move by programme, ▲/▼ between channels
 * keeping the time column (guide-focus.ts); the focused programme's details show beside the
 * picture. OK: another channel's programme tunes that channel; the tuned channel's programme on
 * air, or one that began within its DVR window, plays from its start ("Watch from start":
 * watch-from-start.ts, LiveChannel.watchFrom; OK or Play on Live goes live again); otherwise back to
 * live TV. Every way out of the Guide by OK lands on Live with Live's own history (back-to-live.ts).
 * The Guide key closes it again. The grid is rebuilt when a schedule changes and each minute.
 */
import { Lightning, Router } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { systemClock, type TimerId } from '../lib/clock'
import type { ChannelConfig } from '../config/app-config'
import type { ChannelSchedules } from '../schedule/channel-schedules'
import type { LiveChannel } from '../player/live-channel'
import type { ChannelTuner, TuneRequest, TuneResult } from '../player/channel-tuner'
import type { AccessibilityControls } from '../app/accessibility'
import { programmeTimeFormatter } from '../schedule/schedule-time'
import { buildGuideGrid, gridLayoutKey, rulerMarks, viewStartFor, VIEW_SPAN_MS, type GuideCell, type GuideChannel, type GuideGrid } from '../guide/guide-grid'
import { initialFocus, moveAlongRow, moveBetweenRows, refocus, type GuideFocus } from '../guide/guide-focus'
import { cellSpeech, cellTitle, detailsLines, guideAction, snapshotGuide, type CellContext, type SnapshotGuide } from '../guide/guide-labels'
import { canWatchFromStart } from '../guide/watch-from-start'
import { historyUpToLive } from '../guide/back-to-live'
import { PictureWindow, PICTURE_WINDOW } from '../components/PictureWindow'
import { label } from '../components/text-label'
import { GuideCellView } from '../components/GuideCellView'

const { x: SAFE_X, y: SAFE_Y } = theme.safe
const CHANNEL_W = 280
const GRID_X = SAFE_X + CHANNEL_W + 16
/** The grid's clip ends at the title-safe edge (its 8 px of slack for the focus ring is on the left). */
const GRID_W = 1920 - SAFE_X - GRID_X - 8
const RULER_Y = PICTURE_WINDOW.y + PICTURE_WINDOW.h + 36
const ROWS_Y = RULER_Y + 48
const ROW_H = 96
const ROW_GAP = 14
const ROW_STEP = ROW_H + ROW_GAP
const ROWS_SHOWN = Math.floor((1080 - SAFE_Y - ROWS_Y) / ROW_STEP)
const PX_PER_MS = GRID_W / VIEW_SPAN_MS
const CELL_GAP = 6
const DETAILS_W = PICTURE_WINDOW.x - SAFE_X - 48
const HINT = '◀ ▶ Programmes  ·  ▲ ▼ Channels  ·  Back to return'
const REBUILD_MS = 60_000

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

/** Where the Guide's focused cell is told to the automation snapshot (null: the Guide is not open). */
export interface GuideReport {
  focused: SnapshotGuide | null
}

/** What the Guide uses, handed over by the composition root (app/routes.ts). */
export interface GuidePageServices {
  channels: readonly ChannelConfig[]
  /** Every channel's listing is loading from the start (schedule/programme-info.ts startProgrammeInfo). */
  schedules: Pick<ChannelSchedules, 'programmes' | 'events'>
  live: Pick<LiveChannel, 'dvrWindow' | 'watchFrom' | 'goLive' | 'timeshifted'>
  tuner: Pick<ChannelTuner, 'current'>
  tune: (request: TuneRequest) => TuneResult
  accessibility: Pick<AccessibilityControls, 'channelChanged'>
  report: GuideReport
}

export class GuidePage extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Template {
    return {
      w: 1920,
      h: 1080,
      Backdrop: { type: PictureWindow },
      Heading: Object.assign({ x: SAFE_X, y: SAFE_Y }, label('Guide', theme.font.title, theme.color.text, { fontStyle: 'bold' })),
      Hint: Object.assign({ x: SAFE_X, y: SAFE_Y + 62 }, label(HINT, 24, theme.color.textDim)),
      Details: {
        x: SAFE_X,
        y: SAFE_Y + 116,
        Title: label('', 36, theme.color.text, { fontStyle: 'bold', wordWrap: true, wordWrapWidth: DETAILS_W, maxLines: 1 }),
        Times: Object.assign({ y: 50 }, label('', theme.font.small, theme.color.focus, { fontStyle: 'bold' })),
        Description: Object.assign({ y: 88 }, label('', theme.font.small, theme.color.textDim, { wordWrap: true, wordWrapWidth: DETAILS_W, maxLines: 2, lineHeight: 34 })),
        Action: Object.assign({ y: 170 }, label('', theme.font.small, theme.color.text, { fontStyle: 'bold' })),
      },
      Ruler: { x: GRID_X, y: RULER_Y, w: GRID_W, h: 40, clipping: true, Marks: {} },
      Channels: { x: SAFE_X, y: ROWS_Y, w: CHANNEL_W, h: ROWS_SHOWN * ROW_STEP, clipping: true, List: {} },
      // The ring of the focused card reaches 6 px beyond it: the clip leaves it room.
      Grid: { x: GRID_X - 8, y: ROWS_Y - 8, w: GRID_W + 16, h: ROWS_SHOWN * ROW_STEP + 8, clipping: true, Rows: { x: 8, y: 8 }, Now: { y: 0, w: 3, h: 0, rect: true, color: theme.color.focus } },
    }
  }

  declare services: GuidePageServices
  private grid: GuideGrid | null = null
  private focus: GuideFocus | null = null
  private viewStart = 0
  private firstRow = 0
  private readonly format = programmeTimeFormatter()
  private timer: TimerId | null = null
  private offSchedules: (() => void) | null = null
  /** gridLayoutKey of the grid drawn. */
  private drawnKey = ''

  /** Built before the Router focuses the page (its _active comes a frame later). */
  override _init(): void {
    this.build()
  }

  override _active(): void {
    this.build()
    this.offSchedules = this.services.schedules.events.on('changed', () => this.build())
    this.timer = systemClock.setTimeout(() => this.tick(), REBUILD_MS)
  }

  override _inactive(): void {
    this.offSchedules?.()
    this.offSchedules = null
    if (this.timer !== null) systemClock.clearTimeout(this.timer)
    this.timer = null
    this.services.report.focused = null
    // Opened again, the Guide starts from the tuned channel's programme on air.
    this.focus = null
  }

  private tick(): void {
    this.build()
    this.timer = systemClock.setTimeout(() => this.tick(), REBUILD_MS)
  }

  /** The grid for now; focus kept on the same row and time column, or on the tuned channel's programme on air at first. */
  private build(): void {
    const { channels, schedules, tuner } = this.services
    const guideChannels: GuideChannel[] = channels.map(({ id, number, name }) => ({ id, number, name }))
    // Back to where the tuned channel's DVR window begins: programmes over but still there to watch from their start.
    const window = this.services.live.dvrWindow()
    const grid = buildGuideGrid({ channels: guideChannels, programmes: (id) => schedules.programmes(id), now: systemClock.now(), from: window ? window.start : null })
    const tunedRow = Math.max(0, guideChannels.findIndex((c) => c.id === tuner.current.id))
    const focus = this.focus ? refocus(grid, this.focus) : initialFocus(grid, tunedRow)
    if (!this.focus) this.viewStart = grid.halfHour
    this.grid = grid
    this.focus = focus
    // Redrawn only when what it shows changed: a redraw moves the focus to new cells, which voice guidance reads out.
    const key = gridLayoutKey(grid)
    if (key !== this.drawnKey) {
      this.drawnKey = key
      this.drawRows()
    }
    this.show()
  }

  private drawRows(): void {
    const grid = this.grid!
    this.tag('Channels.List').children = grid.rows.map((row, i) => ({
      y: i * ROW_STEP,
      w: CHANNEL_W,
      h: ROW_H,
      rect: true,
      color: 0xff1c2633,
      Number: Object.assign({ x: 18, y: ROW_H / 2 + 2, mountY: 0.5 }, label(String(row.channel.number), theme.font.body, theme.color.focus, { fontStyle: 'bold' })),
      Name: Object.assign({ x: 72, y: ROW_H / 2 + 2, mountY: 0.5 }, label(row.channel.name, theme.font.small, theme.color.text, { wordWrap: true, wordWrapWidth: CHANNEL_W - 72 - 12, maxLines: 1 })),
    }))
    this.tag('Grid.Rows').children = grid.rows.map((row, r) => ({
      y: r * ROW_STEP,
      children: row.cells.map((cell, c) =>
        GuideCellView.cell(
          { x: (cell.start - grid.start) * PX_PER_MS, w: Math.max(4, (cell.end - cell.start) * PX_PER_MS - CELL_GAP), h: ROW_H, title: cellTitle(cell), current: cell.current, dim: !cell.programme || cell.end <= grid.now },
          () => cellSpeech(this.context(r, c), this.format),
        ),
      ),
    }))
    // The "now" line runs down the rows there are.
    this.tag('Grid.Now').h = Math.min(grid.rows.length, ROWS_SHOWN) * ROW_STEP
    this.tag('Ruler.Marks').children = rulerMarks(grid).map((t) => Object.assign({ x: (t - grid.start) * PX_PER_MS, y: 4 }, label(this.format(t), 24, theme.color.textDim)))
  }

  /** The focused cell's details, the visible span and rows, and the report. */
  private show(): void {
    const grid = this.grid!
    const focus = this.focus!
    const cell = grid.rows[focus.row]?.cells[focus.cell]
    if (!cell) return
    // The time the viewer is at: now on the programme on air, else the programme's (shown) start.
    this.viewStart = viewStartFor(grid, Math.min(Math.max(focus.column, cell.start), cell.end - 1), this.viewStart)
    const shift = -(this.viewStart - grid.start) * PX_PER_MS
    this.tag('Grid.Rows').x = 8 + shift
    this.tag('Ruler.Marks').x = shift
    this.tag('Grid.Now').patch({ x: 8 + shift + (grid.now - grid.start) * PX_PER_MS - 1 })
    if (focus.row < this.firstRow) this.firstRow = focus.row
    else if (focus.row >= this.firstRow + ROWS_SHOWN) this.firstRow = focus.row - ROWS_SHOWN + 1
    this.tag('Grid.Rows').y = 8 - this.firstRow * ROW_STEP
    this.tag('Channels.List').y = -this.firstRow * ROW_STEP
    const context = this.context(focus.row, focus.cell)
    const details = detailsLines(context, this.format)
    this.tag('Details').patch({
      Title: { text: { text: details.title } },
      Times: { text: { text: details.times } },
      Description: { text: { text: details.description } },
      Action: { text: { text: details.hint } },
    })
    this.services.report.focused = snapshotGuide(context)
    this._refocus()
  }

  private context(row: number, cell: number): CellContext {
    const grid = this.grid!
    const { channel, cells } = grid.rows[row]!
    const c: GuideCell = cells[cell]!
    const { tuner, live } = this.services
    const fromStart = !!c.programme && canWatchFromStart({ channelId: channel.id, start: c.programme.start, tunedChannelId: tuner.current.id, window: live.dvrWindow(), now: systemClock.now() })
    return { channel, cell: c, tunedChannelId: tuner.current.id, fromStart }
  }

  override _getFocused(): Lightning.Component {
    const focus = this.focus
    const row = focus ? (this.tag('Grid.Rows').children[focus.row] as Lightning.Component | undefined) : undefined
    return (row && (row.children[focus!.cell] as Lightning.Component | undefined)) || this
  }

  /** Focus moved by `step` (a key at the grid's edge moves nothing; the key is still the Guide's). */
  private move(step: (grid: GuideGrid, focus: GuideFocus) => GuideFocus | null): boolean {
    const next = this.grid && this.focus ? step(this.grid, this.focus) : null
    if (next) {
      this.focus = next
      this.show()
    }
    return true
  }

  override _handleLeft(): boolean {
    return this.move((grid, focus) => moveAlongRow(grid, focus, -1))
  }

  override _handleRight(): boolean {
    return this.move((grid, focus) => moveAlongRow(grid, focus, 1))
  }

  override _handleUp(): boolean {
    return this.move((grid, focus) => moveBetweenRows(grid, focus, -1))
  }

  override _handleDown(): boolean {
    return this.move((grid, focus) => moveBetweenRows(grid, focus, 1))
  }

  override _handleEnter(): boolean {
    if (!this.grid || !this.focus) return true
    const action = guideAction(this.context(this.focus.row, this.focus.cell))
    const { live, tune, accessibility } = this.services
    if (action.type === 'tune') {
      const result = tune({ id: action.channelId })
      accessibility.channelChanged('tuned' in result ? result.tuned : result)
    } else if (action.type === 'fromStart') {
      // The window slid past the start meanwhile: live instead.
      if (!live.watchFrom(action.at)) live.goLive()
    } else if (live.timeshifted) live.goLive()
    backToLive()
    return true
  }

  /** The Guide key again: back where the Guide was opened from. */
  _handleGuide(): boolean {
    if (Router.getHistory().length) Router.back()
    else Router.navigate('live')
    return true
  }
}

/** To Live, with the history Live had (Back there asks "Exit?"); opened from a link: navigate there. */
function backToLive(): void {
  const history = historyUpToLive(Router.getHistory())
  if (!history) {
    Router.navigate('live')
    return
  }
  Router.setHistory(history)
  Router.back()
}
