/** appSettings.alerts and ?alerts= / ?area= (src/alerts/alert-settings.ts through readConfig). */
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../src/config/app-config'
import { parseAreaText } from '../../src/alerts/alert-settings'

const BASE = 'https://tv.example.com/app/'
const read = (alerts: unknown, query = '') => readConfig({ appSettings: alerts === undefined ? {} : { alerts }, query, base: BASE })

describe('alert settings', () => {
  it('defaults: no source, no area', () => {
    const { config, issues } = read(undefined)
    expect(config.alerts).toEqual({ url: null, area: [], pollSeconds: 60, minShowSeconds: 10 })
    expect(issues).toEqual([])
  })

  it('reads a source (relative to the page), geocodes or a point, and the timings', () => {
    expect(read({ url: 'cap/ca.atom', area: ['006037', 'CAZ041'], pollSeconds: 120, minShowSeconds: 5 }).config.alerts).toEqual({
      url: 'https://tv.example.com/app/cap/ca.atom', area: ['006037', 'CAZ041'], pollSeconds: 120, minShowSeconds: 5,
    })
    expect(read({ area: { lat: 34.05, lon: -118.24 } }).config.alerts.area).toEqual({ lat: 34.05, lon: -118.24 })
    expect(read({ area: '006037' }).config.alerts.area).toEqual(['006037'])
  })

  it('a bad value keeps the default and says which field and why', () => {
    const { config, issues } = read({ url: 'javascript:alert(1)', area: { lat: 134, lon: 0 }, pollSeconds: 1, minShowSeconds: 'long' })
    expect(config.alerts).toEqual({ url: null, area: [], pollSeconds: 60, minShowSeconds: 10 })
    expect(issues.map((i) => i.field)).toEqual(['appSettings.alerts.url', 'appSettings.alerts.area', 'appSettings.alerts.pollSeconds', 'appSettings.alerts.minShowSeconds'])
    expect(issues[1]!.message).toMatch(/list of geocodes .* or a point/)
  })

  it('?alerts= and ?area= win over settings.json; a bad ?area= is reported', () => {
    const { config } = read({ url: 'https://a.example/x.xml', area: ['006059'] }, '?alerts=/cap/la.xml&area=006037')
    expect(config.alerts.url).toBe('https://tv.example.com/cap/la.xml')
    expect(config.alerts.area).toEqual(['006037'])
    expect(read({}, '?area=35.47,-97.52').config.alerts.area).toEqual({ lat: 35.47, lon: -97.52 })
    const bad = read({ area: ['006059'] }, '?area=%3Cscript%3E')
    expect(bad.config.alerts.area).toEqual(['006059'])
    expect(bad.issues.map((i) => i.field)).toEqual(['?area'])
  })

  it('tells two geocodes from a point', () => {
    expect(parseAreaText('06037,06059')).toEqual(['06037', '06059'])
    expect(parseAreaText('34,-118')).toEqual({ lat: 34, lon: -118 })
    expect(parseAreaText('')).toBeNull()
  })
})
