/** Stories for the kiosk tests, published a minute apart: `published` minutes after the epoch. */
import type { Article } from '../../src/feed/article'

export function kioskStory(id: string, publishedMinute: number | null, url: string | null = `https://news.example.com/${id}/`): Article {
  return {
    id,
    title: `Headline ${id}`,
    summary: `Summary of ${id}`,
    body: '',
    url,
    author: '',
    published: publishedMinute === null ? null : publishedMinute * 60_000,
    updated: null,
    section: 'World',
    tags: [],
    image: null,
    breaking: false,
  }
}
