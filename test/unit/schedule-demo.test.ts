import { describe, expect, it } from 'vitest'
import { demoProgrammeAt, demoScheduleXml } from '../../scripts/server/demo-schedule.mjs'
import { parseXmltv } from '../../src/schedule/parse-xmltv'
import { nowNext } from '../../src/schedule/now-next'
import { xmldomXml } from '../../src/feed/xmldom-reader'
import { readAppConfig } from '../../src/config/app-config'
import { readFileSync } from 'node:fs'

describe('the demo server\'s rolling schedule', () => {
  const now = Date.UTC(2025, 11, 1, 18, 40)

  it('covers 24 h of half-hour programmes per channel, read by the app\'s XMLTV parser', () => {
    const xml = demoScheduleXml(['news', 'world'], now)
    for (const [id, name] of [['news', 'Newsroom 24'], ['world', 'World Desk']] as const) {
      const { programmes, issues } = parseXmltv(xml, { channelId: id, channelName: name }, xmldomXml)
      expect(issues).toEqual([])
      expect(programmes).toHaveLength(48)
      expect(programmes.at(-1)!.end - programmes[0]!.start).toBe(24 * 3600_000)
      expect(programmes[0]!.start).toBeLessThan(now)
      const { now: on, next } = nowNext(programmes, now)
      expect(on!.title).toBe(demoProgrammeAt(id, now)!.title)
      expect(next!.start).toBe(Date.UTC(2025, 11, 1, 19))
    }
  })

  it('takes a phase: slots start that far past the half hours, and the XMLTV says so', () => {
    const phase = 7 * 60_000 + 30_000
    const p = demoProgrammeAt('news', now, phase)!
    expect([p.start, p.end]).toEqual([Date.UTC(2025, 11, 1, 18, 37, 30), Date.UTC(2025, 11, 1, 19, 7, 30)])
    // Just before the phased boundary it is the slot before, with the show before.
    const before = demoProgrammeAt('news', Date.UTC(2025, 11, 1, 18, 37, 29), phase)!
    expect(before.end).toBe(p.start)
    expect(before.title).not.toBe(p.title)
    const { programmes } = parseXmltv(demoScheduleXml(['news'], now, phase), { channelId: 'news', channelName: 'Newsroom 24' }, xmldomXml)
    expect(programmes).toHaveLength(48)
    const on = nowNext(programmes, now).now!
    expect([on.title, on.start, on.end]).toEqual([p.title, p.start, p.end])
  })

  it('is what settings.json gives each demo channel', () => {
    const settings = JSON.parse(readFileSync(new URL('../../settings.json', import.meta.url), 'utf8'))
    const { config } = readAppConfig(settings.appSettings, '', 'http://127.0.0.1:8080/')
    expect(config.channels.map((c) => [c.id, c.schedule?.url])).toEqual([
      ['news', 'http://127.0.0.1:8080/schedule.xml?channel=news'],
      ['world', 'http://127.0.0.1:8080/schedule.xml?channel=world'],
    ])
  })
})
