// @vitest-environment jsdom
/** The parser on real-world feeds (test/fixtures/feeds, from rss-parser's test inputs). */
import { describe, it, expect } from 'vitest'
import { parseFeed } from '../../src/feed/parse-feed'
import type { Article } from '../../src/feed/article'
import { readFixture } from '../fixtures/feeds/read-fixture'

function fixture(name: string, url = `https://feeds.example.org/${name}`) {
  return parseFeed(readFixture(name), { url })
}

/** Every article, whatever the feed, keeps the model's promises. */
function expectClean(articles: Article[]): void {
  for (const a of articles) {
    for (const text of [a.title, a.summary, a.author, a.section, ...a.tags]) {
      expect(text).not.toMatch(/<[a-z/!]|\n|&(amp|lt|gt|quot|#\d+);/i)
      expect(text).toBe(text.trim())
    }
    // Bodies may quote code as text (the Blogger feed shows XML samples), but never carry HTML.
    expect(a.body).not.toMatch(/<\/?(p|div|br|span|a|img|script|style|table|h\d)\b/i)
    for (const link of [a.url, a.image]) if (link !== null) expect(link).toMatch(/^https?:\/\//)
    for (const time of [a.published, a.updated]) if (time !== null) expect(Number.isFinite(time)).toBe(true)
  }
  const times = articles.map((a) => a.published ?? a.updated ?? -Infinity)
  expect(times).toEqual([...times].sort((x, y) => y - x))
  expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length)
}

describe('parseFeed on real-world feeds', () => {
  it('RSS 2.0 with CDATA, content:encoded, dc:creator and categories (Medium)', () => {
    const feed = fixture('content-encoded.rss')
    expect(feed.format).toBe('rss2')
    expect(feed.title).toBe('Food in Invironment on Medium')
    expect(feed.articles).toHaveLength(7)
    const [first, second] = feed.articles
    expect(first).toMatchObject({
      id: 'https://medium.com/p/125af37d838f',
      title: 'THE CREATIVE FORAGER',
      url: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
      author: 'Jeremy Puma',
      published: Date.parse('2018-04-09T18:55:38Z'),
      updated: Date.parse('2018-04-09T19:39:12.675Z'),
      section: 'plants',
      tags: ['plants', 'environment', 'nature', 'foraging', 'food'],
      image: 'https://cdn-images-1.medium.com/max/938/1*C_nVpehD-NKBgtVEULabmQ.jpeg',
      breaking: false,
    })
    // content:encoded is HTML: headings and paragraphs become paragraphs of text.
    expect(first!.body.startsWith('Using Wild Ingredients in the Kitchen\n\nHEY, YOU! YES, YOU WITH THE EYEBALLS!')).toBe(true)
    expect(first!.summary.startsWith('Using Wild Ingredients in the Kitchen HEY, YOU!')).toBe(true)
    expect(second!.title).toBe('Eight Reasons You Shouldn’t Grow Your Own Food')
    expectClean(feed.articles)
  })

  it('RSS 1.0 (RDF) with dc:date, dc:subject and enc:enclosure images (craigslist)', () => {
    const feed = fixture('craigslist.rss')
    expect(feed.format).toBe('rss1')
    expect(feed.title).toBe('craigslist SF bay area | apts/housing for rent search')
    expect(feed.articles).toHaveLength(25)
    expect(feed.articles[0]).toMatchObject({
      id: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
      // CDATA holding a numeric reference and <sup> markup.
      title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
      url: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
      published: Date.parse('2017-06-21T10:33:10-07:00'),
      image: 'https://images.craigslist.org/00l0l_fbVZikCjEKO_300x300.jpg',
    })
    expectClean(feed.articles)
  })

  it('RSS 1.0 (RDF) with empty CDATA descriptions and dc:subject sections (Science)', () => {
    const feed = fixture('rss-1.rss')
    expect(feed.format).toBe('rss1')
    expect(feed.link).toBe('http://science.sciencemag.org/')
    expect(feed.articles).toHaveLength(69)
    expect(feed.articles[0]).toMatchObject({
      title: 'Food for fungi',
      author: 'Hines, P. J.',
      summary: '',
      section: 'Botany, Microbiology',
      url: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
      published: Date.parse('2017-06-15T10:29:47-07:00'),
    })
    expectClean(feed.articles)
  })

  it('Atom with HTML content, category terms and feedburner:origLink (Blogger)', () => {
    const feed = fixture('feedburner.atom')
    expect(feed.format).toBe('atom')
    expect(feed.title).toBe('Google Ads Developer Blog')
    expect(feed.articles).toHaveLength(25)
    expect(feed.articles[0]).toMatchObject({
      id: 'tag:blogger.com,1999:blog-7815614485808579332.post-8394866751819460570',
      title: 'AdWords and DFP Java client library will soon require Java 7+',
      url: 'http://googleadsdeveloper.blogspot.com/2016/06/adwords-and-dfp-java-client-library.html',
      author: 'Google Ads Developer Advisor',
      published: Date.parse('2016-06-03T07:38:00.000-07:00'),
      updated: Date.parse('2016-06-03T07:38:22.568-07:00'),
      tags: ['adwords_api', 'client_libraries', 'dfp_api'],
      section: 'adwords_api',
    })
    expect(feed.articles[0]!.body).toContain('will only be compatible with Java 7 (1.7) and higher.')
    expectClean(feed.articles)
  })

  it('Atom with nothing but an id: no article, no error', () => {
    const feed = fixture('missing-fields.atom')
    expect(feed.format).toBe('atom')
    expect(feed.articles).toEqual([])
  })

  it('RSS 2.0 with entity-escaped HTML in content:encoded and dc:date (instant article)', () => {
    const feed = fixture('instant-article.rss')
    expect(feed.articles).toEqual([
      expect.objectContaining({
        id: 'https://localhost:8000',
        title: 'My first Instant Article',
        summary: 'Lorem ipsum',
        body: 'Lorem ipsum',
        url: 'https://localhost:8000/',
        author: 'tobi',
        published: Date.parse('2016-05-04T06:53:45Z'),
      }),
    ])
  })

  it('RSS 2.0 with escaped HTML in the description, a UTC date and an audio enclosure (Narro)', () => {
    const [article] = fixture('narro.rss').articles
    expect(article).toMatchObject({
      title: 'FAQ for Narro',
      summary: 'Listen to your reading list anywhere. Narro will take your bookmarked articles and read them back to you as a podcast. http://www.narro.co/faq',
      author: 'foobar@gmail.com',
      published: Date.parse('2015-02-20T09:51:15Z'),
      section: '',
      tags: [],
      image: null, // the enclosure is audio, itunes:image is not a story image
    })
  })

  it('RSS 2.0 with media:thumbnail, &quot; titles and HTML tables in descriptions (reddit)', () => {
    const feed = fixture('reddit.rss')
    expect(feed.articles).toHaveLength(24)
    const water = feed.articles.find((a) => a.title === 'The water is too deep, so he improvises')!
    expect(water).toMatchObject({
      url: 'https://www.reddit.com/r/funny/comments/3skxqc/the_water_is_too_deep_so_he_improvises/',
      published: Date.parse('2015-11-12T21:16:39Z'),
      section: 'funny',
      image: 'https://b.thumbs.redditmedia.com/z4zzFBqZ54WT-rFfKXVor4EraZtJVw7AodDvOZ7kitQ.jpg',
      summary: 'submitted by cakebeerandmorebeer to funny [link] [275 comments]',
    })
    expect(feed.articles.map((a) => a.title)).toContain('"Safe Space" Students Silence Asian Woman For Saying "Black People Can Be Racist"')
    // Double-escaped apostrophes (&amp;#39;) in the description come out as text.
    expect(feed.articles[0]!.summary.startsWith("It's Aziz Ansari. I'm here to chat")).toBe(true)
    expectClean(feed.articles)
  })
})
