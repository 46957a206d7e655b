import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { Emitter } from '../../src/lib/emitter'
import type { Article } from '../../src/feed/article'
import type { PlaybackState } from '../../src/player/playback-state'
import { KioskMode } from '../../src/kiosk/kiosk-mode'
import { DEFAULT_KIOSK_SETTINGS } from '../../src/config/defaults'
import type { KioskSettings } from '../../src/kiosk/kiosk-settings'
import type { PixelOffset } from '../../src/kiosk/pixel-shift'
import { kioskStory } from './kiosk-fixtures'

const SECOND = 1000
const MINUTE = 60 * SECOND
const UNLOCK = DEFAULT_KIOSK_SETTINGS.unlockSequence

/** A kiosk over fakes: a player whose state the test sets, a spotlight and overlays that record. */
function kiosk(overrides: Partial<KioskSettings> = {}) {
  const clock = new ManualClock()
  const player = new Emitter<{ state: PlaybackState; fatalError: string }>()
  let playerState: PlaybackState = 'playing'
  const screen: string[] = []
  const offsets: PixelOffset[] = []
  const reloads: number[] = []
  const log: string[] = []
  const articles: Article[] = [kioskStory('old', 1), kioskStory('new', 2)]
  const mode = new KioskMode({
    clock,
    settings: { ...DEFAULT_KIOSK_SETTINGS, enabled: true, ...overrides },
    articles: () => articles,
    spotlight: { show: (a) => screen.push(`show ${a.id}`), hide: () => screen.push('hide') },
    shiftTargets: [{ setOffset: (o) => offsets.push(o) }, { setOffset: () => undefined }],
    playbackStates: (listener) => {
      listener(playerState)
      return player.on('state', listener)
    },
    playbackErrors: (listener) => player.on('fatalError', listener),
    reloadApp: () => reloads.push(clock.now()),
    log: (m) => log.push(m),
  })
  const setState = (state: PlaybackState) => {
    playerState = state
    player.emit('state', state)
  }
  return { clock, player, setState, screen, offsets, reloads, log, mode, articles }
}

describe('KioskMode', () => {
  it('shows a spotlight every period and shifts the overlays while playback is healthy', () => {
    const k = kiosk()
    k.mode.start()
    k.clock.advance(10 * MINUTE + 30 * SECOND)
    expect(k.screen).toEqual(['show new', 'hide', 'show old', 'hide'])
    expect(k.offsets).toEqual([
      { x: 0, y: -1 },
      { x: 0, y: -2 },
      { x: 0, y: -3 },
    ])
    expect(k.reloads).toEqual([])
    expect(k.log[0]).toBe(
      '[kiosk] on: spotlight every 5 min for 20 s, shift ±6 px every 3 min, reload after 3 min unhealthy or 20 errors/h',
    )
  })

  it('swallows every key while locked, including Back and Exit', () => {
    const k = kiosk()
    k.mode.start()
    expect(k.mode.locked).toBe(true)
    for (const key of ['Back', 'Exit', 'Enter', 'Left', 'Digit', 'ChannelUp', '']) expect(k.mode.handleKey(key)).toBe(true)
    expect(k.mode.locked).toBe(true)
  })

  it('passes keys on before start', () => {
    expect(kiosk().mode.handleKey('Enter')).toBe(false)
  })

  it('the unlock sequence turns kiosk mode off for the session: keys pass, the spotlight hides, overlays go home', () => {
    const k = kiosk()
    k.mode.start()
    k.clock.advance(6 * MINUTE + 5 * SECOND)
    expect(k.screen).toEqual(['show new', 'hide'])
    k.clock.advance(4 * MINUTE)
    expect(k.screen.pop()).toBe('show old')
    for (const key of UNLOCK) expect(k.mode.handleKey(key)).toBe(true)
    expect(k.mode.locked).toBe(false)
    expect(k.screen.pop()).toBe('hide')
    expect(k.offsets.pop()).toEqual({ x: 0, y: 0 })
    expect(k.log.pop()).toBe('[kiosk] unlocked for this session')
    expect(k.mode.handleKey('Back')).toBe(false)

    // Nothing of kiosk mode runs any more: no spotlight, no shift, no watchdog, and start() cannot relock.
    k.setState('failed')
    k.mode.start()
    const before = { screen: k.screen.length, offsets: k.offsets.length }
    k.clock.advance(2 * 60 * MINUTE)
    expect({ screen: k.screen.length, offsets: k.offsets.length }).toEqual(before)
    expect(k.reloads).toEqual([])
    expect(k.clock.pendingTimers()).toBe(0)
    expect(k.mode.handleKey('Enter')).toBe(false)
  })

  it('reloads the app when playback stays broken, and tells why', () => {
    const k = kiosk()
    k.mode.start()
    k.clock.advance(10 * MINUTE)
    k.setState('recovering')
    k.clock.advance(3 * MINUTE + 10 * SECOND)
    expect(k.reloads).toHaveLength(1)
    expect(k.mode.lastReloadReason).toBe('playback not playing for 3 min (recovering)')
    expect(k.log).toContain('[kiosk] reloading the app: playback not playing for 3 min (recovering)')
  })

  it('reads the current playback state at start: a channel already playing is not mistaken for a dead one', () => {
    const k = kiosk()
    k.mode.start()
    k.clock.advance(60 * MINUTE)
    expect(k.reloads).toEqual([])
  })

  it('reloads when fatal errors repeat', () => {
    const k = kiosk({ watchdogMaxErrorsPerHour: 3 })
    k.mode.start()
    k.clock.advance(10 * MINUTE)
    for (let i = 0; i < 4; i++) {
      k.player.emit('fatalError', 'fragLoadError')
      k.clock.advance(20 * SECOND)
    }
    expect(k.reloads).toHaveLength(1)
    expect(k.mode.lastReloadReason).toBe('4 fatal playback errors in the last hour (limit 3)')
  })

  it('destroy() stops everything and drops its subscriptions', () => {
    const k = kiosk()
    k.mode.start()
    k.clock.advance(5 * MINUTE + SECOND)
    k.mode.destroy()
    expect(k.screen).toEqual(['show new', 'hide'])
    expect(k.clock.pendingTimers()).toBe(0)
    k.setState('failed')
    k.clock.advance(60 * MINUTE)
    expect(k.reloads).toEqual([])
    expect(k.mode.handleKey('Enter')).toBe(false)
  })

  it('with pixel shift off (0 px) leaves the overlays alone', () => {
    const k = kiosk({ pixelShiftMaxPx: 0 })
    k.mode.start()
    k.clock.advance(60 * MINUTE)
    expect(k.offsets).toEqual([])
  })
})
