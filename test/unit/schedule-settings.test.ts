import { describe, expect, it } from 'vitest'
import { readAppConfig } from '../../src/config/app-config'

const base = 'https://tv.example.com/app/'
const channel = (schedule: unknown) => ({ channels: [{ id: 'news', name: 'Newsroom 24', url: '/live/news.m3u8', schedule }] })

describe('channels[].schedule in settings.json', () => {
  it('takes a URL, resolved against the page', () => {
    const { config, issues } = readAppConfig(channel('/schedule.xml?channel=news'), '', base)
    expect(issues).toEqual([])
    expect(config.channels[0]!.schedule).toEqual({ url: 'https://tv.example.com/schedule.xml?channel=news', xmltvId: null, programmes: [] })
  })

  it('takes {url, channel} naming the XMLTV channel', () => {
    const { config } = readAppConfig(channel({ url: 'https://epg.example.com/guide.xml', channel: 'nr24.example' }), '', base)
    expect(config.channels[0]!.schedule).toEqual({ url: 'https://epg.example.com/guide.xml', xmltvId: 'nr24.example', programmes: [] })
  })

  it('takes an inline JSON list, reporting its bad entries and keeping the good', () => {
    const { config, issues } = readAppConfig(
      channel([
        { start: '2025-12-01T18:00:00Z', end: '2025-12-01T18:30:00Z', title: 'World Tonight' },
        { start: 'six', end: '2025-12-01T19:00:00Z', title: 'Broken' },
      ]),
      '',
      base,
    )
    expect(config.channels[0]!.schedule!.programmes.map((p) => p.title)).toEqual(['World Tonight'])
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message).toMatch(/^appSettings\.channels\[0\]\.schedule\[1\] must be a programme .*"six" is not an ISO time.*, got \{"start":"six"/)
  })

  it('reports a schedule that is none of these and keeps the channel', () => {
    const { config, issues } = readAppConfig(channel(42), '', base)
    expect(config.channels.map((c) => c.id)).toEqual(['news'])
    expect(config.channels[0]!.schedule).toBeUndefined()
    expect(issues[0]!.message).toMatch(/schedule must be a URL, \{url, channel\} or a list of programmes, got 42/)
    expect(readAppConfig(channel('javascript:alert(1)'), '', base).issues[0]!.message).toMatch(/schedule must be an http\(s\) URL/)
  })

  it('refreshes hourly by default; settings.json may say otherwise', () => {
    expect(readAppConfig({}, '', base).config.schedule).toEqual({ refreshMinutes: 60, maxBytes: 2_000_000 })
    expect(readAppConfig({ schedule: { refreshMinutes: 15 } }, '', base).config.schedule.refreshMinutes).toBe(15)
  })
})
