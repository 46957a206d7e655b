/**
 * Entry point. The picture comes first: validate the settings and start the live channel on the
 * page's <video> at once, then load and launch the Lightning UI (a separate chunk), so the first
 * frame waits neither for Lightning's code nor for its start-up.
 */
import settings from '../settings.json'
import { readAppConfig } from './config/app-config'
import { setAppContext } from './app/app-context'
import { LiveChannel, type PlaybackEngine } from './player/live-channel'
import { ChannelTuner } from './player/channel-tuner'
import { systemClock } from './lib/clock'
import Hls from 'hls.js'
import { CaptionTrack } from './captions/caption-track'
import { startQoe, playbackSessionId } from './player/qoe-reporting'
import { markAppStarted, restartOnLegacyBundle } from './boot/legacy-fallback'
import { engineHlsConfig, readEngineFacts } from './player/engine-hls-config'
import { detectPlatform } from './input/platform'
import { AudioChoice, pageLanguage } from './player/audio-tracks'
import { sdkStorageBeforeLaunch } from './lib/sdk-storage-before-launch'

const { config, issues } = readAppConfig(settings.appSettings, window.location.search, window.location.href)
for (const issue of issues) console.error(`[settings] ${issue.message}`)

const engineParam = new URLSearchParams(window.location.search).get('engine')
const engine: PlaybackEngine = engineParam === 'native' || engineParam === 'hlsjs' ? engineParam : 'auto'

// index.html carries the SDK VideoPlayer's <video id="video-player">; the plugin adopts it later.
const video = document.getElementById('video-player') as HTMLVideoElement | null
// Captions are drawn by the app (above the crawl, in the viewer's style), from hls.js's cue events.
const captionTrack = new CaptionTrack(systemClock)

// Buffer sizes and gap handling the TV's engine needs (small media quotas, Tizen's gap stalls).
const engineConfig = engineHlsConfig(readEngineFacts(detectPlatform(), window.navigator as { deviceMemory?: unknown }), {
  backBufferLength: config.player.backBufferLength,
  // A modest buffer on TV-class memory.
  maxBufferSize: 30 * 1000 * 1000,
})

// Which audio rendition plays: the viewer's remembered choice (read from the SDK Storage's own
// keys, before the SDK loads), else the TV's language.
const audio = new AudioChoice(pageLanguage())
audio.useStore(sdkStorageBeforeLaunch(settings.platformSettings.id))

const live = new LiveChannel({
  clock: systemClock,
  engine,
  hlsConfig: {
    workerPath: './hls.worker.js',
    capLevelToPlayerSize: config.player.capLevelToPlayerSize,
    maxBufferLength: config.player.maxBufferLength,
    ...engineConfig,
    // Stay near the live edge.
    liveSyncDurationCount: 3,
    liveMaxLatencyDurationCount: 10,
    startFragPrefetch: true,
    renderTextTracksNatively: false,
    cmcd: config.player.cmcd ? { sessionId: playbackSessionId, contentId: config.startChannel.id } : undefined,
  },
  createHls: (hlsConfig) => {
    const hls = new Hls(hlsConfig)
    if (video) captionTrack.attach(hls, video)
    return hls
  },
  audioPicker: audio,
})
// On a TV the remote debugger's console is often all there is: say what went wrong and what follows.
live.events.on('fatalError', ({ kind, details, action }) => console.warn(`[player] fatal ${kind} error (${details}): ${action}`))
const tuner = new ChannelTuner(config.channels, config.startChannel)
const qoe = startQoe(live, tuner, config)
setAppContext({ config, configIssues: issues, live, tuner, headlines: null, captionTrack, qoe, audio })

if (video) {
  // Kiosk: muted from the first frame (nobody is there to give the gesture sound needs).
  if (config.kiosk.enabled) video.muted = true
  live.load(tuner.current.url, video).catch(() => undefined)
}
markAppStarted(window)

// The UI starts once the picture shows (its start-up would compete with the first frame for a
// TV's CPU), or after UI_AT_LATEST_MS if the picture is slow: its banners say why.
const UI_AT_LATEST_MS = 1500
let uiStarted = false
const startUi = () => {
  if (uiStarted) return
  uiStarted = true
  void import('./launch-ui').then(
    ({ launchUi }) => launchUi(settings, config.automation),
    (error: unknown) => restartOnLegacyBundle(window, error, (message) => console.error(message)),
  )
}
live.events.on('firstFrame', startUi)
setTimeout(startUi, UI_AT_LATEST_MS)
