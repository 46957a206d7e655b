/** Articles for the Browse tests: only what a test names differs from a plain story. */
import type { Article } from '../../src/feed/article'

export function story(id: string, fields: Partial<Article> = {}): Article {
  return Object.assign(
    {
      id,
      title: `Story ${id}`,
      summary: '',
      body: '',
      url: `https://news.example.com/${id}/`,
      author: '',
      published: null,
      updated: null,
      section: 'Newsfront',
      tags: [],
      image: null,
      breaking: false,
    },
    fields,
  )
}
