import { describe, it, expect, beforeEach } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { Announcer, type SpeechEngine } from '../../src/voice/announcer'
import { channelChangeSpeech, speakable, StatusAnnouncements } from '../../src/voice/spoken-events'
import { playbackStatusText } from '../../src/player/playback-state'

describe('what is said when', () => {
  it('a channel change says the number and the name, or that there is no such channel', () => {
    expect(channelChangeSpeech({ number: 2, name: 'World Desk' })).toBe('Channel 2, World Desk')
    expect(channelChangeSpeech({ number: 3, name: '  ' })).toBe('Channel 3')
    expect(channelChangeSpeech({ unknownNumber: 7 })).toBe('Channel 7, no such channel')
  })

  it('banner texts are said without the marks drawn for the eye', () => {
    expect(speakable(playbackStatusText('recovering', true)!)).toBe('Reconnecting')
    expect(speakable('Buffering...')).toBe('Buffering')
    expect(speakable('Paused · Play to resume · OK to go live')).toBe('Paused, Play to resume, OK to go live')
    expect(speakable('Exit?')).toBe('Exit?')
  })

  it('a status banner is said when it appears or changes, not again while it stays, withdrawn when it goes', () => {
    const status = new StatusAnnouncements()
    expect(status.next(null)).toBeNull()
    expect(status.next('Waiting for the channel…')).toEqual({ say: 'Waiting for the channel' })
    expect(status.next(null)).toEqual({ withdraw: true })
    expect(status.next(null)).toBeNull()
    expect(status.next('Reconnecting…')).toEqual({ say: 'Reconnecting' })
    expect(status.next('Reconnecting…')).toBeNull()
    expect(status.next('Buffering…')).toEqual({ say: 'Buffering' })
    expect(status.next(null)).toEqual({ withdraw: true })
    // The same banner coming back later is news again.
    expect(status.next('Buffering…')).toEqual({ say: 'Buffering' })
  })
})

class FakeEngine implements SpeechEngine {
  log: string[] = []
  speak(text: string) {
    this.log.push(`speak ${text}`)
  }
  cancel() {
    this.log.push('cancel')
  }
}

describe('Announcer events', () => {
  let clock: ManualClock
  let engine: FakeEngine
  let announcer: Announcer

  beforeEach(() => {
    clock = new ManualClock(0)
    engine = new FakeEngine()
    announcer = new Announcer(engine, clock, { focusDelayMs: 250 })
    announcer.setEnabled(true)
  })

  it('speaks an event with no focus move', () => {
    announcer.announceEvent('channel', 'Channel 2, World Desk')
    clock.advance(250)
    expect(engine.log).toEqual(['speak Channel 2, World Desk'])
  })

  it('three quick channel changes speak the last one only; a status in between is kept', () => {
    announcer.announceEvent('channel', 'Channel 2, World Desk')
    clock.advance(100)
    announcer.announceEvent('status', 'Tuning')
    announcer.announceEvent('channel', 'Channel 1, Newsroom 24')
    clock.advance(100)
    announcer.announceEvent('channel', 'Channel 2, World Desk')
    clock.advance(250)
    expect(engine.log).toEqual(['speak Tuning. Channel 2, World Desk'])
  })

  it('a dialog: its question, then its focused button, in one utterance', () => {
    announcer.announceFocus('No')
    announcer.announceEvent('dialog', 'Exit?')
    clock.advance(250)
    expect(engine.log).toEqual(['speak Exit? No'])
  })

  it('page title, then events, then the focused item', () => {
    announcer.announcePage('Live TV')
    announcer.announceEvent('status', 'Reconnecting')
    announcer.announceFocus('Newsroom 24')
    clock.advance(250)
    expect(engine.log).toEqual(['speak Live TV. Reconnecting. Newsroom 24'])
  })

  it('a withdrawn event is not spoken; nothing while off', () => {
    announcer.announceEvent('status', 'Buffering')
    clock.advance(100)
    announcer.withdrawEvent('status')
    clock.advance(500)
    expect(engine.log).toEqual([])
    announcer.setEnabled(false)
    announcer.announceEvent('status', 'Reconnecting')
    clock.advance(500)
    expect(engine.log).toEqual([])
    expect(clock.pendingTimers()).toBe(0)
  })

  it('an event pending when voice is switched off is dropped', () => {
    announcer.announceEvent('channel', 'Channel 2, World Desk')
    announcer.setEnabled(false)
    announcer.setEnabled(true)
    clock.advance(500)
    expect(engine.log).toEqual([])
  })
})
