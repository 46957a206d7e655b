/** What a LiveChannel is built with (live-playback.ts builds the app's) and what it reports. */
import type { HlsConfig } from 'hls.js'
import type { Clock } from '../lib/clock'
import type { PlaybackProblem, PlaybackState } from './playback-state'
import type { TypeSupport } from './codecs'
import type { ProbeFetch } from './reachability-probe'
import type { PageEnvironment } from './page-environment'
import type { MediaEngine } from './media-engine'
import type { AudioTrackPicker, HlsAudioTrack } from './audio-tracks'
import type { FatalErrorKind, RecoveryAction } from './recovery-policy'
import type { CreateHls } from './hls-engine'

export type PlaybackEngine = 'auto' | 'hlsjs' | 'native'

export interface LiveChannelOptions {
  clock: Clock
  engine: PlaybackEngine
  hlsConfig: Partial<HlsConfig>
  createHls?: CreateHls
  isHlsSupported?: () => boolean
  /** Milliseconds on the page's clock (performance.now), for time to first frame. */
  pageTime?: () => number
  /** For the reachability probe while the channel is down (default: the page's fetch; null = none). */
  probeFetch?: ProbeFetch | null
  /** The window and document whose online/offline and visibility events matter (default: the page's). */
  environment?: PageEnvironment | null
  /** The engine whose MSE workarounds hls.js gets (default: the page's, from its user agent). */
  mediaEngine?: MediaEngine
  /** What the engine decodes through MSE (default: the page's MediaSource.isTypeSupported; null = ask nothing). */
  isTypeSupported?: TypeSupport | null
  /** Which of a stream's alternate audio renditions plays (audio-tracks.ts); default: hls.js's DEFAULT=YES. */
  audioPicker?: AudioTrackPicker
}

export interface LiveChannelEvents extends Record<string, unknown> {
  state: PlaybackState
  /** The browser refused to play with sound: playing muted until the viewer presses OK. */
  soundBlocked: boolean
  firstFrame: { msSincePageStart: number; msSinceOpen: number }
  /** The viewer paused live (true) or resumed (false). */
  paused: boolean
  /** The stream has no video track (sound only: the Live page shows a still card), or has one again. */
  audioOnly: boolean
  /** hls.js switched rendition: its bitrate (bit/s). */
  bitrate: number
  /** What is wrong beyond the state (a format the engine cannot decode), or null once it is not. */
  problem: PlaybackProblem | null
  /** The stream's alternate audio renditions, or which of them plays, changed (hls.js only). */
  audioTracks: { tracks: HlsAudioTrack[]; current: number }
  /** "Watch from start" sought to this program date-time (ms), or null: back at live. */
  timeshift: number | null
  /** action 'fail': nothing can be tried (a format the engine cannot decode). */
  fatalError: { kind: FatalErrorKind; details: string; action: RecoveryAction['type'] | 'fail' }
}
