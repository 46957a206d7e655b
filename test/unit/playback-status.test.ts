import { describe, it, expect } from 'vitest'
import { playbackStatusText } from '../../src/player/playback-state'

describe('playbackStatusText', () => {
  it('says "Waiting for the channel…" until the channel has ever played', () => {
    expect(playbackStatusText('loading', false)).toBe('Waiting for the channel…')
    expect(playbackStatusText('recovering', false)).toBe('Waiting for the channel…')
  })
  it('says "Reconnecting…" when a channel that played is recovering', () => {
    expect(playbackStatusText('recovering', true)).toBe('Reconnecting…')
  })
  it('shows nothing while playing or idle', () => {
    expect(playbackStatusText('playing', true)).toBeNull()
    expect(playbackStatusText('idle', false)).toBeNull()
  })
})
