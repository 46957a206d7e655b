import { describe, it, expect } from 'vitest'
import { ChannelTuner } from '../../src/player/channel-tuner'
import { liveHlsConfig, MAX_BUFFER_BYTES } from '../../src/player/hls-config'
import { readEngineFacts } from '../../src/player/engine-hls-config'
import type { ChannelConfig } from '../../src/config/app-config'

const channels: ChannelConfig[] = [
  { id: 'news', number: 1, name: 'News', url: 'http://x/news.m3u8' },
  { id: 'sport', number: 7, name: 'Sport', url: 'http://x/sport.m3u8' },
  { id: 'weather', number: 9, name: 'Weather', url: 'http://x/weather.m3u8' },
]

describe('ChannelTuner.tune: the one entry the UI tunes through', () => {
  const tuner = (played: string[]) => new ChannelTuner(channels, channels[0]!, (channel) => played.push(channel.url))

  it('plays the channel ChannelUp/Down, a number or an id picks, wrapping around the list', () => {
    const played: string[] = []
    const t = tuner(played)
    expect(t.tune({ step: -1 })).toEqual({ tuned: channels[2] })
    expect(t.tune({ step: 1 })).toEqual({ tuned: channels[0] })
    expect(t.tune({ number: 7 })).toEqual({ tuned: channels[1] })
    expect(t.tune({ id: 'weather' })).toEqual({ tuned: channels[2] })
    expect(played).toEqual(['http://x/weather.m3u8', 'http://x/news.m3u8', 'http://x/sport.m3u8', 'http://x/weather.m3u8'])
    expect(t.current.id).toBe('weather')
  })

  it('says which number no channel has, and neither plays nor changes channel', () => {
    const played: string[] = []
    const t = tuner(played)
    expect(t.tune({ number: 42 })).toEqual({ unknownNumber: 42 })
    expect(played).toEqual([])
    expect(t.current.id).toBe('news')
  })
})

describe('liveHlsConfig: the channel\'s hls.js configuration', () => {
  const player = { capLevelToPlayerSize: true, maxBufferLength: 20, backBufferLength: 30, cmcd: false }
  const cmcd = { sessionId: 's1', contentId: 'news' }

  it('buffers MAX_BUFFER_BYTES ahead (half on a 1 GB set) and plays near the live edge', () => {
    const config = liveHlsConfig({ player, engineFacts: readEngineFacts('browser', { deviceMemory: 8 }), cmcd })
    expect(config).toMatchObject({ maxBufferSize: MAX_BUFFER_BYTES, maxBufferLength: 20, backBufferLength: 30, liveSyncDurationCount: 3, liveMaxLatencyDurationCount: 10 })
    expect(liveHlsConfig({ player, engineFacts: readEngineFacts('browser', { deviceMemory: 1 }), cmcd }).maxBufferSize).toBe(MAX_BUFFER_BYTES / 2)
  })

  it('sends CMCD only when the settings ask for it', () => {
    expect(liveHlsConfig({ player, engineFacts: readEngineFacts('browser', undefined), cmcd }).cmcd).toBeUndefined()
    expect(liveHlsConfig({ player: { ...player, cmcd: true }, engineFacts: readEngineFacts('browser', undefined), cmcd }).cmcd).toEqual(cmcd)
  })
})
