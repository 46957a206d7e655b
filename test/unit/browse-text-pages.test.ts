import { describe, it, expect } from 'vitest'
import { textPages, wrapParagraphs, packLines, wrapUrl, joinPresent } from '../../src/browse/text-pages'

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i % 10}`).join(' ')

describe('wrapParagraphs', () => {
  it('fills lines greedily up to the width, never over it', () => {
    const lines = wrapParagraphs('the quick brown fox jumps over the lazy dog', 15)
    expect(lines).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog'])
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(15)
  })

  it('keeps paragraphs apart with one blank line and folds other whitespace', () => {
    expect(wrapParagraphs('one  two\nthree\n\n\n  four  ', 40)).toEqual(['one two three', '', 'four'])
  })

  it('cuts a word longer than a line by characters', () => {
    expect(wrapParagraphs('ab abcdefghij cd', 4)).toEqual(['ab', 'abcd', 'efgh', 'ij', 'cd'])
  })

  it('measures with the injected measure (pixels in the app)', () => {
    const wide = (text: string) => text.length * 10
    expect(wrapParagraphs('aa bb cc', 50, wide)).toEqual(['aa bb', 'cc'])
  })
})

describe('packLines', () => {
  it('makes progress even when a single character is wider than the line', () => {
    expect(packLines(['abc'], '', 0)).toEqual(['a', 'b', 'c'])
  })
})

describe('textPages', () => {
  it('cuts the lines into pages of N lines', () => {
    const pages = textPages(words(40), { maxWidth: 20, linesPerPage: 3 })
    // 40 two-letter words, 7 to a 20-character line: 6 lines, 2 pages.
    expect(pages).toHaveLength(2)
    expect(pages[0]).toHaveLength(3)
    for (const page of pages) for (const line of page) expect(line.length).toBeLessThanOrEqual(20)
    expect(pages.flat().join(' ')).toBe(words(40))
  })

  it('never starts or ends a page with a blank line', () => {
    const text = ['aaaa bbbb', 'cccc dddd', 'eeee ffff'].join('\n\n')
    const pages = textPages(text, { maxWidth: 4, linesPerPage: 2 })
    expect(pages).toEqual([['aaaa', 'bbbb'], ['cccc', 'dddd'], ['eeee', 'ffff']])
    const pages3 = textPages(text, { maxWidth: 9, linesPerPage: 2 })
    expect(pages3).toEqual([['aaaa bbbb'], ['cccc dddd'], ['eeee ffff']])
  })

  it('gives no pages for no text', () => {
    expect(textPages(' \n\n ', { maxWidth: 10, linesPerPage: 5 })).toEqual([])
  })

  it('pages a 20 000-character body quickly', () => {
    const started = Date.now()
    const pages = textPages(words(6000), { maxWidth: 70, linesPerPage: 10 })
    expect(pages.length).toBeGreaterThan(20)
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe('wrapUrl', () => {
  it('breaks after slashes and separators, and loses no character', () => {
    const url = 'https://news.example.com/newsfront/kremlin-putin-trump-call/2025/11/19/id/1234/?utm_source=tv&utm_medium=qr'
    const lines = wrapUrl(url, 40)
    expect(lines.join('')).toBe(url)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40)
    expect(lines[0]).toBe('https://news.example.com/newsfront/')
  })

  it('cuts a piece longer than a line', () => {
    expect(wrapUrl('https://x.example/abcdefghijklmnop', 10).join('')).toBe('https://x.example/abcdefghijklmnop')
  })
})

describe('joinPresent', () => {
  it('skips empty parts', () => {
    expect(joinPresent(['HEALTH', '', '5 min ago'])).toBe('HEALTH  ·  5 min ago')
    expect(joinPresent(['', ''])).toBe('')
  })
})
