// @vitest-environment jsdom
/** Which CAP alerts a viewer sees: area, time, status, cancellation, language (src/alerts/alerts-in-force.ts). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCapText } from '../../src/alerts/parse-cap'
import { alertsInForce, pickInfo } from '../../src/alerts/alerts-in-force'
import { pointInCircle, pointInPolygon } from '../../src/alerts/cap-area'

const fixture = (name: string) => parseCapText(readFileSync(join(__dirname, '../fixtures/alerts', name), 'utf8'))
const LA = { codes: ['006037'] }
const NOW = Date.parse('2026-12-01T12:00:00Z')
const shown = (names: string[], options: Partial<Parameters<typeof alertsInForce>[1]> = {}) =>
  alertsInForce(names.flatMap(fixture), { now: NOW, viewer: LA, language: 'en-US', ...options })

describe('alertsInForce', () => {
  it('shows an Actual alert in force for the area, with event, severity, headline and area', () => {
    expect(shown(['cap-fire-warning.xml']).map(({ id, event, severity, headline, area }) => ({ id, event, severity, headline, area }))).toEqual([
      { id: 'FIRE-1', event: 'Fire Warning', severity: 'Extreme', headline: 'Fire Warning for Los Angeles County', area: 'Los Angeles County' },
    ])
  })

  it('drops an expired alert, and one not yet effective', () => {
    expect(shown(['cap-expired.xml'])).toEqual([])
    expect(shown(['cap-fire-warning.xml'], { now: Date.parse('2026-12-01T07:59:59Z') })).toEqual([])
    expect(shown(['cap-fire-warning.xml'], { now: Date.parse('2026-12-01T20:00:00Z') })).toEqual([]) // expires is exclusive
  })

  it('drops Test and Exercise messages', () => {
    expect(shown(['cap-status-test.xml', 'cap-status-exercise.xml'])).toEqual([])
  })

  it('drops an alert a later Cancel references (and does not show the Cancel itself)', () => {
    expect(shown(['cap-fire-warning.xml', 'cap-fire-cancel.xml'])).toEqual([])
    // The cancel's triple must match: another sent time leaves the alert standing.
    const [alert] = fixture('cap-fire-warning.xml')
    const [cancel] = fixture('cap-fire-cancel.xml')
    cancel!.references[0]!.sent = Date.parse('2026-12-01T07:00:00Z')
    expect(alertsInForce([alert!, cancel!], { now: NOW, viewer: LA, language: 'en' }).map((a) => a.id)).toEqual(['FIRE-1'])
  })

  it('an Update replaces the alert it references', () => {
    const [alert] = fixture('cap-fire-warning.xml')
    const update = structuredClone(alert!)
    Object.assign(update, { identifier: 'FIRE-2', msgType: 'Update', sent: Date.parse('2026-12-01T09:00:00Z') })
    update.references = [{ sender: alert!.sender, identifier: 'FIRE-1', sent: alert!.sent }]
    update.infos[0]!.headline = 'Fire Warning extended'
    expect(alertsInForce([alert!, update], { now: NOW, viewer: LA, language: 'en' }).map((a) => [a.id, a.headline])).toEqual([['FIRE-2', 'Fire Warning extended']])
  })

  it('matches geocodes in any of several areas, FIPS6 and SAME alike, UGC by value; names only the matching area', () => {
    const wind = (codes: string[]) => shown(['cap-two-areas.xml'], { viewer: { codes } }).map((a) => a.area)
    expect(wind(['006073'])).toEqual(['San Diego County'])
    expect(wind(['06059'])).toEqual(['Orange County'])
    expect(wind(['caz552'])).toEqual(['Orange County'])
    expect(wind(['006037'])).toEqual([])
    expect(wind([])).toEqual([])
  })

  it('a SAME code for part of a county matches the county', () => {
    expect(shown(['cap-fire-warning.xml'], { viewer: { codes: ['306037'] } })).toHaveLength(1)
  })

  it('matches a point against polygons and circles', () => {
    const at = (lat: number, lon: number) => shown(['cap-polygon.xml'], { now: Date.parse('2026-12-01T08:30:00Z'), viewer: { point: { lat, lon } } }).map((a) => a.area)
    expect(at(35.47, -97.52)).toEqual(['Central Oklahoma County']) // inside the polygon
    expect(at(36.2, -95.95)).toEqual(['Shelter radius']) // 6 km from the circle's centre
    expect(at(35.3, -97.52)).toEqual([]) // south of the polygon
    expect(at(36.3, -95.99)).toEqual([]) // 17 km from the centre
  })

  it('reads an Atom index: only the entry for the area, in force', () => {
    const alerts = shown(['cap-atom-index.xml'], { now: Date.parse('2026-12-01T10:00:00-08:00') })
    expect(alerts.map((a) => [a.event, a.severity, a.area])).toEqual([['Red Flag Warning', 'Severe', 'Los Angeles County Mountains']])
    expect(shown(['cap-atom-index.xml'], { now: Date.parse('2026-12-01T08:00:00-08:00'), viewer: { codes: ['006019'] } }).map((a) => a.event)).toEqual(['Frost Advisory'])
  })

  it("picks the info in the viewer's language, else English, else the first", () => {
    const amber = (language: string) => shown(['cap-1.2-amber-alert.xml'], { now: Date.parse('2003-06-12T06:00:00Z'), language })[0]?.headline
    expect(amber('es-US')).toBe('Alerta Amber en el condado de Los Ángeles')
    expect(amber('es-MX')).toBe('Alerta Amber en el condado de Los Ángeles')
    expect(amber('fr-FR')).toBe('Amber Alert in Los Angeles County')
    expect(pickInfo([{ language: 'de' }, { language: 'fr' }], 'it')).toEqual({ language: 'de' })
  })

  it('an alert with no expiry stops counting a day after it was sent', () => {
    expect(shown(['cap-1.2-amber-alert.xml'], { now: Date.parse('2003-06-12T06:00:00Z') })).toHaveLength(1)
    expect(shown(['cap-1.2-amber-alert.xml'], { now: Date.parse('2003-06-13T06:00:00Z') })).toEqual([])
  })

  it('puts the most severe first', () => {
    const alerts = shown(['cap-two-areas.xml', 'cap-fire-warning.xml'], { viewer: { codes: ['006037', '006059'] } })
    expect(alerts.map((a) => a.severity)).toEqual(['Extreme', 'Moderate'])
  })
})

describe('geometry', () => {
  const square = [{ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, { lat: 1, lon: 1 }, { lat: 1, lon: 0 }]
  it('point in polygon, closed or not', () => {
    expect(pointInPolygon({ lat: 0.5, lon: 0.5 }, square)).toBe(true)
    expect(pointInPolygon({ lat: 0.5, lon: 1.5 }, square)).toBe(false)
    expect(pointInPolygon({ lat: 0.5, lon: 0.5 }, [...square, square[0]!])).toBe(true)
  })
  it('circle radius in km', () => {
    expect(pointInCircle({ lat: 0, lon: 0.08 }, { lat: 0, lon: 0, radiusKm: 10 })).toBe(true) // 8.9 km
    expect(pointInCircle({ lat: 0, lon: 0.1 }, { lat: 0, lon: 0, radiusKm: 10 })).toBe(false) // 11.1 km
  })
})
