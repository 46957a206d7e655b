/**
 * Finds the story a deep link or route names. Links carry the feed's id (often the story's whole
 * URL), the story URL, or the short content id at the end of it ("…/id/1304/" → "1304"), which is
 * what a platform's launch parameters usually hold.
 */
import type { Article } from '../feed/article'

function lastPathSegment(url: string): string {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '')
  return path.slice(path.lastIndexOf('/') + 1)
}

export function findArticle(articles: readonly Article[], key: string): Article | undefined {
  if (!key) return undefined
  return (
    articles.find((a) => a.id === key) ??
    articles.find((a) => a.url === key) ??
    articles.find((a) => lastPathSegment(a.id) === key || (a.url !== null && lastPathSegment(a.url) === key))
  )
}
