import { describe, it, expect } from 'vitest'
import Hls from 'hls.js'
import { isInitSegment, resetParserBeforeInitSegments, resetAudioParserOnInitSegments } from '../../src/player/webkit-audio-parser-reset'

/** A box header: size, then the four-letter type. */
function box(type: string, size = 16): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  new DataView(bytes.buffer).setUint32(0, size)
  for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i)
  return bytes
}

const INIT = box('ftyp')
const MEDIA = box('moof')

/** What the reset sees of a SourceBuffer, recording the calls in order. */
class FakeSourceBuffer {
  calls: string[] = []
  updating = false
  abortThrows = false
  appendBuffer(data: BufferSource) {
    this.calls.push(isInitSegment(data) ? 'append init' : 'append media')
  }
  abort() {
    if (this.abortThrows) throw new Error('InvalidStateError')
    this.calls.push('abort')
  }
}

describe('isInitSegment', () => {
  it('knows fMP4 init segments (ftyp or moov first) from fragments, in any BufferSource', () => {
    expect(isInitSegment(INIT)).toBe(true)
    expect(isInitSegment(box('moov'))).toBe(true)
    expect(isInitSegment(INIT.buffer)).toBe(true)
    expect(isInitSegment(new DataView(INIT.buffer))).toBe(true)
    expect(isInitSegment(MEDIA)).toBe(false)
    expect(isInitSegment(box('styp'))).toBe(false)
    expect(isInitSegment(new Uint8Array(4))).toBe(false)
    // A view into a larger buffer is read from its own offset.
    const larger = new Uint8Array(32)
    larger.set(INIT, 16)
    expect(isInitSegment(larger.subarray(16))).toBe(true)
  })
})

describe('resetParserBeforeInitSegments', () => {
  it('resets the parser before every init segment but the first, and never before fragments', () => {
    const sb = new FakeSourceBuffer()
    let resets = 0
    resetParserBeforeInitSegments(sb, () => resets++)
    for (const data of [INIT, MEDIA, MEDIA, INIT, MEDIA, INIT, MEDIA]) sb.appendBuffer(data)
    expect(sb.calls).toEqual([
      'append init', 'append media', 'append media',
      'abort', 'append init', 'append media',
      'abort', 'append init', 'append media',
    ])
    expect(resets).toBe(2)
  })

  it('never aborts an append under way, and still appends when abort() throws', () => {
    const sb = new FakeSourceBuffer()
    resetParserBeforeInitSegments(sb)
    sb.appendBuffer(INIT)
    sb.updating = true
    sb.appendBuffer(INIT)
    sb.updating = false
    sb.abortThrows = true
    sb.appendBuffer(INIT)
    expect(sb.calls).toEqual(['append init', 'append init', 'append init'])
  })
})

describe('resetAudioParserOnInitSegments', () => {
  it("wraps the audio SourceBuffer of each MediaSource hls.js opens, and leaves video's alone", () => {
    const listeners: Array<(event: string, data: unknown) => void> = []
    const hls = { on: (event: string, listener: (event: string, data: unknown) => void) => event === Hls.Events.BUFFER_CREATED && listeners.push(listener) }
    resetAudioParserOnInitSegments(hls as unknown as Pick<Hls, 'on'>)
    const created = () => {
      const tracks = { audio: { buffer: new FakeSourceBuffer() }, video: { buffer: new FakeSourceBuffer() } }
      for (const listener of listeners) listener(Hls.Events.BUFFER_CREATED, { tracks })
      for (const sb of [tracks.audio.buffer, tracks.video.buffer]) for (const data of [INIT, MEDIA, INIT, MEDIA]) sb.appendBuffer(data)
      return tracks
    }
    const first = created()
    expect(first.audio.buffer.calls).toEqual(['append init', 'append media', 'abort', 'append init', 'append media'])
    expect(first.video.buffer.calls).toEqual(['append init', 'append media', 'append init', 'append media'])
    // recoverMediaError or a reload opens a new MediaSource: its first init segment needs no reset.
    expect(created().audio.buffer.calls[0]).toBe('append init')
    // No audio SourceBuffer (video-only stream): nothing to wrap, nothing thrown.
    for (const listener of listeners) listener(Hls.Events.BUFFER_CREATED, { tracks: { video: { buffer: new FakeSourceBuffer() } } })
  })
})
