import { describe, it, expect } from 'vitest'
import { articlePath } from '../../src/browse/article-path'

/** What the SDK Router accepts in a path segment (Router/utils/route.js getValuesFromHash). */
const ROUTER_SEGMENT = /^[\w%\s:.-]+$/

describe('articlePath', () => {
  it.each([
    'https://news.example.com/newsfront/kremlin-putin-trump-call/2025/11/19/id/1234/',
    'tag:example.org,2025:story/7?x=1&y=(2)!',
    "it's ~*done*~ ünïcode 中文",
    'abc123',
  ])('makes one Router segment that decodes back to %s', (id) => {
    const path = articlePath(id)
    expect(path.indexOf('article/')).toBe(0)
    const segment = path.slice('article/'.length)
    expect(segment).toMatch(ROUTER_SEGMENT)
    expect(segment).not.toContain('/')
    expect(decodeURIComponent(segment)).toBe(id)
  })
})
