/** Puts `window.automation` on the page (only with ?automation=1 or appSettings.automation). */
import { Router } from '@lightningjs/sdk'
import type { LiveChannel } from '../player/live-channel'
import type { ChannelTuner } from '../player/channel-tuner'
import { takeSnapshot, type TreeNode } from './snapshot'

interface LightningApp {
  stage: { w: number; h: number; getRenderPrecision(): number; application: { focusPath?: unknown[] } }
}

export function installAutomation(app: unknown, live: LiveChannel, tuner: ChannelTuner): void {
  const root = app as LightningApp & TreeNode
  const automation = {
    snapshot: () =>
      takeSnapshot({
        root,
        focusPath: (root.stage.application.focusPath ?? []) as TreeNode[],
        route: Router.getActiveRoute() ?? '',
        live,
        channelId: live.state === 'idle' ? null : tuner.current.id,
        stage: { w: 1920, h: 1080, precision: root.stage.getRenderPrecision() },
      }),
    timeToFirstFrameMs: () => live.timeToFirstFrameMs,
  }
  ;(window as unknown as { automation: typeof automation }).automation = automation
}
