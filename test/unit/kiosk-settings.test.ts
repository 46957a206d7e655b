import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { readKioskSettings } from '../../src/kiosk/kiosk-settings'
import { DEFAULT_KIOSK_SETTINGS } from '../../src/config/defaults'

const shipped = JSON.parse(readFileSync(new URL('../../settings.json', import.meta.url), 'utf8')).appSettings.kiosk

describe('readKioskSettings', () => {
  it('reads the shipped settings.json kiosk block with no issues', () => {
    const { settings, issues } = readKioskSettings(shipped, '')
    expect(issues).toEqual([])
    expect(settings.enabled).toBe(false)
  })

  it('defaults every field when the block is missing', () => {
    const { settings, issues } = readKioskSettings(undefined, '')
    expect(issues).toEqual([])
    expect(settings).toEqual(DEFAULT_KIOSK_SETTINGS)
    expect(settings.unlockSequence).toEqual(['Up', 'Up', 'Down', 'Down', 'Left', 'Right', 'Left', 'Right', 'Enter'])
    expect(settings.dailyReloadHour).toBeNull()
  })

  it('reads a full block', () => {
    const full = {
      enabled: true,
      spotlightEveryMinutes: 2,
      spotlightSeconds: 30,
      pixelShiftEveryMinutes: 1.5,
      pixelShiftMaxPx: 4,
      watchdogUnhealthyMinutes: 5,
      watchdogMaxErrorsPerHour: 10,
      dailyReloadHour: 4,
      unlockSequence: ['Red', 'Green', 'Enter'],
    }
    const { settings, issues } = readKioskSettings(full, '')
    expect(issues).toEqual([])
    expect(settings).toEqual(full)
  })

  it('names the field and the value of each bad setting, and keeps its default', () => {
    const { settings, issues } = readKioskSettings(
      { enabled: 'yes', spotlightSeconds: -1, pixelShiftMaxPx: 2.5, dailyReloadHour: 24, watchdogUnhealthyMinutes: 0.1 },
      '',
    )
    expect(issues.map((i) => i.message)).toEqual([
      'appSettings.kiosk.enabled must be true or false, got "yes"',
      'appSettings.kiosk.spotlightSeconds must be a number from 1 to 3600, got -1',
      'appSettings.kiosk.pixelShiftMaxPx must be a whole number from 0 to 20, got 2.5',
      'appSettings.kiosk.watchdogUnhealthyMinutes must be a number from 1 to 1440, got 0.1',
      'appSettings.kiosk.dailyReloadHour must be null or a whole hour from 0 to 23, got 24',
    ])
    expect(settings.enabled).toBe(false)
    expect(settings.spotlightSeconds).toBe(20)
    expect(settings.pixelShiftMaxPx).toBe(6)
    expect(settings.watchdogUnhealthyMinutes).toBe(3)
    expect(settings.dailyReloadHour).toBeNull()
  })

  it('takes dailyReloadHour null as off and 0 as midnight', () => {
    expect(readKioskSettings({ dailyReloadHour: null }, '').settings.dailyReloadHour).toBeNull()
    expect(readKioskSettings({ dailyReloadHour: 0 }, '').settings.dailyReloadHour).toBe(0)
  })

  it('rejects a kiosk block that is not an object', () => {
    const { settings, issues } = readKioskSettings(true, '')
    expect(issues[0]!.message).toBe('appSettings.kiosk must be an object, got true')
    expect(settings.enabled).toBe(false)
  })

  it('rejects an unlock sequence with an unknown key name (staff would be locked out)', () => {
    const { settings, issues } = readKioskSettings({ unlockSequence: ['Up', 'OK'] }, '')
    expect(issues).toHaveLength(1)
    expect(issues[0]!.field).toBe('appSettings.kiosk.unlockSequence')
    expect(issues[0]!.message).toContain('["Up","OK"]')
    expect(settings.unlockSequence).toEqual(DEFAULT_KIOSK_SETTINGS.unlockSequence)
    expect(readKioskSettings({ unlockSequence: [] }, '').issues).toHaveLength(1)
    expect(readKioskSettings({ unlockSequence: 'Up Up' }, '').issues).toHaveLength(1)
  })

  it('keeps a spotlight shorter than its period: too long becomes half the period, with an issue', () => {
    const { settings, issues } = readKioskSettings({ spotlightEveryMinutes: 1, spotlightSeconds: 60 }, '')
    expect(issues[0]!.message).toBe('appSettings.kiosk.spotlightSeconds must be shorter than spotlightEveryMinutes (1 min), got 60')
    expect(settings.spotlightSeconds).toBe(30)
  })

  it('applies the test overrides from the URL, fractional minutes included', () => {
    const { settings, issues } = readKioskSettings(shipped, '?kiosk=1&kioskSpotlightEvery=0.1&kioskSpotlightSeconds=4&kioskShiftEvery=0.05')
    expect(issues).toEqual([])
    expect(settings.spotlightEveryMinutes).toBe(0.1)
    expect(settings.spotlightSeconds).toBe(4)
    expect(settings.pixelShiftEveryMinutes).toBe(0.05)
  })

  it('names a bad URL override and ignores it', () => {
    const { settings, issues } = readKioskSettings(undefined, 'kioskSpotlightEvery=soon&kioskSpotlightSeconds=&kioskShiftEvery=0')
    expect(issues.map((i) => i.message)).toEqual([
      '?kioskSpotlightSeconds= must be a number of seconds from 1 to 3600, got ""',
      '?kioskSpotlightEvery= must be a number of minutes from 0.05 to 1440, got "soon"',
      '?kioskShiftEvery= must be a number of minutes from 0.05 to 1440, got "0"',
    ])
    expect(settings.spotlightEveryMinutes).toBe(5)
    expect(settings.spotlightSeconds).toBe(20)
    expect(settings.pixelShiftEveryMinutes).toBe(3)
  })
})
