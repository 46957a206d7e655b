/**
 * Which media engine plays the channel, told from engine facts in the user agent: workarounds that
 * belong to one engine's Media Source Extensions, not to a TV platform (input/platform.ts says
 * which platform, for keys and exit; an RDK box and a Linux desktop share this engine).
 *
 * - 'chromium': Chrome, Chromium and everything built on it (Tizen 4+, webOS 4+, Edge, Opera).
 * - 'webkit-gstreamer': WebKit on Linux — WPE WebKit (RDK set-top boxes, cog), WebKitGTK — whose
 *   MSE demuxes each append through a GStreamer pipeline.
 * - 'webkit-apple': Safari and every WebKit on macOS / iOS / iPadOS (AVFoundation media).
 * - 'other': Firefox, node, anything unknown.
 */
export type MediaEngine = 'chromium' | 'webkit-gstreamer' | 'webkit-apple' | 'other'

/** Operator builds of WPE often say so; some spoof another browser around it. */
const WPE_TOKEN = /\bWPE\b/
/** Blink engines keep "AppleWebKit" in their user agent for old sniffers: their own tokens decide. */
const CHROMIUM_TOKENS = /\b(?:Chrome|Chromium|CriOS|HeadlessChrome|Edg|OPR)\//
const WEBKIT_TOKEN = /AppleWebKit/
const APPLE_OS = /\b(?:Macintosh|Mac OS X|iPhone|iPad|iPod)\b/

export function mediaEngineOf(userAgent: string | null | undefined): MediaEngine {
  if (typeof userAgent !== 'string') return 'other'
  if (WPE_TOKEN.test(userAgent)) return 'webkit-gstreamer'
  if (CHROMIUM_TOKENS.test(userAgent)) return 'chromium'
  if (!WEBKIT_TOKEN.test(userAgent)) return 'other'
  return APPLE_OS.test(userAgent) ? 'webkit-apple' : 'webkit-gstreamer'
}

/** The page's own engine (node and tests without a navigator: 'other'). */
export function currentMediaEngine(): MediaEngine {
  return mediaEngineOf(typeof navigator === 'object' && navigator ? navigator.userAgent : null)
}
