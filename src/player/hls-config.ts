/**
 * The hls.js configuration of the live channel, in one place (docs/architecture.md, "Player →
 * where to change"): buffer sizes, how near the live edge it plays, the worker, captions, timed
 * metadata, CMCD.
 * The channel settings (settings.json `player`) give the buffer lengths; the TV's engine facts
 * cap them (engine-hls-config.ts); everything else hls.js keeps its own default for.
 */
import type { HlsConfig } from 'hls.js'
import { engineHlsConfig, type EngineFacts } from './engine-hls-config'

/** Forward buffer in bytes before the engine's facts (halved on a 1 GB set): a modest buffer for TV-class memory. */
export const MAX_BUFFER_BYTES = 30 * 1000 * 1000
/** Play this many target durations behind the live edge… */
export const LIVE_SYNC_DURATION_COUNT = 3
/** …and jump back to it once this many behind. */
export const LIVE_MAX_LATENCY_DURATION_COUNT = 10
/** hls.js's transmuxing worker, next to the bundle (rollup copies it). */
export const HLS_WORKER_PATH = './hls.worker.js'

export interface LiveHlsSettings {
  /** The channel settings' player section (settings.json, the URL). */
  player: { capLevelToPlayerSize: boolean; maxBufferLength: number; backBufferLength: number; cmcd: boolean }
  /** The engine the app runs on (engine-hls-config.ts readEngineFacts). */
  engineFacts: EngineFacts
  /** CMCD's session and content ids (sent only when `player.cmcd`). */
  cmcd: { sessionId: string; contentId: string }
}

export function liveHlsConfig({ player, engineFacts, cmcd }: LiveHlsSettings): Partial<HlsConfig> {
  return {
    workerPath: HLS_WORKER_PATH,
    capLevelToPlayerSize: player.capLevelToPlayerSize,
    maxBufferLength: player.maxBufferLength,
    // Buffer sizes and gap handling the TV's engine needs (small media quotas, Tizen's gap stalls).
    ...engineHlsConfig(engineFacts, { backBufferLength: player.backBufferLength, maxBufferSize: MAX_BUFFER_BYTES }),
    // Stay near the live edge.
    liveSyncDurationCount: LIVE_SYNC_DURATION_COUNT,
    liveMaxLatencyDurationCount: LIVE_MAX_LATENCY_DURATION_COUNT,
    startFragPrefetch: true,
    // Captions are drawn by the app (captions/caption-track.ts), from hls.js's cue events.
    renderTextTracksNatively: false,
    // No metadata text track: the app reads date ranges (LEVEL_LOADED/UPDATED) and ID3/emsg samples
    // (FRAG_PARSING_METADATA, fired whatever these say) itself. hls.js gives that track a
    // <track src="data:,WEBVTT">, which index.html's media-src refuses (and an RDK box logs).
    enableDateRangeMetadataCues: false,
    enableID3MetadataCues: false,
    enableEmsgMetadataCues: false,
    cmcd: player.cmcd ? cmcd : undefined,
  }
}
