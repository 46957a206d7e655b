/**
 * A typed face on the SDK VideoPlayer plugin (its typings are `any`), used only to place the
 * <video> (full screen, or in the Browse page's picture window: components/PictureWindow.ts).
 * It opens no stream: tuning goes through channel-tuner.ts's `tune` to LiveChannel
 * (live-playback.ts), never through the plugin's open/loader.
 */
import { VideoPlayer } from '@lightningjs/sdk'

interface SdkVideoPlayer {
  area(top: number, right: number, bottom: number, left: number): void
}

const player = VideoPlayer as SdkVideoPlayer

export const videoPlayer = {
  /** The picture's rectangle in 1080p stage pixels (full screen by default). */
  area(top = 0, right = 1920, bottom = 1080, left = 0): void {
    player.area(top, right, bottom, left)
  },
}
