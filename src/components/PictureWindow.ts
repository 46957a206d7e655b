/**
 * The opaque backdrop of a page that keeps the live picture in a window: four panels around a
 * transparent hole, because the canvas sits above the <video> and the picture shows only where
 * nothing is drawn. While the page is on screen the picture is moved into the hole; when the page
 * goes, the picture returns to full screen — unless the next page has a window of its own.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { videoPlayer } from '../player/sdk-video-player'

/** 480x270 in the top-right corner of the title-safe area (1080p stage pixels). */
export const PICTURE_WINDOW = { x: 1920 - theme.safe.x - 480, y: theme.safe.y, w: 480, h: 270 } as const

/** Opaque, unlike theme.color.panel: nothing of the full-screen picture may show around the hole. */
export const BACKDROP_COLOR = 0xff0c121a

/** The window whose page is on screen now, if any. */
let owner: PictureWindow | null = null

export class PictureWindow extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    const { x, y, w, h } = PICTURE_WINDOW
    const panel = { rect: true, color: BACKDROP_COLOR }
    return {
      Top: Object.assign({ w: 1920, h: y }, panel),
      Left: Object.assign({ y, w: x, h }, panel),
      Right: Object.assign({ x: x + w, y, w: 1920 - x - w, h }, panel),
      Bottom: Object.assign({ y: y + h, w: 1920, h: 1080 - y - h }, panel),
    }
  }

  override _active(): void {
    owner = this
    const { x, y, w, h } = PICTURE_WINDOW
    videoPlayer.area(y, x + w, y + h, x)
  }

  override _inactive(): void {
    if (owner !== this) return
    owner = null
    // The Router hides the old page before the new page's window becomes active (that happens
    // in the next frame's update): wait for that frame, so a window-to-window move never flashes
    // the picture full screen.
    this.stage.once('frameEnd', () => {
      if (owner === null) videoPlayer.area()
    })
  }
}
