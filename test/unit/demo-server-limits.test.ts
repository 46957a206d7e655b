/**
 * The demo server as installers run it on a LAN: who may use /admin/*, and the limits on what
 * clients send (stories, characters, dates, methods, symlinks, slow clients) and what it sends back
 * (nosniff, caching). Real HTTP against the real server on 127.0.0.1 (and on 0.0.0.0, reached from
 * this machine's LAN address, where there is one).
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import http from 'node:http'
import net from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import path from 'node:path'
import { startDemoServer, type DemoServer } from '../../scripts/server/index.mjs'
import { createDemoFeed } from '../../scripts/server/demo-feed.mjs'

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A request with exactly these headers (fetch would not let a test set Host or Origin). */
function send(
  port: number,
  method: string,
  requestPath: string,
  { headers = {}, body, address = '127.0.0.1' }: { headers?: Record<string, string>; body?: string; address?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: address, port, method, path: requestPath, headers, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((info) => info && info.family === 'IPv4' && !info.internal)?.address

let root: string
let distDir: string
let outside: string
const feed = createDemoFeed({ newItemEverySeconds: 0 })
let server: DemoServer

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'demo-limits-'))
  distDir = path.join(root, 'dist')
  outside = path.join(root, 'outside')
  mkdirSync(distDir)
  mkdirSync(outside)
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>app</title>')
  for (const name of ['app-ya21tvOz.js', 'app-legacy-DGkQR6t5.js', 'launch-ui-Bo_8lhWl.js', 'app-ya21tvOz.js.map', 'app.js', 'hls.worker.js', 'demo-channels.js', 'inside.js']) {
    writeFileSync(path.join(distDir, name), '/* js */')
  }
  writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET')
  symlinkSync(path.join(outside, 'secret.txt'), path.join(distDir, 'leak.txt'))
  symlinkSync(outside, path.join(distDir, 'elsewhere'))
  symlinkSync(path.join(distDir, 'inside.js'), path.join(distDir, 'alias.js'))
  server = await startDemoServer({ distDir, routes: [(req, res, url) => feed.handle(req, res, url)] })
})
afterAll(async () => {
  feed.setFault(null)
  await server.close()
  rmSync(root, { recursive: true, force: true })
})
afterEach(async () => {
  feed.setFault(null)
  feed.restoreItems()
  await fetch(`${server.origin}/admin/faults`, { method: 'DELETE' })
})

const host = () => `127.0.0.1:${server.port}`
const activeFaults = async () => (await (await fetch(`${server.origin}/admin/faults`)).json()).faults as unknown[]

describe('/admin/*: this machine only, no CORS, no DNS rebinding', () => {
  it('refuses a Host that is not this server (DNS rebinding), on every admin route', async () => {
    for (const p of ['/admin/faults', '/admin/feed/items', '/admin/feed/fault']) {
      const answer = await send(server.port, 'GET', p, { headers: { Host: `rebound.example:${server.port}` } })
      expect(answer.status, p).toBe(403)
    }
    const posted = await send(server.port, 'POST', '/admin/faults', { headers: { Host: 'rebound.example' }, body: '{"fault":"drop","seconds":60}' })
    expect(posted.status).toBe(403)
    expect(await activeFaults()).toEqual([])
    for (const name of [host(), `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await send(server.port, 'GET', '/admin/faults', { headers: { Host: name } })).status, name).toBe(200)
    }
    // The stream and the feed stay open to any Host (a TV may use any name for the server).
    expect((await send(server.port, 'GET', '/live/news/master.m3u8', { headers: { Host: 'tv-box.lan' } })).status).toBe(200)
  })

  it('refuses a text/plain POST from a web page on another origin, and sends no CORS headers', async () => {
    const headers = { Host: host(), Origin: 'http://attacker.example', 'Content-Type': 'text/plain' }
    const fault = await send(server.port, 'POST', '/admin/faults', { headers, body: '{"fault":"drop","seconds":60}' })
    expect(fault.status).toBe(403)
    expect(fault.headers['access-control-allow-origin']).toBeUndefined()
    const story = await send(server.port, 'POST', '/admin/feed/items', { headers, body: '{"title":"Planted"}' })
    expect(story.status).toBe(403)
    const siteOnly = await send(server.port, 'POST', '/admin/feed/fault', { headers: { Host: host(), 'Sec-Fetch-Site': 'cross-site' }, body: '{"fault":"500"}' })
    expect(siteOnly.status).toBe(403)
    expect(await activeFaults()).toEqual([])
    expect(feed.visibleArticles().some((a) => a.headline === 'Planted')).toBe(false)

    for (const p of ['/admin/faults', '/admin/feed/items', '/admin/feed/fault']) {
      const preflight = await send(server.port, 'OPTIONS', p, {
        headers: { Host: host(), Origin: 'http://attacker.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      })
      expect(preflight.status, p).not.toBe(204)
      expect(preflight.headers['access-control-allow-origin'], p).toBeUndefined()
      expect(preflight.headers['access-control-allow-methods'], p).toBeUndefined()
      const plain = await send(server.port, 'GET', p, { headers: { Host: host() } })
      expect(plain.status, p).toBe(200)
      expect(plain.headers['access-control-allow-origin'], p).toBeUndefined()
    }
    // The app's own page (same origin) may still use them.
    const same = await send(server.port, 'POST', '/admin/faults', { headers: { Host: host(), Origin: `http://${host()}` }, body: '{"fault":"stall","seconds":5}' })
    expect(same.status).toBe(201)
    // The feed and the stream keep CORS *.
    expect((await send(server.port, 'GET', '/feed.rss', { headers: { Host: host() } })).headers['access-control-allow-origin']).toBe('*')
    expect((await send(server.port, 'GET', '/live/news/master.m3u8', { headers: { Host: host() } })).headers['access-control-allow-origin']).toBe('*')
  })

  it.skipIf(!lanAddress)('bound to 0.0.0.0: a LAN client gets the stream but not admin, unless it sends the admin token', async () => {
    const lan = lanAddress as string
    const open = await startDemoServer({ host: '0.0.0.0', distDir, routes: [(req, res, url) => feed.handle(req, res, url)] })
    const locked = await startDemoServer({ host: '0.0.0.0', distDir, adminToken: 's3cret-token' })
    try {
      const lanHost = (s: DemoServer) => ({ Host: `${lan}:${s.port}` })
      expect((await send(open.port, 'GET', '/live/news/master.m3u8', { address: lan, headers: lanHost(open) })).status).toBe(200)
      expect((await send(open.port, 'GET', '/feed.rss', { address: lan, headers: lanHost(open) })).status).toBe(200)
      for (const p of ['/admin/faults', '/admin/feed/items']) {
        expect((await send(open.port, 'GET', p, { address: lan, headers: lanHost(open) })).status, p).toBe(403)
      }
      const posted = await send(open.port, 'POST', '/admin/faults', { address: lan, headers: lanHost(open), body: '{"fault":"drop","seconds":60}' })
      expect(posted.status).toBe(403)
      expect(open.faults.list()).toEqual([])
      // From this machine it works, with any of its own names.
      expect((await send(open.port, 'GET', '/admin/faults', { headers: { Host: `127.0.0.1:${open.port}` } })).status).toBe(200)
      expect((await send(open.port, 'GET', '/admin/faults', { headers: { Host: `rebound.example:${open.port}` } })).status).toBe(403)

      expect((await send(locked.port, 'GET', '/admin/faults', { address: lan, headers: lanHost(locked) })).status).toBe(401)
      const wrong = { ...lanHost(locked), Authorization: 'Bearer guess' }
      expect((await send(locked.port, 'GET', '/admin/faults', { address: lan, headers: wrong })).status).toBe(401)
      const right = { ...lanHost(locked), Authorization: 'Bearer s3cret-token' }
      expect((await send(locked.port, 'POST', '/admin/faults', { address: lan, headers: right, body: '{"fault":"stall","seconds":5}' })).status).toBe(201)
      const rebound = { Host: `rebound.example:${locked.port}`, Authorization: 'Bearer s3cret-token' }
      expect((await send(locked.port, 'GET', '/admin/faults', { address: lan, headers: rebound })).status).toBe(403)
    } finally {
      await open.close()
      await locked.close()
    }
  })
})

describe('input limits', () => {
  const postStory = (story: unknown) =>
    send(server.port, 'POST', '/admin/feed/items', { headers: { Host: host(), 'Content-Type': 'application/json' }, body: JSON.stringify(story) })

  it('keeps at most 500 posted stories, dropping the oldest', async () => {
    for (let i = 0; i < 525; i++) expect((await postStory({ title: `Story ${i}` })).status).toBe(201)
    const titles = new Set(feed.visibleArticles().map((a) => a.headline))
    const posted = [...titles].filter((t) => t.startsWith('Story '))
    expect(posted).toHaveLength(500)
    expect(titles.has('Story 24')).toBe(false)
    expect(titles.has('Story 25')).toBe(true)
    expect(titles.has('Story 524')).toBe(true)
  })

  it('survives 150 000 stories added at once, and a hang fault ending over them', async () => {
    for (let i = 0; i < 150_000; i++) feed.addItem({ title: `Bulk ${i}` })
    // The held request is answered from the fault's timer: a throw there would end the process.
    feed.setFault({ fault: 'hang', seconds: 0.3 })
    const held = await fetch(`${server.origin}/feed.json`, { signal: AbortSignal.timeout(10_000) })
    expect(held.status).toBe(200)
    expect((await held.json()).items.length).toBeLessThanOrEqual(550)
    const rss = await fetch(`${server.origin}/feed.rss`, { signal: AbortSignal.timeout(10_000) })
    expect(rss.status).toBe(200)
    await rss.text()
  })

  it('refuses characters XML cannot carry (400), so one POST cannot break the RSS for every TV', async () => {
    for (const bad of [{ title: 'Bad \u0001 title' }, { title: 'ok', summary: 'nul \u0000' }, { title: 'ok', body: ['fine', 'bell \u0007'] }, { title: 'ok', tags: ['\uFFFF'] }, { title: 'lone \uD800 surrogate' }, { title: 'ok', author: 'vt \u000B' }]) {
      const answer = await postStory(bad)
      expect(answer.status, JSON.stringify(bad)).toBe(400)
      expect(JSON.parse(answer.body).error).toMatch(/character XML cannot carry/)
    }
    expect((await postStory({ title: 'Tabs\tand\nnewlines and 🎉 are fine' })).status).toBe(201)
    const rss = await (await fetch(`${server.origin}/feed.rss`)).text()
    expect(rss).toContain('🎉')
    expect(rss).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
  })

  it('answers an out-of-range date with 400, not 500', async () => {
    for (const published of [1e20, -1e20, 8.64e15, '275760-09-13T00:00:00Z', '+100000-01-01T00:00:00Z', '0001-01-01T00:00:00Z']) {
      const answer = await postStory({ title: 'Dated', published })
      expect(answer.status, String(published)).toBe(400)
      expect(JSON.parse(answer.body).error).toMatch(/"published"/)
    }
    expect((await postStory({ title: 'Dated', published: '2025-11-20T10:00:00Z' })).status).toBe(201)
    expect((await fetch(`${server.origin}/feed.rss`)).status).toBe(200)
  })

  it('/live/* answers GET and HEAD only', async () => {
    for (const p of ['/live/news/master.m3u8', '/live/news/720p/index.m3u8', '/live/news/720p/seg000.ts']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const answer = await send(server.port, method, p, { headers: { Host: host() }, body: method === 'DELETE' ? undefined : 'x' })
        expect(answer.status, `${method} ${p}`).toBe(405)
        expect(answer.headers.allow).toBe('GET, HEAD')
      }
      expect((await send(server.port, 'HEAD', p, { headers: { Host: host() } })).status).toBe(200)
    }
  })

  it('refuses symlinks that lead out of the served folder', async () => {
    for (const p of ['/leak.txt', '/elsewhere/secret.txt']) {
      const answer = await send(server.port, 'GET', p, { headers: { Host: host() } })
      expect(answer.status, p).toBe(403)
      expect(answer.body).not.toContain('TOP SECRET')
    }
    expect((await send(server.port, 'GET', '/alias.js', { headers: { Host: host() } })).status).toBe(200)
  })

  it('drops a client that sends its headers or its body too slowly, within seconds', { timeout: 20_000 }, async () => {
    /** Opens a connection, sends `text` and then nothing; resolves with ms until the server hangs up (or 15000). */
    const stallWith = (text: string) =>
      new Promise<{ ms: number; reply: string }>((resolve) => {
        const started = Date.now()
        let reply = ''
        const socket = net.connect(server.port, '127.0.0.1', () => socket.write(text))
        const giveUp = setTimeout(() => socket.destroy(), 15_000)
        socket.setEncoding('utf8')
        socket.on('data', (c: string) => (reply += c))
        socket.on('error', () => {})
        socket.on('close', () => {
          clearTimeout(giveUp)
          resolve({ ms: Date.now() - started, reply })
        })
      })
    const [headers, body] = await Promise.all([
      stallWith(`GET / HTTP/1.1\r\nHost: ${host()}\r\nX-Slow: `),
      stallWith(`POST /admin/faults HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 100\r\n\r\n{"fault":`),
    ])
    expect(headers.ms).toBeLessThan(7_000)
    expect(body.ms).toBeLessThan(12_000)
    expect(body.reply).toMatch(/^HTTP\/1\.1 408/)
  })

  it('sends X-Content-Type-Options: nosniff on every response', async () => {
    for (const p of ['/', '/app.js', '/nope', '/live/news/master.m3u8', '/live/nope/master.m3u8', '/feed.rss', '/admin/faults', '/static/demo/channels/news/channel.json']) {
      expect((await send(server.port, 'GET', p, { headers: { Host: host() } })).headers['x-content-type-options'], p).toBe('nosniff')
    }
  })

  it('caches hashed bundles for a year (immutable), and never index.html without asking', async () => {
    for (const p of ['/app-ya21tvOz.js', '/app-legacy-DGkQR6t5.js', '/launch-ui-Bo_8lhWl.js', '/app-ya21tvOz.js.map']) {
      expect((await send(server.port, 'GET', p, { headers: { Host: host() } })).headers['cache-control'], p).toBe('public, max-age=31536000, immutable')
    }
    for (const p of ['/', '/index.html']) {
      expect((await send(server.port, 'GET', p, { headers: { Host: host() } })).headers['cache-control'], p).toBe('no-cache')
    }
    for (const p of ['/app.js', '/hls.worker.js', '/demo-channels.js']) {
      expect((await send(server.port, 'GET', p, { headers: { Host: host() } })).headers['cache-control'] ?? '', p).not.toMatch(/immutable|max-age/)
    }
  })
})
