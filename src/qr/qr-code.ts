/**
 * QR codes that hand an article from the TV to a phone (docs/platforms.md, QR handoff): error
 * correction M, a quiet zone of at least 4 modules, at least 6 px per module on a 1080p stage so a
 * phone can read it from the sofa.
 *
 * Into Lightning it goes as a StaticCanvasTexture (see `qrTexture`): the canvas is uploaded to the
 * GPU as it is, with no PNG encoding and no image decode. An `src: canvas.toDataURL()` ImageTexture
 * would encode, then decode again (through the image worker when `useImageWorker` is on), and
 * would use the whole data URL as its cache key.
 */
import qrcode from 'qrcode-generator'
import type { StaticCanvasTexture } from '@lightningjs/core'

/**
 * The URL to put in the code: the article's http(s) URL with the tracking parameters from
 * settings set on it (replacing any of the same name). Null for anything that is not an absolute
 * http(s) URL — a `javascript:` or `file:` link must never reach a phone.
 */
export function handoffUrl(articleUrl: string, tracking: Record<string, string> = {}): string | null {
  let url: URL
  try {
    url = new URL(articleUrl.trim())
  } catch (error) {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  for (const key of Object.keys(tracking)) url.searchParams.set(key, tracking[key]!)
  return url.toString()
}

export interface QrMatrix {
  /** Modules per side. */
  size: number
  isDark(row: number, col: number): boolean
}

/** The modules of the smallest code (error correction M) that holds `text` as UTF-8. */
export function qrMatrix(text: string): QrMatrix {
  const bytes = utf8ByteString(text)
  const code = qrcode(0, 'M')
  code.addData(bytes, 'Byte')
  try {
    code.make()
  } catch (error) {
    throw new RangeError(`Text too long for a QR code (${bytes.length} bytes): use a short link`)
  }
  const size = code.getModuleCount()
  return { size, isDark: (row, col) => code.isDark(row, col) }
}

export interface QrPixelOptions {
  /** Pixels per module on a 1080p stage; at least 6 (docs/platforms.md). */
  modulePx?: number
  /** White modules around the code; at least 4 (the QR specification's quiet zone). */
  quietModules?: number
}

export interface QrPixels {
  width: number
  height: number
  /** RGBA, row by row, as `ImageData.data` wants it. */
  data: Uint8ClampedArray
}

/** The code as RGBA pixels: black modules on white, inside a white quiet zone. */
export function qrPixels(text: string, options: QrPixelOptions = {}): QrPixels {
  return renderPixels(qrMatrix(text), checkedOptions(options))
}

/** The code drawn into a new `<canvas>`, pixel for pixel as `qrPixels`. Browser only. */
export function qrCanvas(text: string, options: QrPixelOptions = {}, doc: Document = document): HTMLCanvasElement {
  return drawToCanvas(qrPixels(text, options), doc)
}

export interface QrTexture {
  /** Element size that shows the code pixel for pixel (no blurring from scaling). */
  w: number
  h: number
  /** For `texture: { type: Lightning.textures.StaticCanvasTexture, content }`. */
  content: StaticCanvasTexture.Content
}

/**
 * What a Lightning element needs to show the code. The canvas is drawn only when Lightning loads
 * the texture, and codes of the same text and size share one GPU texture through `lookupId`.
 */
export function qrTexture(text: string, options: QrPixelOptions = {}, doc?: Document): QrTexture {
  const checked = checkedOptions(options)
  const matrix = qrMatrix(text)
  const side = (matrix.size + 2 * checked.quietModules) * checked.modulePx
  return {
    w: side,
    h: side,
    content: {
      lookupId: `qr:${checked.modulePx}:${checked.quietModules}:${text}`,
      factory: (done) => {
        try {
          done(null, drawToCanvas(renderPixels(matrix, checked), doc ?? document))
        } catch (error) {
          done(error instanceof Error ? error : new Error(String(error)))
        }
      },
    },
  }
}

const MIN_MODULE_PX = 6
const MIN_QUIET_MODULES = 4

function checkedOptions(options: QrPixelOptions): Required<QrPixelOptions> {
  const modulePx = options.modulePx ?? 8
  const quietModules = options.quietModules ?? 4
  if (!Number.isInteger(modulePx) || modulePx < MIN_MODULE_PX) {
    throw new RangeError(`modulePx must be a whole number ≥ ${MIN_MODULE_PX} (readable at 3 m), got ${modulePx}`)
  }
  if (!Number.isInteger(quietModules) || quietModules < MIN_QUIET_MODULES) {
    throw new RangeError(`quietModules must be a whole number ≥ ${MIN_QUIET_MODULES}, got ${quietModules}`)
  }
  return { modulePx, quietModules }
}

function renderPixels(matrix: QrMatrix, { modulePx, quietModules }: Required<QrPixelOptions>): QrPixels {
  const side = (matrix.size + 2 * quietModules) * modulePx
  const data = new Uint8ClampedArray(side * side * 4)
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / modulePx) - quietModules
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / modulePx) - quietModules
      const inCode = row >= 0 && col >= 0 && row < matrix.size && col < matrix.size
      const shade = inCode && matrix.isDark(row, col) ? 0 : 255
      const i = (y * side + x) * 4
      data[i] = data[i + 1] = data[i + 2] = shade
      data[i + 3] = 255
    }
  }
  return { width: side, height: side, data }
}

function drawToCanvas(pixels: QrPixels, doc: Document): HTMLCanvasElement {
  const canvas = doc.createElement('canvas')
  canvas.width = pixels.width
  canvas.height = pixels.height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('QR code: this browser has no 2D canvas')
  const image = context.createImageData(pixels.width, pixels.height)
  image.data.set(pixels.data)
  context.putImageData(image, 0, 0)
  return canvas
}

/** qrcode-generator's 'Byte' mode keeps only the low byte of each character: hand it UTF-8. */
function utf8ByteString(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let byteString = ''
  for (let i = 0; i < bytes.length; i++) byteString += String.fromCharCode(bytes[i]!)
  return byteString
}
