import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import http from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startDemoServer, type DemoServer } from '../../scripts/server/index.mjs'

const FIXTURE = new URL('../../static/demo/channels/', import.meta.url)
const fixtureBytes = (file: string) => readFileSync(new URL(file, FIXTURE))
const newsManifest = JSON.parse(fixtureBytes('news/channel.json').toString('utf8'))

let clock = Date.UTC(2024, 5, 1, 8, 0, 0)
const advance = (seconds: number) => (clock += seconds * 1000)
let server: DemoServer
let distDir: string

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), 'demo-dist-'))
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(path.join(distDir, 'app.js'), 'console.log(1)')
  server = await startDemoServer({
    distDir,
    now: () => clock,
    prerollSeconds: 60,
    routes: [
      (_req, res, url) => url.pathname === '/feed.json' && (res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"items":[]}'), true),
      async () => false,
    ],
  })
})
afterAll(async () => {
  await server.close()
  rmSync(distDir, { recursive: true, force: true })
})
afterEach(async () => {
  await fetch(`${server.url}admin/faults`, { method: 'DELETE' })
})

const get = (p: string) => fetch(server.url + p.replace(/^\//, ''))
const text = async (p: string) => (await get(p)).text()
const mediaSequence = (playlist: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)?.[1])
const addFault = async (body: object) => {
  const res = await fetch(`${server.url}admin/faults`, { method: 'POST', body: JSON.stringify(body) })
  expect(res.status).toBe(201)
  return res.json()
}
/** A request with the path sent exactly as written (fetch and URL would resolve the `..`). */
const rawGet = (rawPath: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })

describe('demo server: files', () => {
  it('serves the built app at / and static files with their MIME types', async () => {
    const index = await get('/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toContain('<title>app</title>')
    expect((await get('/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const manifest = await get('/static/demo/channels/news/channel.json')
    expect(manifest.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect((await manifest.json()).name).toBe('Newsroom 24')
    expect((await get('/static/demo/channels/news/720p/seg000.ts')).headers.get('content-type')).toBe('video/mp2t')
    expect((await get('/nope.js')).status).toBe(404)
  })

  it.each(['/../package.json', '/static/../package.json', '/static/../../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/static/..%2f..%2fpackage.json', '/static/..%5c..%5cpackage.json', '/live/../../package.json'])(
    'refuses the traversal %s',
    async (rawPath) => {
      const res = await rawGet(rawPath)
      expect(res.status).toBe(403)
      expect(res.body).not.toContain('live-news-tv')
    },
  )

  it('tries the extra routes first, and allows any origin on every response but /admin/*', async () => {
    const feed = await get('/feed.json')
    expect(await feed.json()).toEqual({ items: [] })
    expect(feed.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await fetch(`${server.url}live/news/master.m3u8`, { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET')
  })
})

describe('demo server: live stream', () => {
  it('serves the master playlist with the fixture codecs, bandwidths and resolutions', async () => {
    const res = await get('/live/news/master.m3u8')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const body = await res.text()
    for (const r of newsManifest.renditions) {
      expect(body).toContain(`BANDWIDTH=${r.bandwidth},AVERAGE-BANDWIDTH=${r.averageBandwidth},RESOLUTION=${r.width}x${r.height},CODECS="${r.codecs}",FRAME-RATE=25.000,SUBTITLES="subs"\n${r.name}/index.m3u8`)
    }
    expect(server.channels.map((c) => c.url)).toEqual([`${server.url}live/news/master.m3u8`, `${server.url}live/world/master.m3u8`])
  })

  it('serves a full live window at once, moving one segment per 2 s of the clock', async () => {
    const res = await get('/live/news/720p/index.m3u8')
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const first = await res.text()
    const seq = mediaSequence(first)
    expect(first.match(/#EXTINF/g)).toHaveLength(6)
    expect(first).not.toContain('#EXT-X-ENDLIST')
    advance(2)
    expect(mediaSequence(await text('/live/news/720p/index.m3u8'))).toBe(seq + 1)
    advance(1.9)
    expect(mediaSequence(await text('/live/news/720p/index.m3u8'))).toBe(seq + 1)
    advance(0.1)
    expect(mediaSequence(await text('/live/news/720p/index.m3u8'))).toBe(seq + 2)
  })

  it('serves the segments of the fixture, and 404 for unknown streams', async () => {
    const res = await get('/live/news/360p/seg003.ts')
    expect(res.headers.get('content-type')).toBe('video/mp2t')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(Buffer.from(await res.arrayBuffer()).equals(fixtureBytes('news/360p/seg003.ts'))).toBe(true)
    expect((await get('/live/sports/master.m3u8')).status).toBe(404)
    expect((await get('/live/news/1080p/index.m3u8')).status).toBe(404)
    expect((await get('/live/news/360p/seg999.ts')).status).toBe(404)
  })
})

describe('demo server: subtitles', () => {
  const segmentLines = (playlist: string) => playlist.split('\n').filter((line) => line.startsWith('seg'))
  const tagLines = (playlist: string) => playlist.split('\n').filter((line) => line.startsWith('#'))

  it('offers the English subtitle rendition in the master playlist, tied to every variant', async () => {
    const body = await text('/live/news/master.m3u8')
    expect(body).toContain('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="subs/index.m3u8"\n')
    expect(body.match(/#EXT-X-STREAM-INF:.*,SUBTITLES="subs"\n/g)).toHaveLength(newsManifest.renditions.length)
  })

  it('slides the subtitle playlist in lockstep with the video, across a loop wrap', async () => {
    for (let step = 0; step < 14; step++) {
      const [video, subs] = await Promise.all([text('/live/news/720p/index.m3u8'), text('/live/news/subs/index.m3u8')])
      expect(tagLines(subs)).toEqual(tagLines(video))
      expect(segmentLines(subs)).toEqual(segmentLines(video).map((uri) => uri.replace('.ts', '.vtt')))
      advance(2)
    }
  })

  it('serves each WebVTT segment with its cue and the timestamp map of the matching TS segment', async () => {
    const res = await get('/live/news/subs/seg007.vtt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
    expect(await res.text()).toBe(
      `WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:${newsManifest.segments[7].pts},LOCAL:00:00:14.000\n\n` +
        '8\n00:00:14.000 --> 00:00:16.000\nNewsroom 24 — caption 8 of 12 at 00:14\n',
    )
    expect((await get('/live/news/subs/seg012.vtt')).status).toBe(404)
    expect((await get('/live/news/subs/seg001.ts')).status).toBe(404)
  })

  it('suffers the same faults as the video', async () => {
    await addFault({ fault: 'segment404', seconds: 5, channel: 'world' })
    expect((await get('/live/world/subs/seg001.vtt')).status).toBe(404)
    await addFault({ fault: 'playlist500', seconds: 5, channel: 'world' })
    expect((await get('/live/world/subs/index.m3u8')).status).toBe(500)
    expect((await get('/live/news/subs/seg001.vtt')).status).toBe(200)
  })
})

describe('demo server: faults', () => {
  it('segment404: segments of that channel answer 404 until the fault expires', async () => {
    await addFault({ fault: 'segment404', seconds: 10, channel: 'news' })
    expect((await get('/live/news/720p/seg001.ts')).status).toBe(404)
    expect((await get('/live/news/720p/index.m3u8')).status).toBe(200)
    expect((await get('/live/world/720p/seg001.ts')).status).toBe(200)
    advance(10)
    expect((await get('/live/news/720p/seg001.ts')).status).toBe(200)
  })

  it('playlist500: master and media playlists answer 500, segments still load', async () => {
    await addFault({ fault: 'playlist500', seconds: 5 })
    expect((await get('/live/news/master.m3u8')).status).toBe(500)
    expect((await get('/live/world/234p/index.m3u8')).status).toBe(500)
    expect((await get('/live/news/234p/seg000.ts')).status).toBe(200)
    advance(5)
    expect((await get('/live/world/234p/index.m3u8')).status).toBe(200)
  })

  it('stall: the window freezes where the fault began, then jumps to the present', async () => {
    const before = await text('/live/news/360p/index.m3u8')
    await addFault({ fault: 'stall', seconds: 8, channel: 'news' })
    advance(6)
    expect(await text('/live/news/360p/index.m3u8')).toBe(before)
    expect(mediaSequence(await text('/live/world/360p/index.m3u8'))).toBe(mediaSequence(before) + 3)
    advance(2)
    expect(mediaSequence(await text('/live/news/360p/index.m3u8'))).toBe(mediaSequence(before) + 4)
  })

  it('corrupt: segments are garbage of the same length, with no MPEG-TS sync bytes', async () => {
    await addFault({ fault: 'corrupt', seconds: 3 })
    const original = fixtureBytes('world/720p/seg002.ts')
    const garbage = Buffer.from(await (await get('/live/world/720p/seg002.ts')).arrayBuffer())
    expect(garbage.length).toBe(original.length)
    expect(garbage.equals(original)).toBe(false)
    for (let i = 0; i < garbage.length; i += 188) expect(garbage[i]).not.toBe(0x47)
    advance(3)
    expect(Buffer.from(await (await get('/live/world/720p/seg002.ts')).arrayBuffer()).equals(original)).toBe(true)
  })

  it('drop: stream requests lose their connection without a response; the app itself still loads', async () => {
    await addFault({ fault: 'drop', seconds: 4, channel: 'news' })
    await expect(get('/live/news/master.m3u8')).rejects.toThrow(/fetch failed/)
    await expect(rawGet('/live/news/234p/seg000.ts')).rejects.toThrow(/socket hang up|ECONNRESET/)
    expect((await get('/')).status).toBe(200)
    expect((await get('/live/world/master.m3u8')).status).toBe(200)
    advance(4)
    expect((await get('/live/news/master.m3u8')).status).toBe(200)
  })

  it('slow: segments trickle at bytesPerSecond but arrive whole', async () => {
    await addFault({ fault: 'slow', seconds: 30, bytesPerSecond: 100_000 })
    const original = fixtureBytes('news/234p/seg004.ts')
    const started = performance.now()
    const body = Buffer.from(await (await get('/live/news/234p/seg004.ts')).arrayBuffer())
    const seconds = (performance.now() - started) / 1000
    expect(body.equals(original)).toBe(true)
    expect(seconds).toBeGreaterThan(original.length / 100_000 - 0.15)
    expect((await get('/live/news/234p/index.m3u8')).status).toBe(200)
  })

  it('sequenceReset: the media sequence restarts at 0 for that channel and counts on from there', async () => {
    const world = mediaSequence(await text('/live/world/720p/index.m3u8'))
    expect(mediaSequence(await text('/live/news/720p/index.m3u8'))).toBeGreaterThan(20)
    await addFault({ fault: 'sequenceReset', channel: 'news' })
    const reset = await text('/live/news/720p/index.m3u8')
    expect(mediaSequence(reset)).toBe(0)
    expect(reset).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:0\n')
    expect(reset.match(/#EXTINF/g)).toHaveLength(1)
    expect(mediaSequence(await text('/live/world/720p/index.m3u8'))).toBe(world)
    advance(20)
    expect(mediaSequence(await text('/live/news/720p/index.m3u8'))).toBe(5)
  })
})

describe('demo server: /admin/faults', () => {
  it('lists active faults with remaining time, and DELETE clears them', async () => {
    await addFault({ fault: 'stall', seconds: 30, channel: 'world' })
    advance(10)
    const listed = await (await get('/admin/faults')).json()
    expect(listed.faults).toMatchObject([{ fault: 'stall', channel: 'world', remainingSeconds: 20 }])
    expect(listed.channels).toEqual(['news', 'world'])
    const cleared = await (await fetch(`${server.url}admin/faults`, { method: 'DELETE' })).json()
    expect(cleared).toEqual({ cleared: 1 })
    expect((await (await get('/admin/faults')).json()).faults).toEqual([])
  })

  it.each([
    ['{"fault":"meltdown"}', /unknown fault/],
    ['{"fault":"stall","channel":"sports"}', /unknown channel "sports"/],
    ['not json', /JSON/],
  ])('answers 400 to %s', async (body, message) => {
    const res = await fetch(`${server.url}admin/faults`, { method: 'POST', body })
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatch(message)
    expect(server.faults.list()).toEqual([])
  })
})
