// @vitest-environment jsdom
/** The Settings row "Alert area": choices from the source's geocodes, stepping, keeping (alert-area-menu.ts, AlertService.setArea). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCapText } from '../../src/alerts/parse-cap'
import { areaChoices, areaLabel, loadAlertArea, nextArea, saveAlertArea } from '../../src/alerts/alert-area-menu'
import { AlertService } from '../../src/alerts/alert-service'
import { MemoryStore } from '../../src/lib/key-value-store'
import { ManualClock } from '../../src/lib/clock'

const text = (name: string) => readFileSync(join(__dirname, '../fixtures/alerts', name), 'utf8')

describe('Alert area choices', () => {
  const messages = [...parseCapText(text('cap-two-areas.xml')), ...parseCapText(text('cap-fire-warning.xml'))]

  it('offers the area as set up, then every geocode in the source by its area name', () => {
    expect(areaChoices(messages, []).map((c) => c.label)).toEqual([
      'None (set up)',
      'Los Angeles County (006037)',
      'Orange County (006059)',
      'Orange County (CAZ552)',
      'San Diego County (006073)',
      'San Diego County (CAZ043)',
    ])
  })

  it('steps with Left/Right (stopping at the ends) and OK (round again)', () => {
    const choices = areaChoices(messages, ['006037'])
    expect(choices[0]!.label).toBe('Los Angeles County (006037) (set up)')
    const next = nextArea(choices, ['006037'], { direction: 1, wrap: false })
    expect(areaLabel(next, choices)).toBe(choices[1]!.label)
    expect(nextArea(choices, ['006037'], { direction: -1, wrap: false })).toEqual(['006037'])
    expect(nextArea(choices, choices[choices.length - 1]!.area, { direction: 1, wrap: true })).toEqual(['006037'])
  })

  it('keeps the choice, geocodes or a point', () => {
    const store = new MemoryStore()
    expect(loadAlertArea(store)).toBeNull()
    saveAlertArea(store, ['006059'])
    expect(loadAlertArea(store)).toEqual(['006059'])
    saveAlertArea(store, { lat: 35.47, lon: -97.52 })
    expect(loadAlertArea(store)).toEqual({ lat: 35.47, lon: -97.52 })
  })

  it('AlertService.setArea filters for the new area at once', async () => {
    const body = text('cap-fire-warning.xml')
    const service = new AlertService({
      settings: { url: 'https://cap.example/a.xml', area: ['006059'], pollSeconds: 3600, minShowSeconds: 0 },
      language: 'en', clock: new ManualClock(Date.parse('2026-12-01T12:00:00Z')),
      fetch: async () => ({ status: 200, headers: { get: () => null }, arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer }),
    })
    service.start()
    await new Promise((r) => setTimeout(r, 0))
    expect(service.current()).toEqual([])
    service.setArea(['006037'])
    expect(service.current().map((a) => a.id)).toEqual(['FIRE-1'])
    expect(service.board.bar?.id).toBe('FIRE-1')
    service.stop()
  })
})
