/** The channel's look: colours (ARGB) and type sizes at 1080p, in one place. */
export const theme = {
  color: {
    brand: 0xffc8102e,
    brandDark: 0xff8a0a1f,
    bar: 0xe6101820,
    panel: 0xee141c26,
    text: 0xffffffff,
    textDim: 0xffc9d1d9,
    focus: 0xffffc20e,
    breaking: 0xffffc20e,
    onBreaking: 0xff101820,
    error: 0xffff5c5c,
  },
  font: { face: 'sans-serif', small: 26, body: 30, title: 44, huge: 64 },
  /** The 5% title-safe margins at 1920x1080. */
  safe: { x: 96, y: 54 },
} as const
