/** Text cleaning and date reading: pure functions, no DOM. */
import { describe, it, expect } from 'vitest'
import { capText, firstImageSrc, htmlToText } from '../../src/feed/html-to-text'
import { decodeEntities } from '../../src/feed/html-entities'
import { parseFeedDate } from '../../src/feed/parse-feed-date'

describe('htmlToText', () => {
  it('strips tags, drops script/style contents and comments, folds whitespace', () => {
    const html = '<p>Markets <b>rally</b>\n  as <a href="x">Fed</a> holds</p><script>alert("x")</script><style>p{}</style><!-- <p>hidden</p> -->'
    expect(htmlToText(html)).toBe('Markets rally as Fed holds')
  })

  it('keeps paragraphs and line breaks when asked for multiline text', () => {
    expect(htmlToText('<h2>Title</h2><p>One  two.</p><p>Three<br/>four</p>', { multiline: true })).toBe('Title\n\nOne two.\n\nThree\nfour')
  })

  it('treats a "<" that starts no tag as text, and quoted ">" inside attributes as part of the tag', () => {
    expect(htmlToText('3 < 5 and 7 > 2 <3')).toBe('3 < 5 and 7 > 2 <3')
    expect(htmlToText('<img alt="a > b" src="x.jpg">Caption')).toBe('Caption')
  })

  it('drops an unterminated tag and what follows it, as HTML does', () => {
    expect(htmlToText('Safe text <script src="x"')).toBe('Safe text')
  })

  it('removes bidi overrides and control characters that could disguise a headline', () => {
    expect(htmlToText('abc\u202Eevil\u0007')).toBe('abcevil')
  })

  it('finds the first image of a fragment', () => {
    expect(firstImageSrc('<p>x</p><img class="a" src="/i/1.jpg?a=1&amp;b=2"><img src="2.jpg">')).toBe('/i/1.jpg?a=1&b=2')
    expect(firstImageSrc('<p>no image</p>')).toBeNull()
  })
})

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references; leaves unknown names alone', () => {
    expect(decodeEntities('Caf&eacute; &amp; S&atilde;o Paulo &#8212; &#x201C;quoted&#x201D; &bogus; &copy;')).toBe(
      'Café & São Paulo — “quoted” &bogus; ©',
    )
  })

  it('reads the C1 range as windows-1252 (as HTML does) and replaces impossible code points', () => {
    expect(decodeEntities('&#147;hi&#148; &#128;5 &#0; &#xD800; &#x110000;')).toBe('“hi” €5 \ufffd \ufffd \ufffd')
  })
})

describe('capText', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(capText('short', 10)).toBe('short')
    const cut = capText('The quick brown fox jumps over the lazy dog', 20)
    expect(cut).toBe('The quick brown fox…')
    expect(cut.length).toBeLessThanOrEqual(20)
  })

  it('never splits a surrogate pair', () => {
    const cut = capText('x'.repeat(8) + '😀😀😀', 10)
    expect(cut).toBe('xxxxxxxx…')
  })
})

describe('parseFeedDate', () => {
  it.each([
    ['Wed, 19 Nov 2025 14:38:00 EST', '2025-11-19T19:38:00Z'],
    ['Thu, 12 Nov 2015 21:16:39 +0000', '2015-11-12T21:16:39Z'],
    ['Fri, 20 Feb 2015 09:51:15 UTC', '2015-02-20T09:51:15Z'],
    ['19 Nov 25 14:38 -0500', '2025-11-19T19:38:00Z'],
    ['Sun, 1 Sept 2024 08:00:00 GMT', '2024-09-01T08:00:00Z'],
    ['2016-06-03T07:38:00.000-07:00', '2016-06-03T14:38:00Z'],
    ['2018-04-09T19:39:12.675Z', '2018-04-09T19:39:12.675Z'],
    ['2016-05-13', '2016-05-13T00:00:00Z'],
    ['2025-11-19 14:38:00', '2025-11-19T14:38:00Z'],
  ])('%s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(Date.parse(iso))
  })

  it.each(['', 'not a date', '2025-13-01', '2025-02-30T10:00:00Z', 'Mon, 32 Jan 2024 10:00:00 GMT', '31 Foo 2024', '12345', '25:61'])(
    'gives null, never NaN, for %j',
    (text) => {
      expect(parseFeedDate(text)).toBeNull()
    },
  )
})
