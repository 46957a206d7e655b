/**
 * What the pages and widgets share: the validated config and the running services. Set once at
 * launch (index.ts) before the Lightning tree is built.
 */
import type { AppConfig, ConfigIssue } from '../config/app-config'
import type { LiveChannel } from '../player/live-channel'
import type { ChannelTuner } from '../player/channel-tuner'
import type { HeadlineStore } from '../feed/headline-store'
import type { CaptionTrack } from '../captions/caption-track'
import type { AccessibilityControls } from './accessibility'
import type { QoeStats } from '../player/qoe-stats'
import type { AudioChoice } from '../player/audio-tracks'

export interface AppContext {
  config: AppConfig
  configIssues: ConfigIssue[]
  live: LiveChannel
  tuner: ChannelTuner
  /** Null when no feed is configured. */
  headlines: HeadlineStore | null
  captionTrack: CaptionTrack
  qoe: QoeStats
  /** Which alternate audio rendition plays (the viewer's choice, the TV's language). */
  audio: AudioChoice
  /** Set when the UI starts. */
  accessibility?: AccessibilityControls
}

let current: AppContext | null = null

export function setAppContext(context: AppContext): void {
  current = context
}

export function updateAppContext(part: Partial<AppContext>): void {
  current = { ...appContext(), ...part }
}

export function appContext(): AppContext {
  if (!current) throw new Error('appContext() read before launch')
  return current
}
