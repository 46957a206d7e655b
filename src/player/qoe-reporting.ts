/** Wires QoE collection to the live channel and, when a beacon URL is configured, reporting. */
import type { AppConfig } from '../config/app-config'
import { systemClock } from '../lib/clock'
import type { LiveChannel } from './live-channel'
import type { ChannelTuner } from './channel-tuner'
import { QoeStats } from './qoe-stats'
import { QoeBeacon, browserBeaconTransport } from './qoe-beacon'
import type { AdBreakWatch } from './ad-break-watch'

/** One id per app start: ties QoE reports and CMCD requests of a viewing session together. */
export const playbackSessionId = Date.now().toString(36) + Math.random().toString(36).slice(2, 10)

export function startQoe(live: LiveChannel, tuner: ChannelTuner, config: AppConfig, ads: AdBreakWatch): QoeStats {
  const stats = new QoeStats(systemClock)
  ads.events.on('adBreak', (inBreak) => stats.adBreak(inBreak))
  live.events.on('state', (state) => stats.state(state))
  live.events.on('firstFrame', ({ msSincePageStart }) => stats.firstFrame(msSincePageStart))
  live.events.on('fatalError', () => stats.fatalError())
  live.events.on('bitrate', (bitrate) => stats.bitrateChanged(bitrate))
  const url = config.player.qoeBeaconUrl
  if (url) {
    const beacon = new QoeBeacon(url, config.player.qoeBeaconSeconds * 1000, systemClock, browserBeaconTransport(), {
      appId: config.appId,
      version: config.version,
      sessionId: playbackSessionId,
      channelId: () => tuner.current.id,
    }, () => stats.snapshot())
    beacon.start()
    // The last figures of a session that is going away (TV app suspended, page closed).
    document.addEventListener('visibilitychange', () => document.hidden && beacon.flush())
  }
  return stats
}
