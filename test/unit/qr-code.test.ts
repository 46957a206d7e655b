import { describe, it, expect } from 'vitest'
import jsQR from 'jsqr'
import { handoffUrl, qrMatrix, qrPixels, qrCanvas, qrTexture, type QrPixels } from '../../src/qr/qr-code'

const TRACKING = { utm_source: 'tv', utm_medium: 'qr', utm_campaign: 'live-news-handoff' }

function decode(pixels: QrPixels): string | null {
  return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null
}

function isDarkPixel(pixels: QrPixels, x: number, y: number): boolean {
  return pixels.data[(y * pixels.width + x) * 4] === 0
}

/** A canvas stand-in with just the 2D calls qr-code.ts makes; keeps what was drawn. */
function fakeDocument(withContext = true) {
  const drawn: { image?: ImageData } = {}
  const canvas = {
    width: 0,
    height: 0,
    getContext: () =>
      withContext
        ? {
            createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
            putImageData: (image: ImageData) => (drawn.image = image),
          }
        : null,
  }
  const doc = { createElement: () => canvas } as unknown as Document
  return { doc, canvas, drawn }
}

describe('handoffUrl', () => {
  it('appends the tracking parameters from settings', () => {
    expect(handoffUrl('https://news.example.com/world/story-1', { utm_source: 'tv' })).toBe(
      'https://news.example.com/world/story-1?utm_source=tv',
    )
  })

  it('keeps the article’s own query and fragment, and replaces a tracking parameter of the same name', () => {
    expect(handoffUrl('http://news.example.com/a?id=7&utm_source=web#top', { utm_source: 'tv', utm_medium: 'qr' })).toBe(
      'http://news.example.com/a?id=7&utm_source=tv&utm_medium=qr#top',
    )
  })

  it('encodes tracking values safely', () => {
    expect(handoffUrl('https://news.example.com/a', { campaign: 'spring & summer' })).toBe(
      'https://news.example.com/a?campaign=spring+%26+summer',
    )
  })

  it('accepts only absolute http(s) URLs', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://news.example.com/a', 'data:text/html,hi', '/relative/path', 'news.example.com/a', '']) {
      expect(handoffUrl(bad, TRACKING)).toBeNull()
    }
  })
})

describe('QR code pixels', () => {
  const urls = [
    'https://news.example.com/a/1',
    handoffUrl('https://news.example.com/world/2026/11/25/summit-ends-with-agreement-on-climate-finance', TRACKING)!,
    handoffUrl('http://news.example.com/story?id=123456&section=politics', TRACKING)!,
    'https://news.example.com/' + 'x'.repeat(300),
  ]

  it.each(urls)('decodes back to exactly %s', (url) => {
    expect(decode(qrPixels(url))).toBe(url)
  })

  it('decodes non-ASCII text as UTF-8', () => {
    expect(decode(qrPixels('https://news.example.com/ü?q=café'))).toBe('https://news.example.com/ü?q=café')
  })

  it('draws each module 8 px by default inside a 4-module white quiet zone', () => {
    const url = urls[1]!
    const size = qrMatrix(url).size
    const pixels = qrPixels(url)
    expect(pixels.width).toBe((size + 8) * 8)
    expect(pixels.height).toBe(pixels.width)

    // Quiet zone: the first dark pixel of the top-left finder pattern is 4 modules in, both ways.
    let first = -1
    for (let i = 0; i < pixels.width && first < 0; i++) if (isDarkPixel(pixels, i, i)) first = i
    expect(first).toBe(4 * 8)
    for (let i = 0; i < pixels.width; i++) {
      for (const edge of [0, first - 1, pixels.width - first, pixels.width - 1]) {
        expect(isDarkPixel(pixels, i, edge)).toBe(false)
        expect(isDarkPixel(pixels, edge, i)).toBe(false)
      }
    }
    // Module size: the finder's top edge is a run of 7 dark modules.
    let run = 0
    while (isDarkPixel(pixels, first + run, first)) run++
    expect(run).toBe(7 * 8)
  })

  it('honours larger modules and quiet zones, and every pixel is opaque black or white', () => {
    const pixels = qrPixels(urls[0]!, { modulePx: 10, quietModules: 6 })
    expect(pixels.width).toBe((qrMatrix(urls[0]!).size + 12) * 10)
    expect(decode(pixels)).toBe(urls[0])
    let stray = 0
    for (let i = 0; i < pixels.data.length; i += 4) {
      const [r, g, b, a] = [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2], pixels.data[i + 3]]
      if (!(r === g && g === b && (r === 0 || r === 255) && a === 255)) stray++
    }
    expect(stray).toBe(0)
  })

  it('refuses modules under 6 px or a quiet zone under 4 modules: unreadable from the sofa', () => {
    expect(() => qrPixels(urls[0]!, { modulePx: 5 })).toThrow(RangeError)
    expect(() => qrPixels(urls[0]!, { quietModules: 2 })).toThrow(RangeError)
    expect(() => qrPixels(urls[0]!, { modulePx: 6.5 })).toThrow(RangeError)
  })

  it('says so clearly when a text is too long for any QR code', () => {
    expect(() => qrMatrix('https://news.example.com/' + 'x'.repeat(3000))).toThrow(/too long.*short link/)
  })

  it('uses error correction M: a version-3 code (29 modules) holds 42 bytes, not 43', () => {
    // At L, 43 bytes would still fit version 3; at Q, 42 bytes would already need version 4.
    const text = (bytes: number) => 'https://n.example.com/' + 'a'.repeat(bytes - 22)
    expect(qrMatrix(text(42)).size).toBe(29)
    expect(qrMatrix(text(43)).size).toBe(33)
  })
})

describe('QR code on a canvas and as a Lightning texture', () => {
  const url = 'https://news.example.com/a/1?utm_source=tv'

  it('qrCanvas draws the same pixels, which decode to the URL', () => {
    const { doc, canvas, drawn } = fakeDocument()
    expect(qrCanvas(url, {}, doc)).toBe(canvas)
    expect([canvas.width, canvas.height]).toEqual([qrPixels(url).width, qrPixels(url).height])
    expect(Buffer.from(drawn.image!.data).equals(Buffer.from(qrPixels(url).data))).toBe(true)
    expect(jsQR(drawn.image!.data, canvas.width, canvas.height)?.data).toBe(url)
  })

  it('qrTexture gives the element size and a canvas factory, drawn only when Lightning asks', () => {
    const { doc, canvas, drawn } = fakeDocument()
    const texture = qrTexture(url, { modulePx: 6 }, doc)
    expect(texture.w).toBe(qrPixels(url, { modulePx: 6 }).width)
    expect(texture.h).toBe(texture.w)
    expect(texture.content.lookupId).toContain(url)
    expect(drawn.image).toBeUndefined()

    let received: unknown
    texture.content.factory((error, result) => (received = error ?? result), undefined as never)
    expect(received).toBe(canvas)
    expect(jsQR(drawn.image!.data, canvas.width, canvas.height)?.data).toBe(url)
  })

  it('qrTexture reports a missing 2D canvas through the factory callback instead of throwing', () => {
    const { doc } = fakeDocument(false)
    let received: unknown
    qrTexture(url, {}, doc).content.factory((error) => (received = error), undefined as never)
    expect(received).toBeInstanceOf(Error)
  })
})
