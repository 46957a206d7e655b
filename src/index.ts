/**
 * Entry point, and the composition root's first step (app/composition-root.ts). The picture comes
 * first: read the config (every source, config/app-config.ts) and start the live channel on the
 * page's <video> at once, then load and launch the Lightning UI (a separate chunk) with these
 * services, so the first frame waits neither for Lightning's code nor for its start-up.
 */
import settings from '../settings.json'
import { readConfig } from './config/app-config'
import { readPlatformLaunch } from './input/launch-params'
import type { BootServices } from './app/composition-root'
import { createLivePlayback } from './player/live-playback'
import { systemClock } from './lib/clock'
import { CaptionTrack } from './captions/caption-track'
import { markAppStarted, restartOnLegacyBundle } from './boot/legacy-fallback'
import { AudioChoice, pageLanguage } from './player/audio-tracks'
import { sdkStorageBeforeLaunch } from './lib/sdk-storage-before-launch'

// settings.json < the URL query < the platform's launch parameters (the order: config/app-config.ts).
const { config, issues } = readConfig({
  appSettings: settings.appSettings,
  query: window.location.search,
  base: window.location.href,
  launch: readPlatformLaunch(),
})
for (const issue of issues) console.error(`[settings] ${issue.message}`)

// index.html carries the <video id="video-player"> the channel plays on (the SDK VideoPlayer only places it).
const video = document.getElementById('video-player') as HTMLVideoElement | null
// Captions are drawn by the app (above the crawl, in the viewer's style), from hls.js's cue events.
const captionTrack = new CaptionTrack(systemClock)

// Which audio rendition plays: the viewer's remembered choice (read from the SDK Storage's own
// keys, before the SDK loads), else the TV's language.
const audio = new AudioChoice(pageLanguage())
audio.useStore(sdkStorageBeforeLaunch(settings.platformSettings.id))

// The player builds the channel, its hls.js config and the tuner, and starts the configured channel (player/live-playback.ts).
const { live, tuner, qoe, streamProgrammes, adBreaks, streamArticles } = createLivePlayback({ config, engine: config.engine, video, captionTrack, audio })
const boot: BootServices = { config, configIssues: issues, live, tuner, captionTrack, qoe, audio, streamProgrammes, adBreaks, streamArticles }
markAppStarted(window)

// The UI starts once the picture shows (its start-up would compete with the first frame for a
// TV's CPU), or after UI_AT_LATEST_MS if the picture is slow: its banners say why.
const UI_AT_LATEST_MS = 1500
let uiStarted = false
const startUi = () => {
  if (uiStarted) return
  uiStarted = true
  void import('./launch-ui').then(
    ({ launchUi }) => launchUi(settings, boot),
    (error: unknown) => restartOnLegacyBundle(window, error, (message) => console.error(message)),
  )
}
live.events.on('firstFrame', startUi)
setTimeout(startUi, UI_AT_LATEST_MS)
