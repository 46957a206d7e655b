/**
 * A typed face on the SDK VideoPlayer plugin (its typings are `any`). The LiveChannel is plugged in
 * through the plugin's loader/unloader hooks, so `open(url)` runs hls.js on the plugin's <video>.
 */
import { VideoPlayer } from '@lightningjs/sdk'
import type { LiveChannel } from './live-channel'

interface SdkVideoPlayer {
  consumer(component: unknown): void
  loader(fn: (url: string, video: HTMLVideoElement, config: unknown) => Promise<void>): void
  unloader(fn: (video: HTMLVideoElement) => Promise<void>): void
  area(top: number, right: number, bottom: number, left: number): void
  open(url: string, config?: Record<string, unknown>): void
  close(): void
  play(): void
  pause(): void
  mute(muted?: boolean): void
  readonly _videoEl: HTMLVideoElement | undefined
}

const player = VideoPlayer as SdkVideoPlayer

export const videoPlayer = {
  /** Routes the plugin's loading through `channel` and its events to `consumer`. */
  install(channel: LiveChannel, consumer: unknown): void {
    player.consumer(consumer)
    player.loader((url, video) => channel.load(url, video))
    player.unloader(() => channel.unload())
  },
  open(url: string): void {
    player.open(url)
  },
  close(): void {
    player.close()
  },
  /** The picture's rectangle in 1080p stage pixels (full screen by default). */
  area(top = 0, right = 1920, bottom = 1080, left = 0): void {
    player.area(top, right, bottom, left)
  },
  element(): HTMLVideoElement | null {
    return player._videoEl ?? null
  },
}
