import { describe, it, expect } from 'vitest'
import { buildStoryRails, NO_SECTION_TITLE } from '../../src/browse/story-rails'
import { createDemoFeed } from '../../scripts/server/demo-feed.mjs'
import { story } from './browse-fixtures'

const titles = (rails: { title: string }[]) => rails.map((r) => r.title)

describe('buildStoryRails', () => {
  it('makes no rails from no articles', () => {
    expect(buildStoryRails([])).toEqual([])
  })

  it('puts the channel’s sections first in running order, then other sections alphabetically', () => {
    const rails = buildStoryRails([
      story('1', { section: 'World' }),
      story('2', { section: 'Sport' }),
      story('3', { section: 'Newsfront' }),
      story('4', { section: 'Arts' }),
      story('5', { section: 'Money' }),
      story('6', { section: 'Health' }),
    ])
    expect(titles(rails)).toEqual(['Newsfront', 'Health', 'Money', 'World', 'Arts', 'Sport'])
  })

  it('keeps the feed’s order (newest first) inside a rail', () => {
    const rails = buildStoryRails([story('a', { section: 'Money' }), story('b', { section: 'World' }), story('c', { section: 'Money' })])
    expect(rails[0]!.articles.map((a) => a.id)).toEqual(['a', 'c'])
  })

  it('groups sections case-insensitively under the first spelling seen, with stable ids', () => {
    const rails = buildStoryRails([story('1', { section: 'health' }), story('2', { section: 'Health' })])
    expect(rails).toHaveLength(1)
    expect(rails[0]!.title).toBe('health')
    expect(rails[0]!.id).toBe('section:health')
    expect(rails[0]!.articles).toHaveLength(2)
  })

  it('gathers stories without a section in a last section rail', () => {
    const rails = buildStoryRails([story('1', { section: '' }), story('2', { section: 'Zoology' }), story('3', { section: 'Health' })])
    expect(titles(rails)).toEqual(['Health', 'Zoology', NO_SECTION_TITLE])
  })

  it('adds rails for the most common tags with at least two stories, most common first', () => {
    const rails = buildStoryRails(
      [
        story('1', { tags: ['climate', 'energy', 'solo'] }),
        story('2', { tags: ['Climate', 'energy'] }),
        story('3', { tags: ['climate', 'budget'] }),
        story('4', { tags: ['budget', 'energy', 'energy'] }),
        story('5', { tags: ['alps', 'budget'] }),
        story('6', { tags: ['alps'] }),
        story('7', { tags: ['zebra', 'arctic'] }),
        story('8', { tags: ['zebra', 'arctic'] }),
      ],
      { maxTagRails: 4 },
    )
    expect(titles(rails)).toEqual(['Newsfront', 'Budget', 'Climate', 'Energy', 'Alps'])
    expect(rails.find((r) => r.id === 'tag:energy')!.articles.map((a) => a.id)).toEqual(['1', '2', '4'])
  })

  it('leaves out a tag that only repeats a section name', () => {
    const rails = buildStoryRails([story('1', { section: 'World', tags: ['world'] }), story('2', { section: 'World', tags: ['World'] })])
    expect(titles(rails)).toEqual(['World'])
  })

  it('caps the tiles per rail', () => {
    const many = Array.from({ length: 50 }, (_, i) => story(String(i)))
    expect(buildStoryRails(many, { maxPerRail: 30 })[0]!.articles).toHaveLength(30)
  })

  it('gives the demo feed its four sections, then its recurring tags', () => {
    const demo = createDemoFeed({ now: () => Date.UTC(2025, 10, 20, 12, 0) }).visibleArticles()
    const articles = demo.map((a) => story(String(a.id), { section: a.section, tags: a.tags }))
    const rails = buildStoryRails(articles)
    expect(titles(rails).slice(0, 4)).toEqual(['Newsfront', 'Health', 'Money', 'World'])
    expect(titles(rails).slice(4)).toEqual(['Climate', 'Technology', 'Vaccines'])
    for (const rail of rails) expect(rail.articles.length).toBeGreaterThan(0)
  })
})
