/**
 * What LiveChannel asks of the <video> element itself: autoplay with a muted fallback, the first
 * presented frame, and where the live edge is. Plain functions over the element (and hls.js's
 * live sync position), so the channel's state machine stays about states.
 */
import { watchAudioProgress } from './audio-only'

/**
 * Plays; where the browser refuses sound without a user gesture, plays muted and calls
 * `onSoundBlocked` (the app then asks for OK, the gesture that allows sound).
 * `stillCurrent` says whether the element is still the one being played when the refusal arrives.
 */
export function playWithMutedFallback(video: HTMLVideoElement, stillCurrent: () => boolean, onSoundBlocked: () => void): void {
  const attempt = video.play()
  if (!attempt || typeof attempt.catch !== 'function') return
  attempt.catch((error: { name?: string }) => {
    if (error && error.name === 'NotAllowedError' && stillCurrent() && !video.muted) {
      video.muted = true
      onSoundBlocked()
      void video.play().catch(() => undefined)
    }
  })
}

/** Calls `onFrame` once, when the element presents its first frame (or, lacking requestVideoFrameCallback, first advances). */
export function whenFirstFrame(video: HTMLVideoElement, onFrame: () => void): void {
  const withFrameCallback = video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number }
  if (typeof withFrameCallback.requestVideoFrameCallback === 'function') {
    withFrameCallback.requestVideoFrameCallback(onFrame)
    return
  }
  const onTime = () => {
    if (video.currentTime > 0) {
      video.removeEventListener('timeupdate', onTime)
      onFrame()
    }
  }
  video.addEventListener('timeupdate', onTime)
}

/** Where "Go live" seeks: hls.js's live sync position, else a little behind the end of what is seekable. */
export function liveEdgePosition(video: HTMLVideoElement, liveSyncPosition: number | null | undefined): number | null {
  if (typeof liveSyncPosition === 'number' && isFinite(liveSyncPosition)) return liveSyncPosition
  const seekable = video.seekable
  if (!seekable || seekable.length === 0) return null
  const target = Math.max(seekable.start(0), seekable.end(seekable.length - 1) - 6)
  return isFinite(target) ? target : null
}

/** Whether the element's position fell behind what it can still seek to (paused past the DVR window). */
export function fellOutOfWindow(video: HTMLVideoElement): boolean {
  const seekable = video.seekable
  return !!seekable && seekable.length > 0 && video.currentTime < seekable.start(0)
}

/**
 * The first frame of each opening of the channel: its first presented frame or, for a stream with
 * no picture (audio-only.ts), its sound's first progress. `onFirstFrame` runs once per opening.
 */
export class FirstFrameWatch {
  /** The opening under way has shown its first frame. */
  seen = false
  private stopAudioProgress: (() => void) | null = null

  /** A new opening of `video`: wait for its first frame (`stillCurrent`: the element still plays this channel). */
  start(video: HTMLVideoElement, stillCurrent: () => boolean, audioOnly: () => boolean, onFirstFrame: () => void): void {
    const fire = () => {
      if (!stillCurrent() || this.seen) return
      this.seen = true
      onFirstFrame()
    }
    whenFirstFrame(video, fire)
    this.stop()
    this.stopAudioProgress = watchAudioProgress(video, audioOnly, fire, () => this.seen || !stillCurrent())
  }

  stop(): void {
    this.stopAudioProgress?.()
    this.stopAudioProgress = null
  }
}
