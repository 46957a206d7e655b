// @vitest-environment jsdom
/** Relative links and their bases, namespace prefixes, and the configurable article rules. */
import { describe, it, expect } from 'vitest'
import { parseFeed } from '../../src/feed/parse-feed'

describe('relative links', () => {
  it('Atom: resolves against xml:base on the feed, the entry and the link itself', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/2025/">
      <title>Blog</title><link href="/"/>
      <entry xml:base="posts/"><id>e1</id><title>One</title>
        <link rel="edit" href="/edit/1"/><link rel="alternate" type="application/pdf" href="one.pdf"/>
        <link rel="alternate" type="text/html" href="one.html"/>
        <link rel="enclosure" type="image/png" href="one.png"/></entry>
      <entry><id>e2</id><title>Two</title><link href="two.html" xml:base="https://cdn.example.net/x/"/></entry>
      <entry><id>e3</id><title>Three</title><link rel="alternate" type="application/pdf" href="three.pdf"/></entry>
    </feed>`
    const feed = parseFeed(atom, { url: 'https://feeds.example.org/atom.xml' })
    expect(feed.link).toBe('https://blog.example.org/')
    expect(feed.articles.map((a) => [a.id, a.url, a.image])).toEqual([
      ['e1', 'https://blog.example.org/2025/posts/one.html', 'https://blog.example.org/2025/posts/one.png'],
      ['e2', 'https://cdn.example.net/x/two.html', null],
      ['e3', 'https://blog.example.org/2025/three.pdf', null],
    ])
  })

  it('RSS: resolves item links against the channel link, itself resolved against the feed URL', () => {
    const rss = (channelLink: string) =>
      `<rss version="2.0"><channel><title>T</title>${channelLink}
        <item><title>A</title><link>story/a</link><guid isPermaLink="false">a</guid></item>
        <item><title>B</title><guid>/permalink/b</guid></item>
        <item xml:base="https://other.example.com/x/"><title>C</title><link>c</link></item>
      </channel></rss>`
    const withLink = parseFeed(rss('<link>/news/</link>'), { url: 'https://site.example.com/feeds/rss.xml' })
    expect(withLink.link).toBe('https://site.example.com/news/')
    expect(withLink.articles.map((a) => a.url)).toEqual([
      'https://site.example.com/news/story/a',
      'https://site.example.com/permalink/b', // a guid is a permalink unless it says otherwise
      'https://other.example.com/x/c',
    ])
    const withoutLink = parseFeed(rss(''), { url: 'https://site.example.com/feeds/rss.xml' })
    expect(withoutLink.articles[0]!.url).toBe('https://site.example.com/feeds/story/a')
  })
})

describe('namespaces by URI, not prefix', () => {
  const feed = parseFeed(
    `<rss version="2.0" xmlns:DC="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/"
          xmlns:m="http://search.yahoo.com/mrss" xmlns:other="urn:x-other">
      <channel><title>T</title>
        <item><title>A</title><guid>a</guid><other:creator>Not an author</other:creator><DC:creator>Ana Ruiz</DC:creator>
          <DC:date>2025-11-19T10:00:00Z</DC:date><DC:subject>Health</DC:subject><c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded>
          <m:group><m:content url="https://img.example.com/v.mp4" medium="video"/><m:content url="https://img.example.com/a.jpg" medium="image"/></m:group></item>
        <item><title>B</title><guid>b</guid><author>desk@example.com (Sam Lee)</author>
          <media:content xmlns:media="http://search.yahoo.com/mrss/" url="https://img.example.com/b.png"/></item>
      </channel></rss>`,
    { url: 'https://x.example/' },
  )

  it('reads dc:, content: and media: under any prefix, and ignores look-alikes from other namespaces', () => {
    expect(feed.articles[0]).toMatchObject({
      author: 'Ana Ruiz', published: Date.parse('2025-11-19T10:00:00Z'), section: 'Health', body: 'Body',
      image: 'https://img.example.com/a.jpg',
    })
  })

  it('takes the name from an RSS "email (Name)" author and an untyped media:content image', () => {
    expect(feed.articles[1]).toMatchObject({ author: 'Sam Lee', image: 'https://img.example.com/b.png' })
  })
})

describe('article rules', () => {
  const rss = `<rss version="2.0"><channel><title>T</title>
    <item><title>URGENT - Dam Breach Reported</title><guid>1</guid><category>us-news</category><category>Weather</category></item>
    <item><title>BREAKING: Not Breaking Here</title><guid>2</guid><category>BREAKING NEWS</category><category>sport</category></item>
  </channel></rss>`

  it('takes the breaking prefix and the section mapping from settings', () => {
    const feed = parseFeed(rss, { url: 'https://x.example/', breakingPrefix: 'URGENT', sectionMap: { 'US-News': 'Newsfront' } })
    expect(feed.articles.map((a) => [a.title, a.breaking, a.section, a.tags])).toEqual([
      ['Dam Breach Reported', true, 'Newsfront', ['us-news', 'Weather']],
      ['BREAKING: Not Breaking Here', true, 'sport', ['sport']], // breaking by its category
    ])
  })

  it('an empty prefix turns the title rule off', () => {
    const feed = parseFeed(rss, { url: 'https://x.example/', breakingPrefix: '' })
    expect(feed.articles[0]).toMatchObject({ title: 'URGENT - Dam Breach Reported', breaking: false, section: 'us-news' })
  })
})
