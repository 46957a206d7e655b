// @vitest-environment jsdom
/** The demo feed served over real HTTP (127.0.0.1:0), read back with the app's own parser. */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDemoFeed } from '../../scripts/server/demo-feed.mjs'
import { parseFeedBytes } from '../../src/feed/parse-feed'
import { decodeFeedBytes } from '../../src/feed/decode-feed-bytes'
import type { FeedError } from '../../src/feed/feed-error'

const START = Date.UTC(2025, 10, 20, 12, 0)
let clock = START
const feed = createDemoFeed({ now: () => clock, newItemEverySeconds: 120 })
let server: http.Server
let base = ''

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

function request(method: string, path: string, options: { headers?: Record<string, string>; json?: unknown; timeoutMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.json === undefined ? undefined : JSON.stringify(options.json)
    const req = http.request(`${base}${path}`, { method, headers: { ...options.headers, ...(body ? { 'Content-Type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    if (options.timeoutMs) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(body)
  })
}

const parse = (answer: Answer, path: string) =>
  parseFeedBytes(answer.body, { url: `${base}${path}`, contentType: answer.headers['content-type'] ?? null })

function parseError(answer: Answer, path: string): FeedError {
  try {
    parse(answer, path)
  } catch (error) {
    return error as FeedError
  }
  throw new Error('expected the feed to fail')
}

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    if (!(await feed.handle(req, res, new URL(req.url ?? '/', 'http://localhost')))) res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  feed.setFault(null)
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  clock = START
  feed.setFault(null)
  feed.restoreItems()
})

const SEED = {
  title: "Kremlin: Putin-Trump Call Could Be Arranged 'Immediately'",
  author: 'Eric Mack',
  published: Date.parse('2025-11-19T14:38:00-05:00'),
  section: 'Newsfront',
  url: 'https://news.example.com/newsfront/kremlin-putin-trump-call/2025/11/19/id/1234/',
  breaking: false,
}
const SEED_TAGS = ['russia', 'war', 'peace talks', 'putin', 'trump']

describe.each(['/feed.rss', '/feed.json'])('GET %s', (path) => {
  it('parses to at least 21 articles, the seed article intact, across all four sections', async () => {
    const answer = await request('GET', path)
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBe('*')
    expect(answer.headers['access-control-expose-headers']).toMatch(/ETag/)
    expect(answer.headers.etag).toMatch(/^"[0-9a-f]+"$/)
    expect(Date.parse(answer.headers['last-modified']!)).toBe(Date.parse('2025-11-19T17:10:00-05:00'))
    const parsed = parse(answer, path)
    expect(parsed.format).toBe(path.endsWith('.rss') ? 'rss2' : 'json')
    expect(parsed.articles.length).toBeGreaterThanOrEqual(21)
    const seed = parsed.articles.find((a) => a.title === SEED.title)!
    expect(seed).toMatchObject(SEED)
    expect(seed.tags).toEqual(['Newsfront', ...SEED_TAGS])
    expect(seed.summary.startsWith('Kremlin spokesman Dmitry Peskov said Tuesday')).toBe(true)
    expect(seed.body.split('\n\n')).toHaveLength(8)
    expect(seed.body.endsWith('Reuters contributed to this report.')).toBe(true)
    expect(new Set(parsed.articles.map((a) => a.section))).toEqual(new Set(['Newsfront', 'Health', 'Money', 'World']))
    expect(parsed.articles.filter((a) => a.breaking).length).toBeGreaterThanOrEqual(3)
    expect(parsed.articles.find((a) => a.image !== null)!.image).toMatch(/^https:\/\/news\.example\.com\/images\//)
  })

  it('answers If-None-Match and If-Modified-Since with 304 until the feed changes', async () => {
    const first = await request('GET', path)
    const etag = first.headers.etag!
    expect((await request('GET', path, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    expect((await request('GET', path, { headers: { 'If-Modified-Since': first.headers['last-modified']! } })).status).toBe(304)
    feed.addItem({ title: 'A story that changes the feed' })
    const changed = await request('GET', path, { headers: { 'If-None-Match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.etag).not.toBe(etag)
  })
})

describe('new stories over time', () => {
  it('shows one more rotation story every newItemEverySeconds, newest first, deterministically', async () => {
    const titles = async () => parse(await request('GET', '/feed.rss'), '/feed.rss').articles.map((a) => a.title)
    const before = await titles()
    clock = START + 119_000
    expect(await titles()).toEqual(before)
    clock = START + 120_000
    const after = await titles()
    expect(after).toHaveLength(before.length + 1)
    expect(after[0]).toBe('House Begins Debate on Stopgap Funding Bill')
    clock = START + 240_000
    expect((await titles())[0]).toBe('Oil Prices Jump 4% on Supply Worries')
  })

  it('POST /admin/feed/items adds a story at once; DELETE restores the original list', async () => {
    const count = parse(await request('GET', '/feed.json'), '/feed.json').articles.length
    const posted = await request('POST', '/admin/feed/items', {
      json: { title: 'Breaking: Test Story Added by the Suite', section: 'world', breaking: true, tags: ['test'], body: 'One.\n\nTwo.' },
    })
    expect(posted.status).toBe(201)
    const [top] = parse(await request('GET', '/feed.json'), '/feed.json').articles
    // The "Breaking:" title prefix is the default breaking rule: it is taken off the headline.
    expect(top).toMatchObject({ title: 'Test Story Added by the Suite', section: 'World', breaking: true, body: 'One.\n\nTwo.', published: START })
    expect((await request('DELETE', '/admin/feed/items')).status).toBe(200)
    expect(parse(await request('GET', '/feed.json'), '/feed.json').articles).toHaveLength(count)
  })

  it('refuses a malformed item with a 400 that says why', async () => {
    const answer = await request('POST', '/admin/feed/items', { json: { title: 'x', section: 'Sports' } })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body.toString()).error).toMatch(/"section" must be one of Newsfront, Health, Money, World/)
  })
})

describe('fault knobs', () => {
  const fault = (json: unknown) => request('POST', '/admin/feed/fault', { json })

  it('500: both feeds fail until the fault is cleared', async () => {
    expect((await fault({ fault: '500' })).status).toBe(200)
    expect((await request('GET', '/feed.rss')).status).toBe(500)
    expect((await request('GET', '/feed.json')).status).toBe(500)
    expect(JSON.parse((await request('GET', '/admin/feed/fault')).body.toString())).toEqual({ fault: { fault: '500', until: null } })
    await request('DELETE', '/admin/feed/fault')
    expect((await request('GET', '/feed.rss')).status).toBe(200)
  })

  it('a fault with "seconds" ends by itself on the feed\'s clock', async () => {
    await fault({ fault: '500', seconds: 30 })
    clock = START + 29_000
    expect((await request('GET', '/feed.rss')).status).toBe(500)
    clock = START + 30_000
    expect((await request('GET', '/feed.rss')).status).toBe(200)
  })

  it('hang: no answer while it lasts, the feed once it is cleared', async () => {
    await fault({ fault: 'hang' })
    await expect(request('GET', '/feed.rss', { timeoutMs: 300 })).rejects.toThrow('timeout')
    const waiting = request('GET', '/feed.rss')
    await new Promise((resolve) => setTimeout(resolve, 100))
    await request('DELETE', '/admin/feed/fault')
    expect((await waiting).status).toBe(200)
  })

  it('malformed: a truncated document the parser rejects', async () => {
    await fault({ fault: 'malformed' })
    expect(parseError(await request('GET', '/feed.rss'), '/feed.rss').code).toBe('malformed')
    expect(parseError(await request('GET', '/feed.json'), '/feed.json').code).toBe('malformed')
  })

  it('huge: about 10 MB, announced by Content-Length, refused as too large', async () => {
    await fault({ fault: 'huge' })
    const answer = await request('GET', '/feed.rss')
    expect(Number(answer.headers['content-length'])).toBeGreaterThan(10_000_000)
    expect(parseError(answer, '/feed.rss').code).toBe('too-large')
  })

  it('latin1: ISO-8859-1 bytes, no HTTP charset, read correctly by the XML declaration', async () => {
    await fault({ fault: 'latin1' })
    const answer = await request('GET', '/feed.rss')
    expect(answer.headers['content-type']).toBe('application/rss+xml')
    expect(answer.body.subarray(0, 45).toString('latin1')).toBe('<?xml version="1.0" encoding="ISO-8859-1"?>\n<')
    expect(answer.body.includes(Buffer.from('S\u00e3o Paulo', 'latin1'))).toBe(true) // ã as the single byte 0xE3
    expect(answer.body.toString('utf8')).toContain('\ufffd') // so reading it as UTF-8 would break it
    expect(decodeFeedBytes(answer.body, answer.headers['content-type'])).toContain('São Paulo Opens Metro Line 6')
    const titles = parse(answer, '/feed.rss').articles.map((a) => a.title)
    expect(titles).toContain('São Paulo Opens Metro Line 6 After a Decade of Delays')
    expect(titles).toContain('Café Prices in Paris Climb as Arabica Hits a 40-Year High')
    expect(titles).toContain(SEED.title)
  })

  it('hostile: markup, script and javascript: links come out as clean text with no link', async () => {
    await fault({ fault: 'hostile' })
    for (const path of ['/feed.rss', '/feed.json']) {
      const articles = parse(await request('GET', path), path).articles
      const markets = articles.find((a) => a.title.startsWith('Markets'))!
      expect(markets).toMatchObject({ title: 'Markets Rally as Fed Holds & Bonds Slip', url: null, author: 'Staff' })
      // The javascript: thumbnail is dropped; the description's <img src=x> is a plain relative image
      // (resolved against the channel link in RSS, the feed URL in JSON Feed).
      expect(markets.image).toMatch(/^https?:\/\/[^/]+\/x$/)
      expect(markets.summary).toBe('Click here for the full story …')
      expect(markets.body).not.toMatch(/alert|<|display/)
      const summit = articles.find((a) => a.title.startsWith('Café'))!
      expect(summit).toMatchObject({ title: 'Café “Summit” Ends dias — Leaders <Agree>', url: null })
      expect(articles.length).toBeGreaterThanOrEqual(23)
    }
  })

  it('refuses an unknown fault or a bad duration with a 400', async () => {
    const unknown = await fault({ fault: 'explode' })
    expect(unknown.status).toBe(400)
    expect(JSON.parse(unknown.body.toString()).error).toMatch(/"fault" must be one of 500, hang, malformed, huge, latin1, hostile/)
    expect((await fault({ fault: '500', seconds: -1 })).status).toBe(400)
  })
})

describe('routing', () => {
  it('answers CORS preflight for conditional requests, and leaves other paths to the server', async () => {
    const preflight = await request('OPTIONS', '/feed.rss')
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-headers']).toMatch(/If-None-Match/)
    expect((await request('GET', '/live/news/master.m3u8')).status).toBe(404)
    expect((await request('POST', '/feed.rss')).status).toBe(405)
  })
})
