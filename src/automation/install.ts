/**
 * Puts `window.automation` on the page (only with ?automation=1 or appSettings.automation): the
 * snapshot tests and QA tools read, and a few levers the benchmark pulls (parse a feed in the page,
 * speed up the crawl's clock, refresh the feed, navigate, read texture memory).
 */
import { Router } from '@lightningjs/sdk'
import type { LiveChannel } from '../player/live-channel'
import type { ChannelTuner } from '../player/channel-tuner'
import type { AudioChoice } from '../player/audio-tracks'
import type { QoeStats } from '../player/qoe-stats'
import { parseFeed } from '../feed/parse-feed'
import { takeSnapshot, type SnapshotAlert, type TreeNode } from './snapshot'
import { textBoxes, type TextTreeNode } from './text-boxes'
import type { ContextLossReport } from '../app/webgl-context-recovery'
import type { SnapshotProgramme } from '../schedule/programme-lines'
import type { SnapshotOnAir } from '../onair/on-air'
import type { SnapshotGuide } from '../guide/guide-labels'

interface LightningApp {
  stage: {
    w: number
    h: number
    getRenderPrecision(): number
    application: { focusPath?: unknown[] }
    textureManager: { usedMemory: number }
    gc(): void
  }
  tag(path: string): unknown
}

export interface AutomationServices {
  live: LiveChannel
  tuner: ChannelTuner
  audio: AudioChoice
  qoe: QoeStats
  glContext: ContextLossReport
  /** Polls the feed now (nothing when no feed is configured). */
  refreshFeed: () => void
  /** Now/next on the tuned channel (null: no schedule, or the UI not up yet). */
  programme?: () => SnapshotProgramme | null
  /** The Guide's focused programme (null: the Guide is not open). */
  guide?: () => SnapshotGuide | null
  /** The emergency alerts in force (none without an alert source). */
  alerts?: () => readonly SnapshotAlert[]
  /** The breaking story on the bar, or null. */
  breaking?: () => { id: string; headline: string } | null
  /** Is the playhead in an ad break. */
  adBreak?: () => boolean
  /** The story on air (null: none, or the UI not up yet). */
  onAir?: () => SnapshotOnAir | null
}

export function installAutomation(app: unknown, { live, tuner, audio, qoe, glContext, refreshFeed, programme, guide, alerts, breaking, adBreak, onAir }: AutomationServices): void {
  const root = app as LightningApp & TreeNode
  const automation = {
    snapshot: () =>
      takeSnapshot({
        root,
        focusPath: (root.stage.application.focusPath ?? []) as TreeNode[],
        route: Router.getActiveRoute() ?? '',
        live,
        channelId: live.state === 'idle' ? null : tuner.current.id,
        audio,
        programme,
        guide,
        stage: { w: 1920, h: 1080, precision: root.stage.getRenderPrecision() },
        alerts,
        breaking,
        adBreak,
        onAir,
      }),
    timeToFirstFrameMs: () => live.timeToFirstFrameMs,
    /** WebGL context losses and restores seen, and the textures the last restore reloaded. */
    glContext: () => ({ ...glContext }),
    /** QoE figures: time to first frame, rebuffers, bitrate switches, fatal errors. */
    qoe: () => qoe.snapshot(),
    /** Every visible text with its size and rectangle (and its clip), for the legibility check. */
    textBoxes: () => textBoxes(root as unknown as TextTreeNode, { w: 1920, h: 1080, precision: root.stage.getRenderPrecision() }),
    bench: {
      /** Parses feed text as the app does; returns the article count and the time taken. */
      parseFeed(text: string, url: string) {
        const start = performance.now()
        const parsed = parseFeed(text, { url, maxItems: 1000 })
        return { articles: parsed.articles.length, ms: performance.now() - start }
      },
      /** Runs the crawl's clock `scale` times faster than real time. */
      setCrawlTimeScale(scale: number) {
        const ticker = root.tag('App.Widgets.Ticker') as { timeScale: number } | undefined
        if (ticker) ticker.timeScale = scale
      },
      refreshFeed,
      navigate(path: string) {
        Router.navigate(path)
      },
      textureMemoryPixels: () => root.stage.textureManager.usedMemory,
    },
  }
  ;(window as unknown as { automation: typeof automation }).automation = automation
}
