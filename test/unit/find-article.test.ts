import { describe, it, expect } from 'vitest'
import { findArticle } from '../../src/browse/find-article'
import type { Article } from '../../src/feed/article'

const story = (id: string, url: string | null): Article => ({
  id, url, title: id, summary: '', body: '', author: '', published: null, updated: null, section: '', tags: [], image: null, breaking: false,
})

const articles = [
  story('https://news.example.com/world/quake/2025/11/19/id/1304/', 'https://news.example.com/world/quake/2025/11/19/id/1304/'),
  story('tag:news.example.com,2025:1301', 'https://news.example.com/newsfront/stopgap/id/1301/?utm=x'),
]

describe('findArticle', () => {
  it('finds a story by its feed id', () => {
    expect(findArticle(articles, 'tag:news.example.com,2025:1301')).toBe(articles[1])
  })
  it('finds a story by its URL', () => {
    expect(findArticle(articles, 'https://news.example.com/newsfront/stopgap/id/1301/?utm=x')).toBe(articles[1])
  })
  it('finds a story by the short content id at the end of its URL', () => {
    expect(findArticle(articles, '1304')).toBe(articles[0])
    expect(findArticle(articles, '1301')).toBe(articles[1])
  })
  it('finds nothing for an unknown or empty key', () => {
    expect(findArticle(articles, '9999')).toBeUndefined()
    expect(findArticle(articles, '')).toBeUndefined()
  })
})
