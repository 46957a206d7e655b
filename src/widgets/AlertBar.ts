/**
 * The bar across the top of the picture, full width, in two kinds:
 * - an emergency alert: red, with the event, the headline and the area (src/alerts/alert-board.ts
 *   decides which alert and when OK may dismiss it);
 * - a breaking story: the channel's dark bar with a yellow BREAKING NEWS label, sliding down from the
 *   top edge (src/crawl/breaking-news.ts decides which story and for how long).
 * App wires both; an alert always wins. It sits over the pages and the crawl and under the captions (App's zIndex).
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import type { ShownAlert } from '../alerts/alerts-in-force'
import type { BreakingStory } from '../crawl/breaking-news'

const ALERT_RED = 0xffb00020
/** The channel's bar colour, opaque: nothing under it shows through. */
const BREAKING_BAR = 0xff101820
const TEXT_W = 1920 - 2 * theme.safe.x
export const DISMISS_HINT = 'Press OK to dismiss'
export const BREAKING_LABEL = 'BREAKING NEWS'
export const READ_HINT = 'Press OK to read'
const BAR_H = 280
const BREAKING_H = 176

const textStyle = (fontSize: number, extra: object = {}) =>
  Object.assign({ text: '', fontFace: theme.font.face, fontSize, textColor: theme.color.text, wordWrapWidth: TEXT_W }, extra)

export class AlertBar extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      visible: false,
      Bar: {
        // Full width from the top edge; its texts inside the title-safe area.
        rect: true, w: 1920, h: BAR_H, color: ALERT_RED,
        Label: {
          x: theme.safe.x, y: theme.safe.y, visible: false, rect: true, h: 52, w: 320, color: theme.color.breaking,
          LabelText: { x: 16, y: 6, text: textStyle(34, { text: BREAKING_LABEL, fontStyle: 'bold', textColor: theme.color.onBreaking, wordWrapWidth: 0 }) },
        },
        AlertEvent: { x: theme.safe.x, y: theme.safe.y, text: textStyle(44, { fontStyle: 'bold', maxLines: 1 }) },
        AlertHeadline: { x: theme.safe.x, y: theme.safe.y + 58, text: textStyle(34, { maxLines: 2 }) },
        AlertArea: { x: theme.safe.x, y: theme.safe.y + 154, text: textStyle(28, { textColor: 0xffffe0e0, maxLines: 1, wordWrapWidth: TEXT_W - 420 }) },
        AlertHint: { x: 1920 - theme.safe.x, y: theme.safe.y + 154, mountX: 1, visible: false, text: textStyle(28, { text: DISMISS_HINT, wordWrapWidth: 0 }) },
      },
    }
  }

  /** What is on the bar: an alert, a breaking story, or nothing. */
  kind: 'alert' | 'breaking' | null = null
  private storyId = ''

  show(alert: ShownAlert | null): void {
    if (!alert) {
      this.hide()
      return
    }
    this.kind = 'alert'
    this.placeBar(0)
    this.patch({
      visible: true,
      Bar: {
        h: BAR_H, color: ALERT_RED,
        Label: { visible: false },
        AlertEvent: { visible: true, text: { text: `${alert.severity.toUpperCase()}: ${alert.event}` } },
        AlertHeadline: { text: { text: alert.headline } },
        AlertArea: { text: { text: alert.area } },
        AlertHint: { visible: false, text: { text: DISMISS_HINT } },
      },
    })
  }

  /** A breaking story slides down over the top of the picture; OK reads it (App). */
  showBreaking(story: BreakingStory): void {
    const sliding = this.kind !== 'breaking' || this.storyId !== story.id
    this.kind = 'breaking'
    this.storyId = story.id
    this.patch({
      visible: true,
      Bar: {
        h: BREAKING_H, color: BREAKING_BAR,
        Label: { visible: true },
        AlertEvent: { visible: false },
        AlertHeadline: { y: theme.safe.y + 64, text: { text: story.headline } },
        AlertArea: { text: { text: '' } },
        AlertHint: { visible: true, y: theme.safe.y + 6, text: { text: READ_HINT } },
      },
    })
    if (sliding) {
      this.placeBar(-BREAKING_H)
      this.tag('Bar')!.setSmooth('y', 0, { duration: 0.35 })
    }
  }

  /** Puts the bar at `y` at once, ending any slide. */
  private placeBar(y: number): void {
    const bar = this.tag('Bar')!
    bar.transition('y').stop()
    bar.y = y
  }

  hide(): void {
    this.kind = null
    this.visible = false
    this.patch({ Bar: { AlertHeadline: { y: theme.safe.y + 58 }, AlertHint: { y: theme.safe.y + 154 } } })
  }

  /** OK may dismiss the bar now. */
  setDismissable(dismissable: boolean): void {
    this.tag('Bar.AlertHint')!.visible = dismissable
  }
}
