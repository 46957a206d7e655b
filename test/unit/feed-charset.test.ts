// @vitest-environment jsdom
/** Bytes -> text by the right charset: latin-1 and windows-1252 feeds must not become mojibake. */
import { describe, it, expect } from 'vitest'
import { charsetFromContentType, decodeFeedBytes } from '../../src/feed/decode-feed-bytes'
import { parseFeedBytes } from '../../src/feed/parse-feed'
import { readFixtureBytes } from '../fixtures/feeds/read-fixture'

const latin1 = readFixtureBytes('latin1-no-charset.rss')
const cp1252 = readFixtureBytes('windows-1252.rss')
const bytes = (...values: number[]) => new Uint8Array(values)
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('decodeFeedBytes', () => {
  it('the fixtures really are single-byte: read as UTF-8 they break', () => {
    expect(latin1.indexOf(0xe9)).toBeGreaterThan(0) // é as one byte
    expect(cp1252.indexOf(0x80)).toBeGreaterThan(0) // €
    expect(new TextDecoder().decode(latin1)).toContain('\ufffd')
  })

  it('reads latin-1 by the XML declaration when HTTP names no charset', () => {
    const text = decodeFeedBytes(latin1, 'application/rss+xml')
    expect(text).toContain('São Paulo abre o primeiro Café com robôs baristas')
    expect(text).toContain('Zürich: Ændringer i København åbner for ß-straße')
  })

  it('reads latin-1 by the HTTP charset, which wins over a wrong declaration', () => {
    const wrong = ascii('<?xml version="1.0" encoding="utf-8"?><t>Caf')
    const lying = new Uint8Array([...wrong, 0xe9, ...ascii('</t>')])
    expect(decodeFeedBytes(lying, 'text/xml; charset="ISO-8859-1"')).toContain('<t>Café</t>')
    expect(decodeFeedBytes(latin1, 'text/xml;charset=iso-8859-1')).toContain('Café')
  })

  it('reads windows-1252 curly quotes, dashes and the euro sign (0x80–0x9F)', () => {
    const expected = '“A Café for €5” — Europe’s Price War Reaches Coffee'
    expect(decodeFeedBytes(cp1252, null)).toContain(expected)
    expect(decodeFeedBytes(cp1252, 'application/xml; charset=windows-1252')).toContain(expected)
    expect(decodeFeedBytes(cp1252, null)).toContain('Chains are cutting prices… ‘It can’t last,’ analysts say. Shares fell 3‰ • Œuvre Ž Š ™')
  })

  it('reads "latin1"-labelled bytes 0x93/0x94/0x80 as windows-1252, as browsers do', () => {
    expect(decodeFeedBytes(bytes(0x93, 0x48, 0x69, 0x94, 0x20, 0x80), 'text/plain; charset=latin1')).toBe('“Hi” €')
  })

  it('uses a byte-order mark, then UTF-8 by default', () => {
    expect(decodeFeedBytes(bytes(0xef, 0xbb, 0xbf, 0x43, 0x61, 0x66, 0xc3, 0xa9), null)).toBe('Café')
    expect(decodeFeedBytes(bytes(0xff, 0xfe, 0x43, 0, 0xe9, 0), null)).toBe('Cé')
    expect(decodeFeedBytes(bytes(0x43, 0x61, 0x66, 0xc3, 0xa9), null)).toBe('Café')
    expect(decodeFeedBytes(bytes(0x43, 0xc3, 0xa9).buffer, undefined)).toBe('Cé')
  })

  it('skips a label it does not know and falls through to the next source', () => {
    const doc = new Uint8Array([...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), 0xe9, ...ascii('</t>')])
    expect(decodeFeedBytes(doc, 'text/xml; charset=x-klingon')).toContain('<t>é</t>')
  })

  it('reads the charset parameter in its usual spellings', () => {
    expect(charsetFromContentType('application/rss+xml; charset=UTF-8')).toBe('UTF-8')
    expect(charsetFromContentType('text/xml;Charset="iso-8859-1"; q=1')).toBe('iso-8859-1')
    expect(charsetFromContentType('application/rss+xml')).toBeNull()
    expect(charsetFromContentType(null)).toBeNull()
  })
})

describe('parseFeedBytes on single-byte feeds', () => {
  it('parses the latin-1 feed with no HTTP charset into clean text', () => {
    const feed = parseFeedBytes(latin1, { url: 'https://noticias.example.com.br/feed', contentType: 'application/rss+xml' })
    expect(feed.title).toBe('Notícias do Mundo')
    expect(feed.articles[0]).toMatchObject({
      title: 'São Paulo abre o primeiro Café com robôs baristas',
      summary: 'A cidade de São Paulo ganhou na terça-feira um café atendido por braços robóticos. «Foi uma surpresa», disse a gerente Joséfa Araújo.',
      author: 'João Conceição',
      url: 'https://noticias.example.com.br/sao-paulo/cafe-robos',
      published: Date.parse('2025-11-18T13:15:00Z'),
    })
    expect(feed.articles[1]!.summary).toBe('Preço: 12½ francos · © Agência')
  })

  it('parses the windows-1252 feed with and without an HTTP charset', () => {
    for (const contentType of [null, 'text/xml; charset=windows-1252']) {
      const feed = parseFeedBytes(cp1252, { url: 'https://money.example.com/rss', contentType })
      expect(feed.articles[0]!.title).toBe('“A Café for €5” — Europe’s Price War Reaches Coffee')
    }
  })
})
