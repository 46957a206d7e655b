import { describe, it, expect } from 'vitest'
import { engineHlsConfig, readEngineFacts, TV_BACK_BUFFER_SECONDS, TIZEN_HOLE_PADDING_SECONDS } from '../../src/player/engine-hls-config'

const configured = { backBufferLength: 30, maxBufferSize: 30_000_000 }

describe('hls.js settings from engine facts', () => {
  it('keeps a short back buffer on TV engines, the configured one in a desktop browser', () => {
    for (const platform of ['tizen', 'webos', 'rdk'] as const) {
      expect(engineHlsConfig(readEngineFacts(platform, {}), configured).backBufferLength).toBe(TV_BACK_BUFFER_SECONDS)
    }
    expect(engineHlsConfig(readEngineFacts('browser', { deviceMemory: 8 }), configured).backBufferLength).toBe(30)
    // A setting below the TV cap stays as set.
    expect(engineHlsConfig(readEngineFacts('webos', {}), { ...configured, backBufferLength: 4 }).backBufferLength).toBe(4)
  })

  it('treats a browser on a 2 GB device as TV-class, and halves the forward buffer on 1 GB', () => {
    expect(engineHlsConfig(readEngineFacts('browser', { deviceMemory: 2 }), configured).backBufferLength).toBe(TV_BACK_BUFFER_SECONDS)
    expect(engineHlsConfig(readEngineFacts('browser', { deviceMemory: 1 }), configured).maxBufferSize).toBe(15_000_000)
    expect(engineHlsConfig(readEngineFacts('tizen', { deviceMemory: 4 }), configured).maxBufferSize).toBe(30_000_000)
    expect(readEngineFacts('browser', { deviceMemory: 'lots' }).deviceMemoryGb).toBeNull()
  })

  it('jumps clear of buffer holes on Tizen only', () => {
    expect(engineHlsConfig(readEngineFacts('tizen', {}), configured).skipBufferHolePadding).toBe(TIZEN_HOLE_PADDING_SECONDS)
    for (const platform of ['webos', 'rdk', 'browser'] as const) {
      expect(engineHlsConfig(readEngineFacts(platform, {}), configured)).not.toHaveProperty('skipBufferHolePadding')
    }
  })
})
