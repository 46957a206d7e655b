/**
 * The player's one entry for the app: builds the live channel (LiveChannel with its hls.js
 * configuration, hls-config.ts), the channel tuner and QoE, and starts the configured channel on
 * the page's <video>.
 *
 *   const { live, tuner, qoe } = createLivePlayback({ config, engine, video, captionTrack, audio })
 *   tuner.tune({ step: 1 })        // ChannelUp; also { step: -1 }, { number: 7 }, { id: 'news' }
 *
 * The stream's road: tuner.tune → LiveChannel.load(url, video) → hls.js (or native HLS) → <video>
 * → LiveChannel's states and events → the UI. Nothing else opens a stream: the SDK VideoPlayer
 * only places the <video> (sdk-video-player.ts).
 */
import Hls from 'hls.js'
import type { AppConfig } from '../config/app-config'
import type { CaptionTrack } from '../captions/caption-track'
import { systemClock, type Clock } from '../lib/clock'
import { detectPlatform } from '../input/platform'
import { LiveChannel, type PlaybackEngine } from './live-channel'
import { ChannelTuner } from './channel-tuner'
import { liveHlsConfig } from './hls-config'
import { readEngineFacts } from './engine-hls-config'
import { startQoe, playbackSessionId } from './qoe-reporting'
import type { AudioChoice } from './audio-tracks'
import type { QoeStats } from './qoe-stats'
import { StreamProgrammeWatch } from './stream-programme-watch'
import { AdBreakWatch } from './ad-break-watch'
import { StreamArticleWatch } from '../onair/stream-article-watch'

export interface LivePlaybackOptions {
  config: AppConfig
  /** `?engine=`: hls.js, the engine's own HLS, or the app's choice per engine. */
  engine: PlaybackEngine
  /** The page's <video> (index.html's #video-player); null: nothing plays (a page without one). */
  video: HTMLVideoElement | null
  /** Captions drawn by the app from hls.js's cue events. */
  captionTrack: CaptionTrack
  /** Which alternate audio rendition plays. */
  audio: AudioChoice
  clock?: Clock
}

export interface LivePlayback {
  live: LiveChannel
  /** The one entry for "tune to channel X": `tuner.tune({ step } | { number } | { id })`. */
  tuner: ChannelTuner
  qoe: QoeStats
  /** The programmes the playing stream announces (EXT-X-DATERANGE), for the schedules. */
  streamProgrammes: StreamProgrammeWatch
  /** Is the playhead in an ad break (CUE-OUT/CUE-IN, SCTE-35 date ranges): the app's one `adBreak` source. */
  adBreaks: AdBreakWatch
  /** The stories the playing stream marks as on air (EXT-X-DATERANGE, ID3), and the playhead's date. */
  streamArticles: StreamArticleWatch
}

export function createLivePlayback({ config, engine, video, captionTrack, audio, clock = systemClock }: LivePlaybackOptions): LivePlayback {
  const streamProgrammes = new StreamProgrammeWatch()
  const adBreaks = new AdBreakWatch(clock)
  const streamArticles = new StreamArticleWatch()
  // Each hls.js instance plays the channel tuned when it was made (a tune makes a new one).
  let tunedId = config.startChannel.id
  const live = new LiveChannel({
    clock,
    engine,
    hlsConfig: liveHlsConfig({
      player: config.player,
      engineFacts: readEngineFacts(detectPlatform(), window.navigator as { deviceMemory?: unknown }),
      cmcd: { sessionId: playbackSessionId, contentId: config.startChannel.id },
    }),
    createHls: (hlsConfig) => {
      const hls = new Hls(hlsConfig)
      if (video) captionTrack.attach(hls, video)
      streamProgrammes.attach(hls, tunedId)
      adBreaks.attach(hls, tunedId)
      streamArticles.attach(hls, tunedId)
      return hls
    },
    audioPicker: audio,
  })
  // On a TV the remote debugger's console is often all there is: say what went wrong and what follows.
  live.events.on('fatalError', ({ kind, details, action }) => console.warn(`[player] fatal ${kind} error (${details}): ${action}`))
  const tuner = new ChannelTuner(config.channels, config.startChannel, (channel) => {
    tunedId = channel.id
    if (video) live.load(channel.url, video).catch(() => undefined)
  })
  const qoe = startQoe(live, tuner, config, adBreaks)
  if (video) {
    // Kiosk: muted from the first frame (nobody is there to give the gesture sound needs).
    if (config.kiosk.enabled) video.muted = true
    tuner.tune({ id: tuner.current.id })
  }
  return { live, tuner, qoe, streamProgrammes, adBreaks, streamArticles }
}
