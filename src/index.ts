/**
 * Entry point: validate the settings, start the live channel at once (before the UI is built, so
 * the first frame is not held up by Lightning's start-up), then launch the Lightning app.
 */
import { Launch } from '@lightningjs/sdk'
import settings from '../settings.json'
import { readAppConfig } from './config/app-config'
import { setAppContext } from './app/app-context'
import { LiveChannel, type PlaybackEngine } from './player/live-channel'
import { videoPlayer } from './player/sdk-video-player'
import { ChannelTuner } from './player/channel-tuner'
import { systemClock } from './lib/clock'
import { installAutomation } from './automation/install'
import { App } from './App'
import { detectPlatform } from './input/platform'
import { keyMapFor } from './input/key-map'
import { registerTizenKeys } from './input/tizen-keys'
import { currentWindow } from './input/tv-globals'

const { config, issues } = readAppConfig(settings.appSettings, window.location.search, window.location.href)
for (const issue of issues) console.error(`[settings] ${issue.message}`)

const engineParam = new URLSearchParams(window.location.search).get('engine')
const engine: PlaybackEngine = engineParam === 'native' || engineParam === 'hlsjs' ? engineParam : 'auto'

const live = new LiveChannel({
  clock: systemClock,
  engine,
  hlsConfig: {
    workerPath: './hls.worker.js',
    capLevelToPlayerSize: config.player.capLevelToPlayerSize,
    maxBufferLength: config.player.maxBufferLength,
    backBufferLength: config.player.backBufferLength,
    // Start on the most recent segments; keep a modest buffer on TV-class memory.
    maxBufferSize: 30 * 1000 * 1000,
    liveSyncDurationCount: 3,
    liveMaxLatencyDurationCount: 10,
    startFragPrefetch: true,
  },
})
const tuner = new ChannelTuner(config.channels, config.startChannel)
setAppContext({ config, configIssues: issues, live, tuner })

const platform = detectPlatform()
// The SDK deep-merges appSettings.keys over its defaults (LIGHTNING-NOTES.md): TV remote codes in.
const appSettings = { ...settings.appSettings, keys: keyMapFor(platform) }
if (platform === 'tizen') void registerTizenKeys(currentWindow().tizen)

type LaunchArgs = Parameters<typeof Launch>
const app = Launch(
  App as unknown as LaunchArgs[0],
  appSettings as unknown as LaunchArgs[1],
  settings.platformSettings as unknown as LaunchArgs[2],
  {},
)
videoPlayer.install(live, null)
videoPlayer.open(tuner.current.url)

if (config.automation) installAutomation(app, live, tuner)
