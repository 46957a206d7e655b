// @vitest-environment jsdom
/** AlertPoller: the feed's HTTP care (safelisted Accept, size cap, charset) on the CAP source, on an injected clock. */
import { describe, expect, it } from 'vitest'
import { AlertPoller, CAP_ACCEPT } from '../../src/alerts/alert-poller'
import type { FeedFetch, FeedRequestInit } from '../../src/feed/feed-http'
import type { FeedError } from '../../src/feed/feed-error'
import type { CapAlert } from '../../src/alerts/cap-alert'
import { ManualClock } from '../../src/lib/clock'

const latin1Cap = (event: string) => {
  const text = `<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>X</identifier><sender>s</sender>
    <sent>2026-12-01T08:00:00Z</sent><status>Actual</status><msgType>Alert</msgType><info><event>${event}</event></info></alert>`
  return Uint8Array.from(text, (c) => c.charCodeAt(0)) // one byte per character: ISO-8859-1
}

function server(answers: Array<{ status?: number; body?: Uint8Array; type?: string; length?: number }>) {
  const requests: FeedRequestInit[] = []
  const fetch: FeedFetch = async (_url, init) => {
    requests.push(init)
    const a = answers.shift() ?? { status: 500 }
    const body = a.body ?? new Uint8Array()
    const headers = new Map<string, string>([['content-type', a.type ?? 'application/cap+xml; charset=ISO-8859-1']])
    if (a.length !== undefined) headers.set('content-length', String(a.length))
    return {
      status: a.status ?? 200,
      headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
      arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    }
  }
  return { fetch, requests }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('AlertPoller', () => {
  it('fetches with a safelisted Accept, decodes the declared charset, and polls again after the interval', async () => {
    const clock = new ManualClock(0)
    const s = server([{ body: latin1Cap('Sturmwarnung für Köln') }, { body: latin1Cap('Entwarnung') }])
    const poller = new AlertPoller({ url: 'https://cap.example/x.xml', intervalSeconds: 60, fetch: s.fetch, clock })
    const seen: CapAlert[][] = []
    poller.events.on('alerts', (a) => seen.push(a))
    poller.start()
    await settle()
    expect(seen.map((a) => a[0]!.infos[0]!.event)).toEqual(['Sturmwarnung für Köln'])
    expect(s.requests[0]!.headers).toEqual({ Accept: CAP_ACCEPT })
    expect(CAP_ACCEPT.length).toBeLessThanOrEqual(128)
    clock.advance(59_000)
    await settle()
    expect(seen).toHaveLength(1)
    clock.advance(1_000)
    await settle()
    expect(seen.map((a) => a[0]!.infos[0]!.event)).toEqual(['Sturmwarnung für Köln', 'Entwarnung'])
    poller.stop()
  })

  it('refuses a source over the size cap, and an HTTP error, as errors that name the cause', async () => {
    const clock = new ManualClock(0)
    const s = server([{ length: 3_000_000 }, { status: 404 }])
    const poller = new AlertPoller({ url: 'https://cap.example/x.xml', intervalSeconds: 60, fetch: s.fetch, clock, random: () => 0.5 })
    const errors: FeedError[] = []
    poller.events.on('error', (e) => errors.push(e))
    poller.start()
    await settle()
    clock.advance(5_000) // the first retry: backed off 5 s, not the whole interval
    await settle()
    expect(errors.map((e) => e.code)).toEqual(['too-large', 'http'])
    expect(errors[1]!.message).toMatch(/alert source answered HTTP 404/)
    poller.stop()
  })
})
