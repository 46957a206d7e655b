import { describe, expect, it } from 'vitest'
import { articleFromId3, id3ArticleMark, parseId3Frames, readUserFrame, sampleProgramDateTime } from '../../src/onair/id3-article-marks'

const latin1 = (s: string) => Array.from(s, (c) => c.charCodeAt(0))
const utf8 = (s: string) => Array.from(new TextEncoder().encode(s))
const utf16le = (s: string) => [0xff, 0xfe, ...Array.from(s).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]
const synchsafe = (n: number) => [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]

function frame(id: string, body: number[], version: 3 | 4): number[] {
  return [...latin1(id), ...(version === 4 ? synchsafe(body.length) : be32(body.length)), 0, 0, ...body]
}
function tag(frames: number[][], version: 3 | 4 = 4, padding = 0): Uint8Array {
  const body = [...frames.flat(), ...new Array(padding).fill(0)]
  return new Uint8Array([...latin1('ID3'), version, 0, 0, ...synchsafe(body.length), ...body])
}
/** TXXX in UTF-8 (encoding 3): description, 0, value. */
const txxx = (description: string, value: string, version: 3 | 4 = 4) => frame('TXXX', [3, ...utf8(description), 0, ...utf8(value)], version)
/** WXXX: encoding 0, description, 0, URL (ISO-8859-1). */
const wxxx = (description: string, url: string, version: 3 | 4 = 4) => frame('WXXX', [0, ...latin1(description), 0, ...latin1(url)], version)

describe('ID3 story marks (TXXX / WXXX)', () => {
  it('reads TXXX X-ARTICLE-ID and a WXXX URL from an ID3v2.4 tag with padding', () => {
    const bytes = tag([txxx('X-ARTICLE-ID', 'guid-42'), wxxx('', 'https://news.example.com/a/')], 4, 16)
    expect(parseId3Frames(bytes).map((f) => f.id)).toEqual(['TXXX', 'WXXX'])
    expect(articleFromId3(parseId3Frames(bytes))).toEqual({ articleId: 'guid-42', articleUrl: 'https://news.example.com/a/', seconds: null })
  })

  it('reads ID3v2.3 (plain frame sizes), descriptions in any case, UTF-16 text and a duration', () => {
    const id = frame('TXXX', [1, ...utf16le('x-article-url'), 0, 0, ...utf16le('https://news.example.com/é/')], 3)
    const bytes = tag([id, txxx('X-Article-Duration', '45', 3)], 3)
    expect(readUserFrame(parseId3Frames(bytes)[0]!)).toEqual({ description: 'x-article-url', value: 'https://news.example.com/é/' })
    expect(articleFromId3(parseId3Frames(bytes))).toEqual({ articleId: null, articleUrl: 'https://news.example.com/é/', seconds: 45 })
  })

  it('reads two tags in one sample; ignores other frames, other descriptions and non-ID3 bytes', () => {
    const bytes = new Uint8Array([...tag([frame('TIT2', [3, ...utf8('Title')], 4), txxx('COMMENT', 'x')]), ...tag([txxx('ARTICLE-ID', '7')])])
    expect(articleFromId3(parseId3Frames(bytes))).toEqual({ articleId: '7', articleUrl: null, seconds: null })
    expect(articleFromId3(parseId3Frames(tag([txxx('COMMENT', 'x')])))).toBeNull()
    expect(parseId3Frames(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).toEqual([])
  })

  it('does not read past a frame whose size overruns its tag', () => {
    const good = txxx('X-ARTICLE-ID', 'a')
    const bad = [...latin1('TXXX'), ...synchsafe(500), 0, 0, 3, 0]
    expect(parseId3Frames(tag([good, bad])).map((f) => f.id)).toEqual(['TXXX'])
  })

  it('dates a sample by its fragment\'s program date-time and PTS; a mark lasts its duration or stays open', () => {
    const pdt = Date.parse('2025-12-01T18:00:00Z')
    expect(sampleProgramDateTime({ programDateTime: pdt, start: 100 }, 101.5)).toBe(pdt + 1500)
    expect(sampleProgramDateTime({ programDateTime: null, start: 100 }, 101.5)).toBeNull()
    expect(id3ArticleMark(tag([txxx('X-ARTICLE-ID', 'a'), txxx('X-ARTICLE-DURATION', '30')]), pdt)).toEqual({ id: `id3:${pdt}`, start: pdt, end: pdt + 30_000, articleId: 'a', articleUrl: null })
    expect(id3ArticleMark(tag([txxx('X-ARTICLE-ID', 'a')]), pdt)!.end).toBeNull()
    expect(id3ArticleMark(tag([txxx('X-ARTICLE-ID', 'a')]), null)).toBeNull()
  })
})
