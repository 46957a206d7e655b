// @ts-check
/**
 * The launcher icon, drawn at packaging time so no binary lives in git: a news-red tile with a
 * white "live" dot and three headline bars. Replace with the brand's artwork for a store release.
 */
import { PNG } from 'pngjs'

/** @typedef {[number, number, number]} Rgb */
/** @type {Rgb} */
const RED = [0xb3, 0x12, 0x1f]
/** @type {Rgb} */
const WHITE = [0xff, 0xff, 0xff]

// The motif on a grid of tenths of the shorter side, centred on the tile.
const DOT = { x: -2.6, y: -1.6, r: 0.9 }
/** @type {Array<[number, number, number, number]>} */
const BARS = [
  [-1.2, -2.2, 3.6, -1.0], // left, top, right, bottom
  [-3.6, -0.2, 3.6, 1.0],
  [-3.6, 1.8, 1.8, 3.0],
]

/** @param {number} u  @param {number} v  grid coordinates */
function isMotif(u, v) {
  if ((u - DOT.x) ** 2 + (v - DOT.y) ** 2 <= DOT.r ** 2) return true
  return BARS.some(([left, top, right, bottom]) => u >= left && u < right && v >= top && v < bottom)
}

/**
 * @param {number} width
 * @param {number} [height]
 * @returns {Buffer} a 24-bit RGB PNG of width x height (Samsung asks for RGB launcher icons)
 */
export function appIconPng(width, height = width) {
  const png = new PNG({ width, height })
  const unit = Math.min(width, height) / 10
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [red, green, blue] = isMotif((x + 0.5 - width / 2) / unit, (y + 0.5 - height / 2) / unit) ? WHITE : RED
      const i = (y * width + x) * 4
      png.data[i] = red
      png.data[i + 1] = green
      png.data[i + 2] = blue
      png.data[i + 3] = 0xff
    }
  }
  return PNG.sync.write(png, { colorType: 2 })
}
