/** The crawl's merge policy: a pure function of the article list. */
import { describe, it, expect } from 'vitest'
import type { Article } from '../../src/feed/article'
import { crawlHeadlines } from '../../src/crawl/crawl-headlines'

const T0 = Date.UTC(2025, 10, 19, 20, 0)
function article(id: string, minutesAgo: number | null, extra: Partial<Article> = {}): Article {
  return {
    id, title: `Title ${id}`, summary: '', body: '', url: null, author: '', section: '', tags: [], image: null,
    published: minutesAgo === null ? null : T0 - minutesAgo * 60_000, updated: null, breaking: false, ...extra,
  }
}

describe('crawlHeadlines', () => {
  const articles = [
    article('old', 300),
    article('new', 5),
    article('undated', null),
    article('flash', 60, { breaking: true }),
    article('mid', 30),
  ]

  it('puts breaking news first, then the rest newest first, undated last', () => {
    expect(crawlHeadlines(articles, { max: 10 })).toEqual([
      { id: 'flash', text: 'Title flash', breaking: true },
      { id: 'new', text: 'Title new', breaking: false },
      { id: 'mid', text: 'Title mid', breaking: false },
      { id: 'old', text: 'Title old', breaking: false },
      { id: 'undated', text: 'Title undated', breaking: false },
    ])
  })

  it('can keep breaking news in time order (still flagged), and caps the count', () => {
    const items = crawlHeadlines(articles, { max: 3, breakingFirst: false })
    expect(items.map((i) => i.id)).toEqual(['new', 'mid', 'flash'])
    expect(items[2]!.breaking).toBe(true)
  })

  it('uses the summary when there is no title, skips empty articles and repeated headlines', () => {
    const items = crawlHeadlines(
      [
        article('a', 1, { title: '', summary: 'A summary standing in for a headline.' }),
        article('b', 2, { title: '', summary: '' }),
        article('c', 3, { title: 'Same story' }),
        article('d', 4, { title: 'SAME STORY' }),
      ],
      { max: 10 },
    )
    expect(items.map((i) => [i.id, i.text])).toEqual([
      ['a', 'A summary standing in for a headline.'],
      ['c', 'Same story'],
    ])
  })

  it('gives nothing for nothing', () => {
    expect(crawlHeadlines([], { max: 10 })).toEqual([])
  })
})
