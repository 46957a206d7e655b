/**
 * A workaround for WebKit's GStreamer MSE (WPE WebKit on RDK set-top boxes, WebKitGTK; seen on WPE
 * 2.38): after hls.js appends the audio init segment again (a discontinuity, a quality switch),
 * the audio SourceBuffer can take every append without error while its buffered range stops
 * growing; video keeps growing, and the picture freezes at the audio's end.
 *
 * Why: WebKit parses each SourceBuffer's appends with a long-lived GStreamer pipeline, qtdemux and
 * then, for AAC, aacparse. aacparse drops every frame outside the time segment qtdemux last sent
 * it ("Dropped frame, after segment" / "before segment" in GST_DEBUG=baseparse:7). When a new
 * init segment (moov) arrives and the following fragments' decode times jump, qtdemux does not
 * always send a new segment, so all later audio frames fall outside the old one. The demo
 * channel's loop does exactly that: its PTS restart at 1.4 s at each discontinuity and hls.js
 * unwraps them by 2^33 ticks (about 26.5 hours) — the decode times jump from ~25 s to ~95 445 s
 * (or back), with timestampOffset keeping presentation times continuous. A fresh pipeline (the
 * first append, a reload) always gets a segment that fits, which is why a reload heals it.
 *
 * The workaround: right before an init segment that is not the SourceBuffer's first, reset its
 * parser (SourceBuffer.abort() while not updating: the MSE "reset parser state", which WebKit
 * implements by restarting the demuxer and parser). The init segment that follows sets the track
 * up again, and the next fragment's times open a new segment. Skipping the re-append instead is
 * not enough: a jump back in decode time then falls before the old segment's start.
 */
import Hls from 'hls.js'

/** The part of a SourceBuffer the reset touches. */
export type ResettableSourceBuffer = Pick<SourceBuffer, 'appendBuffer' | 'abort' | 'updating'>

/** Whether appended bytes are an fMP4 initialization segment (they open with ftyp or moov). */
export function isInitSegment(data: BufferSource): boolean {
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data)
  if (bytes.length < 8) return false
  const type = String.fromCharCode(bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!)
  return type === 'ftyp' || type === 'moov'
}

/**
 * Makes this SourceBuffer reset its parser before every init segment but its first.
 * `onReset` hears each reset (for logs and tests).
 */
export function resetParserBeforeInitSegments(sourceBuffer: ResettableSourceBuffer, onReset?: () => void): void {
  const append = sourceBuffer.appendBuffer
  let sawInitSegment = false
  sourceBuffer.appendBuffer = function (this: ResettableSourceBuffer, data: BufferSource) {
    if (isInitSegment(data)) {
      // hls.js appends one operation at a time, so this buffer is idle here; were it not, abort()
      // would cancel the append under way, so leave it.
      if (sawInitSegment && !sourceBuffer.updating) {
        try {
          sourceBuffer.abort()
          if (onReset) onReset()
        } catch {
          // Removed from its MediaSource or the MediaSource closed: the append reports that itself.
        }
      }
      sawInitSegment = true
    }
    return append.call(this, data)
  }
}

/** On each MediaSource hls.js opens, resets the audio SourceBuffer's parser before re-appended init segments. */
export function resetAudioParserOnInitSegments(hls: Pick<Hls, 'on'>, onReset?: () => void): void {
  hls.on(Hls.Events.BUFFER_CREATED, (_event, data) => {
    const audio = data.tracks.audio
    if (audio && isResettable(audio.buffer)) resetParserBeforeInitSegments(audio.buffer, onReset)
  })
}

function isResettable(buffer: unknown): buffer is ResettableSourceBuffer {
  const candidate = buffer as Partial<ResettableSourceBuffer> | null | undefined
  return !!candidate && typeof candidate.appendBuffer === 'function' && typeof candidate.abort === 'function'
}
