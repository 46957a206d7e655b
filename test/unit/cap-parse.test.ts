// @vitest-environment jsdom
/** CAP 1.2 / 1.1 documents and Atom indexes of CAP entries -> CapAlert (src/alerts/parse-cap.ts). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCapText, readCircle, readPolygon } from '../../src/alerts/parse-cap'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/alerts', name), 'utf8')

describe('parseCapText', () => {
  it('reads the CAP 1.2 specification example: identity, both languages, the SAME geocode', () => {
    const [alert] = parseCapText(fixture('cap-1.2-amber-alert.xml'))
    expect(alert).toMatchObject({
      identifier: 'KAR0-0306112239-SW',
      sender: 'KARO@CLETS.DOJ.CA.GOV',
      sent: Date.parse('2003-06-11T22:39:00-07:00'),
      status: 'Actual',
      msgType: 'Alert',
      references: [],
    })
    expect(alert!.infos.map((i) => [i.language, i.event, i.severity, i.headline])).toEqual([
      ['en-US', 'Child Abduction', 'Severe', 'Amber Alert in Los Angeles County'],
      ['es-US', 'Abducción de Niño', 'Severe', 'Alerta Amber en el condado de Los Ángeles'],
    ])
    expect(alert!.infos[0]!.areas).toEqual([
      { description: 'Los Angeles County', geocodes: [{ name: 'SAME', value: '006037' }], polygons: [], circles: [] },
    ])
  })

  it('reads a Cancel with its references triple', () => {
    const [cancel] = parseCapText(fixture('cap-fire-cancel.xml'))
    expect(cancel!.msgType).toBe('Cancel')
    expect(cancel!.references).toEqual([
      { sender: 'alerts@county.example.gov', identifier: 'FIRE-1', sent: Date.parse('2026-12-01T08:00:00Z') },
    ])
  })

  it('reads the 1.1 namespace, polygons and circles, and defaults the language to en-US', () => {
    const [alert] = parseCapText(fixture('cap-polygon.xml'))
    const info = alert!.infos[0]!
    expect(info.language).toBe('en-US')
    expect(info.severity).toBe('Extreme')
    expect(info.areas[0]!.polygons[0]).toHaveLength(5)
    expect(info.areas[0]!.polygons[0]![1]).toEqual({ lat: 35.4, lon: -97.4 })
    expect(info.areas[1]!.circles).toEqual([{ lat: 36.15, lon: -95.99, radiusKm: 10 }])
  })

  it('reads an Atom index: one alert per entry, cap: fields, several geocode pairs in one cap:geocode', () => {
    const alerts = parseCapText(fixture('cap-atom-index.xml'))
    expect(alerts).toHaveLength(2)
    expect(alerts[0]).toMatchObject({ identifier: 'https://alerts.example.gov/cap/ca/1001', sender: 'w-nws.webmaster@noaa.gov', status: 'Actual', msgType: 'Alert' })
    const info = alerts[0]!.infos[0]!
    expect(info).toMatchObject({
      language: 'en-US',
      event: 'Red Flag Warning',
      severity: 'Severe',
      effective: Date.parse('2026-12-01T07:00:00-08:00'),
      expires: Date.parse('2026-12-01T20:00:00-08:00'),
    })
    expect(info.headline).toMatch(/^Red Flag Warning issued/)
    expect(info.areas[0]!.geocodes).toEqual([
      { name: 'FIPS6', value: '006037' },
      { name: 'UGC', value: 'CAZ547' },
    ])
    expect(info.areas[0]!.polygons).toEqual([]) // an empty <cap:polygon/> is no polygon
  })

  it('refuses what is not CAP, with a message that says what it got', () => {
    expect(() => parseCapText('<rss version="2.0"><channel/></rss>')).toThrow(/not a CAP alert.*<rss>/)
    expect(() => parseCapText('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">')).toThrow(/not well-formed/)
    expect(() => parseCapText('  ')).toThrow(/empty/)
  })

  it('skips unreadable polygons and circles rather than guessing', () => {
    expect(readPolygon('35,-97 36,-97')).toBeNull()
    expect(readPolygon('35,-97 36,-97 36,x')).toBeNull()
    expect(readCircle('36.1,-95.9 ten')).toBeNull()
    expect(readCircle('36.1,-95.9 0.5')).toEqual({ lat: 36.1, lon: -95.9, radiusKm: 0.5 })
  })
})
