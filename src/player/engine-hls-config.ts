/**
 * hls.js settings that follow from the engine the app runs on, not from the channel: TV engines
 * have small media-buffer quotas (an overfull SourceBuffer throws QuotaExceeded, and Tizen evicts
 * at random), and Tizen's decoder stalls at small gaps after discontinuities unless playback
 * jumps clear of them.
 */
import type { Platform } from '../input/platform'

export interface EngineFacts {
  platform: Platform
  /** navigator.deviceMemory in GB where the engine tells (Chromium 63+), else null. */
  deviceMemoryGb: number | null
}

/** What an engine's facts change in the hls.js config. */
export interface EngineHlsConfig {
  backBufferLength: number
  skipBufferHolePadding?: number
  maxBufferSize: number
}

/** Seconds of played media a TV-class engine keeps: enough to pause and resume, little memory. */
export const TV_BACK_BUFFER_SECONDS = 10
/** How far past a buffer hole Tizen must jump so its decoder does not stall at the gap (hls.js: 0.1 s). */
export const TIZEN_HOLE_PADDING_SECONDS = 0.5

const TV_PLATFORMS: Platform[] = ['tizen', 'webos', 'rdk']

export function readEngineFacts(platform: Platform, navigator: { deviceMemory?: unknown } | undefined): EngineFacts {
  const memory = navigator?.deviceMemory
  return { platform, deviceMemoryGb: typeof memory === 'number' && memory > 0 ? memory : null }
}

/**
 * @param configured the channel settings' backBufferLength (seconds) and maxBufferSize (bytes)
 */
export function engineHlsConfig(facts: EngineFacts, configured: { backBufferLength: number; maxBufferSize: number }): EngineHlsConfig {
  const tvClass = TV_PLATFORMS.includes(facts.platform) || (facts.deviceMemoryGb !== null && facts.deviceMemoryGb <= 2)
  const config: EngineHlsConfig = {
    backBufferLength: tvClass ? Math.min(configured.backBufferLength, TV_BACK_BUFFER_SECONDS) : configured.backBufferLength,
    // A 1 GB set gets half the forward buffer bytes.
    maxBufferSize: facts.deviceMemoryGb !== null && facts.deviceMemoryGb <= 1 ? Math.round(configured.maxBufferSize / 2) : configured.maxBufferSize,
  }
  if (facts.platform === 'tizen') config.skipBufferHolePadding = TIZEN_HOLE_PADDING_SECONDS
  return config
}
