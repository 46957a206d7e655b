/**
 * Where the demo channel's loop is: its 24 s fixture replays forever, and every wrap is a
 * discontinuity (the segments' timestamps restart). Where a session starts relative to the next
 * wrap decides what an engine's MSE meets first, so the WPE lane and soak start at a known place.
 */
import { eventually } from '../e2e/browser'

/**
 * Waits until the newest segment on air is the first after a discontinuity (the loop has just
 * wrapped). A player that loads then starts two segments before the next wrap, so the decode times
 * jump (hls.js unwraps the timestamps by 2^33 ticks) a few seconds into the session.
 */
export async function untilLoopJustWrapped(masterUrl: string, timeoutMs = 40_000): Promise<void> {
  const master = await (await fetch(masterUrl)).text()
  const variant = master.split('\n').map((line) => line.trim()).find((line) => line && !line.startsWith('#'))
  if (!variant) throw new Error(`no variant in ${masterUrl}`)
  const media = new URL(variant, masterUrl).href
  await eventually(async () => {
    const lines = (await (await fetch(media)).text()).trim().split('\n').map((line) => line.trim())
    const uris = lines.map((line, i) => (line && !line.startsWith('#') ? i : -1)).filter((i) => i >= 0)
    // The tags between the previous segment and the newest one.
    return lines.slice((uris[uris.length - 2] ?? -1) + 1, uris[uris.length - 1]).includes('#EXT-X-DISCONTINUITY')
  }, timeoutMs, 'the demo loop to wrap')
}
