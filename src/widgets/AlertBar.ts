/**
 * The emergency alert bar: red, full width, across the top of the picture, with the event, the
 * headline and the area (src/alerts/alert-board.ts decides which alert and when OK may dismiss it;
 * App wires it). It sits over the pages and the crawl and under the captions (App's zIndex).
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import type { ShownAlert } from '../alerts/alerts-in-force'

const ALERT_RED = 0xffb00020
const TEXT_W = 1920 - 2 * theme.safe.x
export const DISMISS_HINT = 'Press OK to dismiss'

const textStyle = (fontSize: number, extra: object = {}) =>
  Object.assign({ text: '', fontFace: theme.font.face, fontSize, textColor: theme.color.text, wordWrapWidth: TEXT_W }, extra)

export class AlertBar extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      visible: false,
      Bar: {
        // Full width from the top edge; its texts inside the title-safe area.
        rect: true, w: 1920, h: 280, color: ALERT_RED,
        AlertEvent: { x: theme.safe.x, y: theme.safe.y, text: textStyle(44, { fontStyle: 'bold', maxLines: 1 }) },
        AlertHeadline: { x: theme.safe.x, y: theme.safe.y + 58, text: textStyle(34, { maxLines: 2 }) },
        AlertArea: { x: theme.safe.x, y: theme.safe.y + 154, text: textStyle(28, { textColor: 0xffffe0e0, maxLines: 1, wordWrapWidth: TEXT_W - 420 }) },
        AlertHint: { x: 1920 - theme.safe.x, y: theme.safe.y + 154, mountX: 1, visible: false, text: textStyle(28, { text: DISMISS_HINT, wordWrapWidth: 0 }) },
      },
    }
  }

  show(alert: ShownAlert | null): void {
    if (!alert) {
      this.visible = false
      return
    }
    this.patch({
      visible: true,
      Bar: {
        AlertEvent: { text: { text: `${alert.severity.toUpperCase()}: ${alert.event}` } },
        AlertHeadline: { text: { text: alert.headline } },
        AlertArea: { text: { text: alert.area } },
        AlertHint: { visible: false },
      },
    })
  }

  /** OK may dismiss the bar now. */
  setDismissable(dismissable: boolean): void {
    this.tag('Bar.AlertHint')!.visible = dismissable
  }
}
