/** Reads a QR code back from a screenshot (PNG bytes), as a phone would: the URL, or null. */
import { PNG } from 'pngjs'
import jsQR from 'jsqr'

export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}
