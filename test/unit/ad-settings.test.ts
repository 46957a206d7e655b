import { describe, expect, it } from 'vitest'
import { readConfig } from '../../src/config/app-config'

const read = (ads: unknown, query = '') => readConfig({ appSettings: ads === undefined ? {} : { ads }, query, base: 'http://tv.example/' })

describe('appSettings.ads.label: the label on the picture during an ad break', () => {
  it('is off unless asked for; true says "Ad", a text says that text', () => {
    expect(read(undefined).config.ads).toEqual({ label: null })
    expect(read({ label: true }).config.ads).toEqual({ label: 'Ad' })
    expect(read({ label: false }).config.ads).toEqual({ label: null })
    expect(read({ label: ' Advertisement ' }).config.ads).toEqual({ label: 'Advertisement' })
  })

  it('names the field of a bad value and keeps the default', () => {
    for (const bad of [1, '', 'x'.repeat(25), { text: 'Ad' }]) {
      const { config, issues } = read({ label: bad })
      expect(config.ads.label).toBeNull()
      expect(issues.map((i) => i.field)).toEqual(['appSettings.ads.label'])
    }
    expect(read('Ad').issues.map((i) => i.field)).toEqual(['appSettings.ads'])
  })

  it('?adLabel= overrides it for the session: 1, 0 or a text', () => {
    expect(read({ label: false }, '?adLabel=1').config.ads.label).toBe('Ad')
    expect(read({ label: true }, '?adLabel=0').config.ads.label).toBeNull()
    expect(read(undefined, '?adLabel=Werbung').config.ads.label).toBe('Werbung')
    const bad = read({ label: true }, `?adLabel=${'x'.repeat(30)}`)
    expect(bad.config.ads.label).toBe('Ad')
    expect(bad.issues.map((i) => i.field)).toEqual(['?adLabel'])
  })
})
