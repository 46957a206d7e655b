/**
 * Launches the Lightning app (the SDK's Launch) with the platform's remote keys over the channel
 * index.ts already plays (player/live-playback.ts), hands the App the composition root's second
 * step (app/composition-root.ts: it runs when the App sets up, the SDK's Storage being up by then),
 * and installs the automation hook when asked.
 */
import { Launch } from '@lightningjs/sdk'
import { sdkStorage } from './lib/sdk-storage'
import { installAutomation } from './automation/install'
import { App } from './App'
import { composeUi, type AppServices, type BootServices } from './app/composition-root'
import { withServices } from './app/with-services'
import { detectPlatform } from './input/platform'
import { keyMapFor } from './input/key-map'
import { registerTizenKeys } from './input/tizen-keys'
import { currentWindow } from './input/tv-globals'
import { recoverWebGlContextLoss, type LightningGpuState } from './app/webgl-context-recovery'

type LaunchArgs = Parameters<typeof Launch>

export function launchUi(settings: { appSettings: object; platformSettings: object }, boot: BootServices): void {
  const platform = detectPlatform()
  // The SDK deep-merges appSettings.keys over its defaults (the SDK's Application): TV remote codes in.
  const appSettings = { ...settings.appSettings, keys: keyMapFor(platform) }
  if (platform === 'tizen') void registerTizenKeys(currentWindow().tizen)

  let services: AppServices | null = null
  const AppWithServices = withServices(App, {
    compose: (layers, report) => (services = composeUi(boot, sdkStorage, layers, report)),
  })
  const app = Launch(
    AppWithServices as unknown as LaunchArgs[0],
    appSettings as unknown as LaunchArgs[1],
    settings.platformSettings as unknown as LaunchArgs[2],
    {},
  ) as unknown as { stage: LightningGpuState & { getCanvas(): HTMLCanvasElement } }
  // As the Lightning CLI's startApp does: the stage's canvas goes on the page, above the <video>.
  const canvas = app.stage.getCanvas()
  document.body.appendChild(canvas)
  const glContext = recoverWebGlContextLoss(canvas, app.stage, (message) => console.warn(message))
  if (boot.config.automation) {
    const { live, tuner, audio, qoe } = boot
    installAutomation(app, {
      live, tuner, audio, qoe, glContext,
      refreshFeed: () => services?.headlines?.refresh(),
      programme: () => services?.programmes.snapshot(tuner.current.id) ?? null,
      guide: () => services?.guide.focused ?? null,
      alerts: () => services?.alerts?.current() ?? [],
      breaking: () => services?.breaking.bar ?? null,
      adBreak: () => boot.adBreaks.adBreak,
      onAir: () => services?.onAir.snapshot() ?? null,
    })
  }
}
