/**
 * What the pages and widgets share: the validated config and the running services. Set once at
 * launch (index.ts) before the Lightning tree is built.
 */
import type { AppConfig, ConfigIssue } from '../config/app-config'
import type { LiveChannel } from '../player/live-channel'
import type { ChannelTuner } from '../player/channel-tuner'

export interface AppContext {
  config: AppConfig
  configIssues: ConfigIssue[]
  live: LiveChannel
  tuner: ChannelTuner
}

let current: AppContext | null = null

export function setAppContext(context: AppContext): void {
  current = context
}

export function appContext(): AppContext {
  if (!current) throw new Error('appContext() read before launch')
  return current
}
