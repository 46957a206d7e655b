/**
 * The Router path of an article page, `article/<id>`. Feed ids are often whole URLs; the Router
 * reads a path segment only as letters, digits, `_ % : . -` and decodes it with
 * decodeURIComponent, so everything else is percent-encoded — including the few characters
 * encodeURIComponent leaves alone.
 */
export const ARTICLE_ROUTE = 'article/:id'

export function articlePath(articleId: string): string {
  const encoded = encodeURIComponent(articleId).replace(/[!'()*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return `article/${encoded}`
}
