// @ts-check
/**
 * How this project starts Debian's Chromium (tests, benchmark, screenshots): where it is and the
 * flags that keep it quiet on a machine with no outside network (DEVELOPERS.md).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Lets video play with sound without a user gesture (kiosk-like; tests of the muted path leave it out). */
export const AUTOPLAY_ARG = '--autoplay-policy=no-user-gesture-required'
