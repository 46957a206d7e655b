import { describe, it, expect } from 'vitest'
import { readRouteHash, matchesRoute } from '../../src/app/route-hash'
import { routePaths } from '../../src/app/routes'

// The app's own route table, so a new page cannot be forgotten here.
const paths = routePaths

describe('readRouteHash', () => {
  it('lets every page of the app through, with its parameters', () => {
    for (const hash of ['', '#', '#live', '#browse', '#settings', '#settings/', '#article/abc', '#article/https%3A%2F%2Fnews.example.com%2Fa%3Fb%3D1', '#Browse']) {
      expect(readRouteHash(hash, paths), hash).toMatchObject({ ok: true })
    }
  })

  it('turns back a fragment that does not decode (the Router would throw as it starts)', () => {
    for (const hash of ['#article/%', '#browse/%E0%A4%A', '#%', '#article/%ZZ', '#live%']) {
      const reading = readRouteHash(hash, paths)
      expect(reading, hash).toMatchObject({ ok: false })
      expect(!reading.ok && reading.reason).toMatch(/bad %-encoding/)
      // and these really are what the Router would choke on
      expect(() => decodeURIComponent(hash.slice(1))).toThrow(URIError)
    }
  })

  it('turns back a fragment that names no page', () => {
    for (const hash of ['#nosuchroute', '#browse/extra', '#article', '#article/', '#article/a/b', '#*', '#!', '#$', '#settings?x=1']) {
      const reading = readRouteHash(hash, paths)
      expect(reading, hash).toMatchObject({ ok: false })
    }
    expect(readRouteHash('#nosuchroute', paths)).toEqual({ ok: false, hash: 'nosuchroute', reason: '"#nosuchroute" is not a page of this app' })
  })

  it('matches segment by segment, a parameter needing a value', () => {
    expect(matchesRoute('article/x', ['article/:id'])).toBe(true)
    expect(matchesRoute('article', ['article/:id'])).toBe(false)
    expect(matchesRoute('*', ['*'])).toBe(false)
  })
})
