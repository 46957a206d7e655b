/**
 * htmlToText, firstImageSrc and capText on random and adversarial markup, up to 1 MB items: the
 * output keeps its promises whatever the input (no tags, no unsafe characters, whitespace folded,
 * text outside tags kept, script contents dropped). No timing is asserted here: the time per kB
 * is printed by scripts/bench/html-to-text-scaling.mjs. A quadratic pass shows here all the same,
 * as a test that does not finish (a 1 MB run of "<img " took minutes).
 */
import { describe, it, expect } from 'vitest'
import { capText, firstImageSrc, htmlToText, plainTextToHtml } from '../../src/feed/html-to-text'
import { escapeHtml } from '../../src/feed/html-entities'
import { seededRandom as random } from '../../scripts/bench/seeded-random.mjs'

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!

const UNSAFE = /[\x00-\x08\x0b\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ue000\ue001]/

/** What every one-line output must be. */
function expectOneLine(text: string): void {
  expect(text).not.toMatch(UNSAFE)
  expect(text).not.toMatch(/[^\S ]|  /) // only single spaces
  expect(text).toBe(text.trim())
}

/** What every multiline output must be. */
function expectMultiline(text: string): void {
  expect(text).not.toMatch(UNSAFE)
  expect(text).not.toMatch(/[^\S \n]|  | \n|\n |\n\n\n/)
  expect(text).toBe(text.trim())
}

const TOKENS = [
  '<', '>', '"', "'", '/', '!', '?', '-', '&', '#', ';', '=', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', 'img', 'br', 'p',
  'script', 'src', 'a', 'word', 'Wörd', '<!--', '-->', '<!', '<?', ']]>', '&amp;', '&#x41;', '&#65', '&lt;b&gt;', '&#xE001;',
  '&#8238;', '\u202e', '\u0007', '\ue000', '\ue001', '<p>', '</p>', '<br/>', '<br>', '<img src="x.jpg">', "<IMG SRC='y.png'>",
  '<script>', '</script>', '<style>', '</style', '<b>', '</b>', '<a href="x">', '</a>', '<a title="a > b">', '<div', '</',
  '.', ',', '…', '😀', '\ud83d',
]

function randomMarkup(next: () => number, tokens: number): string {
  let out = ''
  for (let i = 0; i < tokens; i++) out += pick(next, TOKENS)
  return out
}

describe('htmlToText on random markup', () => {
  it('always gives clean one-line and multiline text, and the same text again when re-escaped', () => {
    const next = random(11)
    for (let i = 0; i < 3000; i++) {
      const html = randomMarkup(next, 1 + Math.floor(next() * 40))
      const one = htmlToText(html)
      expectOneLine(one)
      expectMultiline(htmlToText(html, { multiline: true }))
      // Plain text survives a round trip through HTML escaping unchanged.
      expect(htmlToText(escapeHtml(one))).toBe(one)
      const capped = htmlToText(html, { maxLength: 10 })
      expectOneLine(capped)
    }
  })

  it('keeps every word outside the tags, in order, and none inside script or style', () => {
    const next = random(12)
    for (let i = 0; i < 500; i++) {
      const words: string[] = []
      let html = ''
      for (let j = 0; j < 30; j++) {
        const roll = next()
        if (roll < 0.5) {
          const word = `w${i}x${j}`
          words.push(word)
          html += `${word} `
        } else if (roll < 0.6) html += `<script>hidden${j} if (a < b && c > d) {}</script>`
        else if (roll < 0.7) html += `<STYLE type="text/css">p > a { content: "hidden${j}" }</STYLE>`
        else if (roll < 0.8) html += pick(next, ['<p>', '</p>', '<br>', '<br />', '<div class="a">', '</div>', '<li>'])
        else if (roll < 0.9) html += `<a href="https://x.example/?a=1&amp;b=${j}" title='say "hi" > there'>`
        else html += pick(next, ['<!-- hidden -->', '<img src="i.jpg" alt="hidden">', '<?php hidden ?>', '<![CDATA[hidden]]>', '&nbsp;'])
      }
      const text = htmlToText(html)
      expect(text.split(/\s+/).filter((w) => w.startsWith('w'))).toEqual(words)
      expect(text).not.toContain('hidden')
      expect(htmlToText(html, { multiline: true }).split(/\s+/).filter((w) => w.startsWith('w'))).toEqual(words)
    }
  })

  it('cannot forge breaks or reorder text with markers, controls or bidi overrides, literal or as references', () => {
    const html = 'a\ue001b&#xE000;c&#57345;d\u202ee&#x202E;f&#7;g\u0000h'
    expect(htmlToText(html)).toBe('abcdefgh')
    expect(htmlToText(html, { multiline: true })).toBe('abcdefgh')
  })

  it('turns block boundaries into at most one blank line', () => {
    expect(htmlToText('a<br>b<br><br>c<br><br><br>d<p></p><p>e</p>', { multiline: true })).toBe('a\nb\n\nc\n\nd\n\ne')
    expect(htmlToText(' <p> a </p> <br> b <br> ', { multiline: true })).toBe('a\n\nb')
  })
})

/** Items of about 1 MB in the shapes that make naive scanners quadratic. */
const MB = 1_000_000
const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length))
const ADVERSARIAL: Array<[string, string]> = [
  ['a run of "<img "', fill('<img ')],
  ['"<img src=" without ">"', fill('<img src=x ')],
  ['a run of "<br> "', fill('<br> ')],
  ['a run of "<br>" then a word', fill('<br>') + 'end'],
  ['a run of "<a"', fill('<a')],
  ['unterminated quotes', fill('<a title="x ')],
  ['a run of "<!--"', fill('<!--')],
  ['a run of "<script>"', fill('<script>')],
  ['entity fragments', fill('&#x&#&amp')],
  ['punctuation then a letter', fill('.') + 'x'],
  ['random markup', randomMarkup(random(13), 200_000).slice(0, MB)],
]

describe('adversarial 1 MB items', () => {
  it.each(ADVERSARIAL)('%s: every pass finishes with well-formed output', (_, html) => {
    expectOneLine(htmlToText(html))
    expectMultiline(htmlToText(html, { multiline: true }))
    const capped = htmlToText(html, { multiline: true, maxLength: 20_000 })
    expectMultiline(capped)
    expect(capped.length).toBeLessThanOrEqual(20_000 + 128)
    const src = firstImageSrc(html)
    if (src !== null) expect(src).not.toMatch(/^\s|\s$/)
    const cut = capText(html, 20_000)
    expect(cut.length).toBeLessThanOrEqual(20_000)
    expect(plainTextToHtml(html).length).toBeGreaterThanOrEqual(html.length)
  })

  it('reads what there is to read in them', () => {
    expect(htmlToText(fill('<img '))).toBe('') // one tag that never ends: nothing after it is text
    expect(firstImageSrc(fill('<img '))).toBeNull()
    expect(firstImageSrc(fill('<img ') + ' src="late.jpg">')).toBe('late.jpg')
    expect(firstImageSrc(fill('<img alt="x">') + '<img src="/i.jpg">')).toBe('/i.jpg')
    expect(htmlToText(fill('<br>') + 'end', { multiline: true })).toBe('end')
    expect(htmlToText('a' + fill('<br> ') + 'b', { multiline: true })).toBe('a\n\nb')
    expect(htmlToText(fill('<a'))).toBe('')
    expect(htmlToText(fill('word ') + '<b>tail</b>', { maxLength: 500 }).length).toBeLessThanOrEqual(500 + 128)
    expect(capText(fill('.') + 'x', 100)).toBe('…')
    expect(capText('Markets rally. ' + fill('.'), 30)).toBe('Markets rally…')
  })
})

describe('firstImageSrc', () => {
  it('reads quoted, unquoted and spaced src values, in any case, skipping quoted attribute text', () => {
    expect(firstImageSrc('<IMG SRC = \'/a.jpg\' >')).toBe('/a.jpg')
    expect(firstImageSrc('<img\nsrc=/b.jpg alt=x>')).toBe('/b.jpg')
    expect(firstImageSrc('<img alt="src=no.jpg" data-src="no" src="yes.jpg">')).toBe('yes.jpg')
    expect(firstImageSrc('<imgx src="no.jpg"><img src="yes.jpg">')).toBe('yes.jpg')
    expect(firstImageSrc('<img src=""><img src="second.jpg">')).toBe('second.jpg')
    expect(firstImageSrc('<img src="a.jpg?x=1&amp;y=2"')).toBe('a.jpg?x=1&y=2') // cut off at the end: still read
    expect(firstImageSrc('<img alt="open src="x.jpg">')).toBeNull() // the quote never closes: the rest is its value
  })

  it('on random markup, finds the image put first, or nothing', () => {
    const next = random(14)
    for (let i = 0; i < 2000; i++) {
      const before = randomMarkup(next, 10).replace(/img|<|"|'/gi, '')
      const html = `${before}<img alt="a > b" src="/first-${i}.jpg">${randomMarkup(next, 20)}`
      expect(firstImageSrc(html)).toBe(`/first-${i}.jpg`)
      const any = firstImageSrc(randomMarkup(next, 30))
      if (any !== null) {
        expect(any).not.toBe('')
        expect(any).toBe(any.trim())
      }
    }
  })
})

describe('capText', () => {
  it('never exceeds max, ends with … when it cuts, keeps a prefix and never splits a surrogate pair', () => {
    const next = random(15)
    for (let i = 0; i < 3000; i++) {
      const text = randomMarkup(next, Math.floor(next() * 30))
      const max = 2 + Math.floor(next() * 40)
      const cut = capText(text, max)
      expect(cut.length).toBeLessThanOrEqual(Math.max(max, text.length <= max ? text.length : 0))
      if (text.length <= max) expect(cut).toBe(text)
      else {
        expect(cut.endsWith('…')).toBe(true)
        expect(text.startsWith(cut.slice(0, -1))).toBe(true)
        expect(cut.slice(0, -1)).not.toMatch(/[\ud800-\udbff]$|[\s.,;:!?-]$/)
      }
    }
  })
})
