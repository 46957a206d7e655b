import { describe, it, expect } from 'vitest'
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
