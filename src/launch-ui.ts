/**
 * Launches the Lightning app (the SDK's Launch) with the platform's remote keys, hands the
 * already-playing channel to the SDK VideoPlayer, and installs the automation hook when asked.
 */
import { Launch } from '@lightningjs/sdk'
import { appContext, updateAppContext } from './app/app-context'
import { HeadlineStore } from './feed/headline-store'
import { offThreadFeedParser } from './feed/off-thread-feed-parser'
import { sdkStorage } from './lib/sdk-storage'
import { videoPlayer } from './player/sdk-video-player'
import { installAutomation } from './automation/install'
import { App } from './App'
import { detectPlatform } from './input/platform'
import { keyMapFor } from './input/key-map'
import { registerTizenKeys } from './input/tizen-keys'
import { currentWindow } from './input/tv-globals'
import { recoverWebGlContextLoss, type LightningGpuState } from './app/webgl-context-recovery'

type LaunchArgs = Parameters<typeof Launch>

export function launchUi(settings: { appSettings: object; platformSettings: object }, automation: boolean): void {
  const platform = detectPlatform()
  // The SDK deep-merges appSettings.keys over its defaults (the SDK's Application): TV remote codes in.
  const appSettings = { ...settings.appSettings, keys: keyMapFor(platform) }
  if (platform === 'tizen') void registerTizenKeys(currentWindow().tizen)

  const app = Launch(
    App as unknown as LaunchArgs[0],
    appSettings as unknown as LaunchArgs[1],
    settings.platformSettings as unknown as LaunchArgs[2],
    {},
  ) as unknown as { stage: LightningGpuState & { getCanvas(): HTMLCanvasElement } }
  // As the Lightning CLI's startApp does: the stage's canvas goes on the page, above the <video>.
  const canvas = app.stage.getCanvas()
  document.body.appendChild(canvas)
  const glContext = recoverWebGlContextLoss(canvas, app.stage, (message) => console.warn(message))
  const { live, tuner, config, audio } = appContext()
  // The SDK Storage is up now: the audio choice is saved there (Settings, the Audio key), and read
  // again where it could not be before (cookies instead of localStorage).
  audio.useStore(sdkStorage)
  live.pickAudioTrack()
  if (config.feed.url) {
    // After Launch: the SDK Storage the cache lives in is initialised there.
    const headlines = new HeadlineStore({
      url: config.feed.url,
      store: sdkStorage,
      intervalSeconds: config.feed.pollSeconds,
      timeoutSeconds: config.feed.timeoutSeconds,
      // The browser's HTTP cache revalidates: no preflight, so CORS "*" without OPTIONS is enough.
      revalidation: 'http-cache',
      // In the feed worker, or in slices where there is none: never one long task (docs/feed.md).
      parse: offThreadFeedParser(),
      rules: { maxItems: config.feed.maxItems, maxBytes: config.feed.maxBytes, breakingPrefix: config.feed.breakingPrefix },
    })
    headlines.events.on('error', (error) => console.warn(`[feed] ${error.message}`))
    updateAppContext({ headlines })
  }
  videoPlayer.install(live, null)
  // Same URL on the same <video>: the loader adopts the playback index.ts started.
  videoPlayer.open(tuner.current.url)
  if (automation) installAutomation(app, { live, tuner, headlines: appContext().headlines, glContext })
}
