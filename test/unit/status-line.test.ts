import { describe, it, expect } from 'vitest'
import { statusLine, type ChannelStatus } from '../../src/player/status-line'

const playing: ChannelStatus = { state: 'playing', paused: false, soundBlocked: false, timeToFirstFrameMs: 900, problem: null }

describe('statusLine: what the status banner says about the channel', () => {
  it('shows nothing while the channel plays', () => {
    expect(statusLine(playing, false)).toEqual({ text: null, hint: null })
  })

  it('says how to resume when the viewer paused, before the sound prompt', () => {
    expect(statusLine({ ...playing, paused: true, soundBlocked: true }, false).text).toBe('Paused · Play to resume · OK to go live')
  })

  it('asks for OK while the browser holds the sound back', () => {
    expect(statusLine({ ...playing, soundBlocked: true }, false).text).toBe('Press OK for sound')
  })

  it('says what the state is otherwise: waiting before the first frame, tuning after, an HTTP error with its retry', () => {
    expect(statusLine({ ...playing, state: 'loading', timeToFirstFrameMs: null }, false).text).toBe('Waiting for the channel…')
    expect(statusLine({ ...playing, state: 'loading', soundBlocked: true }, false).text).toBe('Tuning…')
    expect(statusLine({ ...playing, state: 'recovering', problem: { type: 'http', status: 503, retryInSeconds: 4 } }, false).text).toBe(
      'The channel is not answering (HTTP 503). Trying again in 4 s',
    )
  })

  it('under an ended broadcast says where to go: other channels, or in a locked kiosk that the next one follows', () => {
    const ended = { ...playing, state: 'ended' as const }
    expect(statusLine(ended, false)).toEqual({ text: 'This broadcast has ended', hint: 'Press ▲/▼ for other channels' })
    expect(statusLine(ended, true)).toEqual({ text: 'This broadcast has ended', hint: 'The next channel follows in a moment' })
  })
})
