// @vitest-environment jsdom
/** Hostile and broken input: nothing executes, nothing hangs, nothing throws but a FeedError. */
import { describe, it, expect } from 'vitest'
import { parseFeed, parseFeedBytes } from '../../src/feed/parse-feed'
import { FeedError } from '../../src/feed/feed-error'
import { makeLargeRssFeed } from '../../scripts/bench/large-feed.mjs'

const url = 'https://news.example.com/feed.rss'
const rss = (items: string, channelExtra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://news.example.com/</link>${channelExtra}${items}</channel></rss>`

function failure(run: () => unknown): FeedError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError)
    return error as FeedError
  }
  throw new Error('expected a FeedError')
}

describe('markup and links in feed text', () => {
  const feed = parseFeed(
    rss(`
      <item>
        <title>&lt;script&gt;alert(1)&lt;/script&gt;Markets &lt;b&gt;rally&lt;/b&gt; &amp;amp; bonds slip</title>
        <link>javascript:alert(document.cookie)</link>
        <description><![CDATA[<img src="javascript:alert(1)" onerror="globalThis.__pwned=1"><a href="javascript:alert(1)">Click</a> me<style>*{}</style>]]></description>
        <category>&lt;i&gt;Money&lt;/i&gt;</category>
        <enclosure url="javascript:alert(1)" type="image/jpeg"/>
        <pubDate>Wed, 19 Nov 2025 14:38:00 EST</pubDate>
      </item>
      <item><title>Data link</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link><guid isPermaLink="false">d1</guid></item>
      <item><title>Disguised link</title><link> JaVa&#9;ScRiPt:alert(1)</link><guid isPermaLink="false">d2</guid></item>
      <item><title>Relative link</title><link>/money/story/</link><media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="data:image/png;base64,AAAA"/></item>
    `),
    { url },
  )

  it('strips tags, drops script and style contents, decodes entities once per layer', () => {
    const [first] = feed.articles
    expect(first!.title).toBe('Markets rally & bonds slip')
    expect(first!.summary).toBe('Click me')
    expect(first!.section).toBe('Money')
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
  })

  it('drops javascript:, data: and disguised links and images; resolves relative ones', () => {
    const byTitle = Object.fromEntries(feed.articles.map((a) => [a.title, a]))
    expect(feed.articles[0]!.url).toBeNull()
    expect(feed.articles[0]!.image).toBeNull()
    expect(byTitle['Data link']!.url).toBeNull()
    expect(byTitle['Disguised link']!.url).toBeNull()
    expect(byTitle['Relative link']).toMatchObject({ url: 'https://news.example.com/money/story/', image: null })
  })

  it('never runs script in Atom xhtml content', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>T</title>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Safe</p><script>globalThis.__pwned = 2</script></div></content></entry></feed>`
    expect(parseFeed(atom, { url }).articles[0]!.body).toBe('Safe')
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
  })
})

describe('entity bombs', () => {
  const bomb = (prolog: string) => {
    let entities = '<!ENTITY lol "lol">'
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`
    return `${prolog}<!DOCTYPE rss [${entities}]>${rss('<item><title>&lol9;</title></item>')}`
  }

  it.each([
    ['a plain DOCTYPE', '<?xml version="1.0"?>'],
    ['a comment and a PI before it', '\ufeff<?xml version="1.0"?>\n<!-- <rss> --><?pi x?>\n'],
  ])('refuses a billion-laughs DOCTYPE after %s, before parsing', (_, prolog) => {
    const started = Date.now()
    const error = failure(() => parseFeed(bomb(prolog), { url }))
    expect(error.code).toBe('unsupported')
    expect(error.message).toMatch(/entities/)
    expect(Date.now() - started).toBeLessThan(100)
  })

  it('refuses an internal subset behind a PUBLIC identifier, lowercase doctype too', () => {
    const doc = `<!doctype rss PUBLIC "-//x//EN" "http://x/rss.dtd" [<!ENTITY a "b">]>${rss('')}`
    expect(failure(() => parseFeed(doc, { url })).code).toBe('unsupported')
  })

  it('still reads an RSS 0.91 feed with an external DTD and HTML entities XML does not define', () => {
    const doc =
      '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">' +
      '<rss version="0.91"><channel><title>Old</title><item><title>Caf&eacute;&nbsp;open &mdash; &amp; busy</title><link>https://x.example/a</link></item></channel></rss>'
    expect(parseFeed(doc, { url }).articles[0]!.title).toBe('Café open — & busy')
  })
})

describe('size and count caps', () => {
  it('rejects a 10 MB feed as too large before parsing it', () => {
    const huge = new TextEncoder().encode(makeLargeRssFeed({ items: 2000, bodyChars: 4300 }))
    expect(huge.byteLength).toBeGreaterThan(10_000_000)
    const started = Date.now()
    const error = failure(() => parseFeedBytes(huge, { url }))
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/limit is 5000 kB/)
    expect(Date.now() - started).toBeLessThan(50)
    expect(failure(() => parseFeed('<rss>' + ' '.repeat(6_000_000) + '</rss>', { url })).code).toBe('too-large')
  })

  it('keeps the newest 200 (or maxItems) of 10 000 items', () => {
    const text = makeLargeRssFeed({ items: 10_000, bodyChars: 100 })
    const feed = parseFeed(text, { url, maxBytes: 20_000_000 })
    expect(feed.articles).toHaveLength(200)
    expect(feed.articles[0]!.id).toBe('large-0')
    expect(feed.articles[199]!.id).toBe('large-199')
    expect(parseFeed(makeLargeRssFeed({ items: 100 }), { url, maxItems: 25 }).articles).toHaveLength(25)
  }, 30_000)
})

describe('empty, broken and odd feeds', () => {
  it.each(['', '   \n ', '\ufeff'])('an empty response (%j) is malformed', (text) => {
    expect(failure(() => parseFeed(text, { url })).message).toBe('the feed is empty')
  })

  it('an empty channel is a feed with no articles', () => {
    expect(parseFeed(rss(''), { url }).articles).toEqual([])
    expect(parseFeed('<rss version="2.0"/>', { url }).articles).toEqual([])
  })

  it('truncated XML is malformed, with the parser\'s reason in the message', () => {
    const error = failure(() => parseFeed(rss('<item><title>Cut off').slice(0, -30), { url }))
    expect(error.code).toBe('malformed')
    expect(error.message).toMatch(/^the feed is not well-formed XML \(.+\)$/)
  })

  it('an HTML page or plain text is not a feed', () => {
    expect(failure(() => parseFeed('<html><body><p>Hi</p></body></html>', { url })).code).toBe('unsupported')
    expect(failure(() => parseFeed('<!DOCTYPE html><html><body><br></body></html>', { url })).code).toBe('malformed')
    expect(failure(() => parseFeed('Service Unavailable', { url })).code).toBe('malformed')
  })

  it('invalid dates become null (never NaN) and sort after dated items', () => {
    const feed = parseFeed(
      rss(`
        <item><title>A</title><guid>a</guid><pubDate>yesterday</pubDate></item>
        <item><title>B</title><guid>b</guid><pubDate>Mon, 31 Feb 2025 10:00:00 GMT</pubDate></item>
        <item><title>C</title><guid>c</guid><pubDate>Wed, 19 Nov 2025 14:38:00 EST</pubDate></item>
        <item><title>D</title><guid>d</guid><pubDate></pubDate><dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">NaN</dc:date></item>
      `),
      { url },
    )
    expect(feed.articles.map((a) => [a.title, a.published])).toEqual([
      ['C', Date.parse('2025-11-19T19:38:00Z')],
      ['A', null],
      ['B', null],
      ['D', null],
    ])
  })

  it('dedupes by id, then by link, keeping the newest copy', () => {
    const feed = parseFeed(
      rss(`
        <item><title>Old copy</title><guid>same</guid><pubDate>Tue, 18 Nov 2025 10:00:00 GMT</pubDate></item>
        <item><title>New copy</title><guid>same</guid><pubDate>Wed, 19 Nov 2025 10:00:00 GMT</pubDate></item>
        <item><title>Link twin 1</title><guid>l1</guid><link>https://news.example.com/x</link></item>
        <item><title>Link twin 2</title><guid>l2</guid><link>https://news.example.com/x</link></item>
        <item><title>No id or link</title></item>
      `),
      { url },
    )
    expect(feed.articles.map((a) => a.title)).toEqual(['New copy', 'Link twin 1', 'No id or link'])
    expect(feed.articles[2]!.id).toMatch(/^h:[0-9a-z]+$/)
  })

  it('caps very long text', () => {
    const long = 'word '.repeat(10_000)
    const [article] = parseFeed(rss(`<item><title>${long}</title><description>${long}</description></item>`), { url }).articles
    expect(article!.title.length).toBeLessThanOrEqual(200)
    expect(article!.summary.length).toBeLessThanOrEqual(500)
    expect(article!.body.length).toBeLessThanOrEqual(20_000)
    expect(article!.title.endsWith('…')).toBe(true)
  })
})
