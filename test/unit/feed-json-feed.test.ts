/** JSON Feed 1.1 (no DOM needed: it is JSON.parse all the way). */
import { describe, it, expect } from 'vitest'
import { parseFeed } from '../../src/feed/parse-feed'
import { FeedError } from '../../src/feed/feed-error'
import { readFixture } from '../fixtures/feeds/read-fixture'

const url = 'https://news.example.com/feed.json'

describe('parseFeed on JSON Feed 1.1', () => {
  const feed = parseFeed(readFixture('newsroom.json'), { url, contentType: 'application/feed+json' })

  it('reads the feed and orders its items newest first, undated last, duplicates dropped', () => {
    expect(feed.format).toBe('json')
    expect(feed.title).toBe('Newsroom 24 – Top Stories')
    expect(feed.link).toBe('https://news.example.com/')
    expect(feed.articles.map((a) => a.id)).toEqual([
      'https://news.example.com/p/88412',
      'https://news.example.com/p/88405',
      '88410',
      'https://news.example.com/p/88399',
    ])
  })

  it('maps content_html, summary, authors (1.1), tags and images', () => {
    expect(feed.articles[0]).toEqual({
      id: 'https://news.example.com/p/88412',
      title: 'Fed Holds Rates Steady, Signals Patience on Further Cuts',
      summary: 'Policymakers kept the benchmark rate unchanged and said they would watch December\'s jobs data before moving again.',
      body:
        'The Federal Reserve left its benchmark interest rate unchanged on Wednesday, with Chair Jerome Powell telling reporters the committee was “in no hurry” to cut again.\n\n' +
        'Futures markets trimmed bets on a December move after the statement.',
      url: 'https://news.example.com/money/fed-holds-rates-steady/2025/11/19/id/88412/',
      author: 'Dana Whitfield',
      published: Date.parse('2025-11-19T19:05:00Z'),
      updated: Date.parse('2025-11-19T19:40:12Z'),
      section: 'Money',
      tags: ['Money', 'federal reserve', 'interest rates'],
      // The first <img> of the content, resolved against the feed URL.
      image: 'https://news.example.com/images/2025/11/fed-building.jpg',
      breaking: false,
    })
  })

  it('keeps content_text as text, reads the 1.0 author, resolves relative urls, flags the Breaking tag', () => {
    const typhoon = feed.articles.find((a) => a.id === '88410')!
    expect(typhoon.url).toBe('https://news.example.com/world/storm-batters-philippines/2025/11/19/id/88410/')
    expect(typhoon.body).toBe(
      'A powerful typhoon made landfall in the northern Philippines early Wednesday, forcing more than 200,000 people from their homes.\n\n' +
        'The weather service said winds of up to 185 km/h (115 mph) were recorded near the coast <and rising>.',
    )
    expect(typhoon.summary.startsWith('A powerful typhoon made landfall')).toBe(true)
    expect(typhoon).toMatchObject({
      author: 'Maria Santos',
      published: Date.parse('2025-11-19T05:20:00Z'),
      breaking: true,
      section: 'World',
      tags: ['World', 'philippines', 'weather'],
      image: 'https://news.example.com/images/2025/11/typhoon.jpg',
    })
  })

  it('uses external_url when there is no url, and reads an RFC 822 date with a US zone', () => {
    const flu = feed.articles.find((a) => a.id === 'https://news.example.com/p/88405')!
    expect(flu.title).toBe('Flu Season Off to an Early Start, CDC Says')
    expect(flu.url).toBe('https://wire.example.net/health/flu-season-early-start')
    expect(flu.published).toBe(Date.parse('2025-11-19T14:00:00Z'))
  })

  it('turns a "BREAKING:" title prefix into the flag, and an unreadable date into null', () => {
    const senate = feed.articles.find((a) => a.id === 'https://news.example.com/p/88399')!
    expect(senate).toMatchObject({ title: 'Senate Passes Stopgap Funding Bill', breaking: true, published: null })
  })

  it('rejects JSON that is not a JSON Feed, and JSON that does not parse', () => {
    expect(() => parseFeed('{"version":"1","items":[]}', { url })).toThrow(expect.objectContaining({ code: 'unsupported' }))
    expect(() => parseFeed('{"version":"https://jsonfeed.org/version/1.1","items":[', { url })).toThrow(FeedError)
    expect(() => parseFeed('{"version":"https://jsonfeed.org/version/1.1","items":[', { url })).toThrow(/not valid JSON/)
  })
})
