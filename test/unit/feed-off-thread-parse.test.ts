// @vitest-environment jsdom
/**
 * The feed parsed off the page's main thread (docs/feed.md): the worker's answer (xmldom, no
 * DOMParser) and the page's sliced parse (the platform DOMParser) give the same articles and the
 * same FeedError for every fixture and hostile input; a worker that cannot start or dies leaves
 * the headlines to the page.
 */
import { describe, it, expect } from 'vitest'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TextEncoder as NodeTextEncoder } from 'node:util'
import type { ParsedFeed } from '../../src/feed/article'
import { FeedError } from '../../src/feed/feed-error'
import { answerFeedParseRequest, type FeedParseReply, type FeedParseRequest } from '../../src/feed/feed-worker-handler'
import { offThreadFeedParser, type ParsedWhere } from '../../src/feed/off-thread-feed-parser'
import { parseFeedSteps, type FeedParseOptions } from '../../src/feed/parse-feed'
import { runInSlices } from '../../src/feed/parse-in-slices'
import { readFixtureBytes } from '../fixtures/feeds/read-fixture'
import { makeLargeRssFeed } from '../../scripts/bench/large-feed.mjs'

const encode = (text: string) => new NodeTextEncoder().encode(text)
const url = 'https://news.example.com/feed.rss'
const rss = (items: string, channelExtra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://news.example.com/</link>${channelExtra}${items}</channel></rss>`

/** A worker that runs the real handler, answering in a later task as a Worker does. */
function inProcessWorker(handle: (request: FeedParseRequest) => FeedParseReply = answerFeedParseRequest) {
  const worker = {
    onmessage: null as ((event: { data: FeedParseReply }) => void) | null,
    onerror: null as ((event: unknown) => void) | null,
    terminated: false,
    postMessage(request: FeedParseRequest) {
      const copy = structuredClone(request)
      setTimeout(() => worker.onmessage?.({ data: structuredClone(handle(copy)) }), 0)
    },
    terminate() {
      worker.terminated = true
    },
  }
  return worker
}

type Outcome = { where: ParsedWhere[]; feed?: ParsedFeed; error?: { name: string; code: string; message: string; status: number | null } }

async function parseWith(kind: 'worker' | 'page', bytes: Uint8Array, options: FeedParseOptions): Promise<Outcome> {
  const where: ParsedWhere[] = []
  const parse = offThreadFeedParser({ createWorker: () => (kind === 'worker' ? inProcessWorker() : null), onParsed: (w) => where.push(w) })
  try {
    return { where, feed: await parse(bytes, options) }
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError)
    const e = error as FeedError
    return { where, error: { name: e.name, code: e.code, message: e.message, status: e.status } }
  }
}

const fixtures = readdirSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/feeds')).filter((name) => /\.(rss|atom|json)$/.test(name))

const hostile: Array<[string, string, Partial<FeedParseOptions>?]> = [
  ['markup and hostile links', rss(`
      <item><title>&lt;script&gt;alert(1)&lt;/script&gt;Markets &lt;b&gt;rally&lt;/b&gt; &amp;amp; bonds</title>
        <link>javascript:alert(1)</link>
        <description><![CDATA[<img src="javascript:alert(1)" onerror="x()"><a href="javascript:alert(1)">Click</a> me<style>*{}</style>]]></description>
        <category>&lt;i&gt;Money&lt;/i&gt;</category><enclosure url="javascript:alert(1)" type="image/jpeg"/>
        <pubDate>Wed, 19 Nov 2025 14:38:00 EST</pubDate></item>
      <item><title>Disguised</title><link> JaVa&#9;ScRiPt:alert(1)</link><guid isPermaLink="false">d2</guid></item>
      <item><title>Relative</title><link>/money/story/</link><media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="/i.jpg"/></item>`)],
  ['Atom xhtml content and xml:base', `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/2025/"><title type="html">A &amp;lt;b&amp;gt;log</title>
      <entry xml:base="posts/"><id>x</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">T <b>bold</b></div></title><link href="one.html"/>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Safe &amp; sound</p><script>x()</script><img src="p.png"/></div></content></entry></feed>`],
  ['HTML entities XML does not define', '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">' +
      '<rss version="0.91"><channel><title>Old</title><item><title>Caf&eacute;&nbsp;open &mdash; &amp; busy</title><link>https://x.example/a</link></item></channel></rss>'],
  ['prefixes in any case', `<rss version="2.0" xmlns:DC="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
      <item><title>One</title><DC:creator>Ann</DC:creator><c:encoded><![CDATA[<p>Body</p>]]></c:encoded><DC:date>2025-11-19T10:00:00Z</DC:date></item></channel></rss>`],
  ['a billion-laughs DOCTYPE', `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b"><!ENTITY c "&a;&a;">]>${rss('<item><title>&c;</title></item>')}`],
  ['truncated XML', rss('<item><title>Cut off').slice(0, -30)],
  ['an undeclared prefix', rss('<item><title>One</title><dc:creator>Ann</dc:creator></item>')],
  ['a stray ampersand', rss('<item><title>Fish & chips</title></item>')],
  ['an ampersand in CDATA and a comment', rss('<item><title><![CDATA[Fish & chips ]] >]]></title><!-- & ]]> --></item>')],
  ['a control character', rss('<item><title>x\u0001y</title></item>')],
  ['a reference to NUL', rss('<item><title>&#0;</title></item>')],
  ['"]]>" in text', rss('<item><title>a ]]> b</title></item>')],
  ['an unquoted attribute', rss('<item><title a=1>x</title></item>')],
  ['an attribute without a value', rss('<item><title checked>x</title></item>')],
  ['two roots', `${rss('')}<rss/>`],
  ['an HTML page', '<html><body><p>Hi</p></body></html>'],
  ['an HTML5 doctype', '<!DOCTYPE html><html><body><br></body></html>'],
  ['plain text', 'Service Unavailable'],
  ['nothing', ' \n\ufeff '],
  ['an empty channel', rss('')],
  ['a self-closed rss', '<rss version="2.0"/>'],
  ['bad dates and duplicates', rss(`<item><title>A</title><guid>1</guid><pubDate>yesterday</pubDate></item><item><title>B</title><guid>1</guid></item>
      <item><title>C</title><link>https://x.example/c</link><pubDate>Wed, 19 Nov 2025 14:38:00 GMT</pubDate></item>`)],
  ['breaking prefix and section map', rss('<item><title>URGENT: Floods</title><category>us-news</category></item>'), { breakingPrefix: 'URGENT', sectionMap: { 'US-News': 'Newsfront' } }],
  ['JSON that is not a feed', '{"version":"1","items":[]}'],
  ['broken JSON', '{"version":'],
  ['too large', makeLargeRssFeed({ items: 30 }), { maxBytes: 10_000 }],
  ['1 000 items, 200 kept', makeLargeRssFeed({ items: 1000 })],
]

describe('the feed worker and the page read every feed the same', () => {
  it.each(fixtures)('fixture %s', async (name) => {
    const bytes = readFixtureBytes(name)
    const options = { url: `https://feeds.example.org/${name}`, contentType: name.includes('latin1') ? 'application/rss+xml' : null }
    const [inWorker, onPage] = [await parseWith('worker', bytes, options), await parseWith('page', bytes, options)]
    expect(onPage.where).toEqual(['page'])
    // A well-formed real feed is read by the worker itself, not handed back to the page.
    expect(inWorker.where).toEqual(['worker'])
    expect(inWorker).toEqual({ ...onPage, where: ['worker'] })
  })

  it.each(hostile)('%s', async (_, text, extra = {}) => {
    const options = { url, ...extra }
    const [inWorker, onPage] = [await parseWith('worker', encode(text), options), await parseWith('page', encode(text), options)]
    expect(inWorker.feed).toEqual(onPage.feed)
    expect(inWorker.error).toEqual(onPage.error)
  })

  it('windows-1252 bytes named only in the HTTP header', async () => {
    const [head, tail] = rss('<item><title>Caf|</title></item>').split('|')
    const bytes = new Uint8Array([...encode(head!), 0xe9, 0x20, 0x93, 0x71, 0x94, ...encode(tail!)])
    const options = { url, contentType: 'application/rss+xml; charset=windows-1252' }
    const inWorker = await parseWith('worker', bytes, options)
    expect(inWorker.where).toEqual(['worker'])
    expect(inWorker.feed!.articles[0]!.title).toBe('Café “q”')
    expect(inWorker.feed).toEqual((await parseWith('page', bytes, options)).feed)
  })

  it('a clean feed with CDATA, comments and references is read in the worker itself', async () => {
    const text = rss('<item><title><![CDATA[Fish & chips]]></title><!-- a & b --><description>&#233;&#x2014;&amp;</description></item>')
    const outcome = await parseWith('worker', encode(text), { url })
    expect(outcome.where).toEqual(['worker'])
    expect(outcome.feed!.articles[0]).toMatchObject({ title: 'Fish & chips', summary: 'é—&' })
  })

  it('XML the worker refuses is judged by the page, in its words', async () => {
    const reply = answerFeedParseRequest({ id: 7, bytes: encode(rss('<item><title>Cut off').slice(0, -30)), options: { url } })
    expect(reply).toEqual({ id: 7, kind: 'page' })
    const outcome = await parseWith('worker', encode(rss('<item><title>Cut off').slice(0, -30)), { url })
    expect(outcome.where).toEqual(['page'])
    expect(outcome.error?.message).toMatch(/^the feed is not well-formed XML \(/)
  })
})

describe('when the worker cannot help, the page parses', () => {
  const text = makeLargeRssFeed({ items: 50 })

  it('a worker the engine refuses to start (a file:// page)', async () => {
    const where: ParsedWhere[] = []
    const parse = offThreadFeedParser({ createWorker: () => { throw new Error('SecurityError') }, onParsed: (w) => where.push(w) })
    expect((await parse(encode(text), { url })).articles).toHaveLength(50)
    expect(where).toEqual(['page'])
  })

  it('a worker that fails to load: what it had is parsed on the page, and so is what follows', async () => {
    const where: ParsedWhere[] = []
    const worker = inProcessWorker(() => { throw new Error('never answers') })
    worker.postMessage = () => setTimeout(() => worker.onerror?.({ message: 'feed.worker.js: 404' }), 0)
    const parse = offThreadFeedParser({ createWorker: () => worker, onParsed: (w) => where.push(w) })
    expect((await parse(encode(text), { url })).articles).toHaveLength(50)
    expect(worker.terminated).toBe(true)
    expect((await parse(encode(text), { url })).articles).toHaveLength(50)
    expect(where).toEqual(['page', 'page'])
  })

  it('a parse the poller gave up on stops the worker; the next poll gets a new one', async () => {
    const made: ReturnType<typeof inProcessWorker>[] = []
    const parse = offThreadFeedParser({
      createWorker: () => {
        const worker = inProcessWorker()
        if (made.length === 0) worker.postMessage = () => {} // stuck
        made.push(worker)
        return worker
      },
      onParsed: () => {},
    })
    const controller = new AbortController()
    const stuck = parse(encode(text), { url }, controller.signal)
    controller.abort()
    await expect(stuck).rejects.toThrow(/stopped/)
    expect(made[0]!.terminated).toBe(true)
    expect((await parse(encode(text), { url })).articles).toHaveLength(50)
    expect(made).toHaveLength(2)
  })
})

describe('runInSlices', () => {
  it('spreads a long parse over many tasks, none running past its slice', async () => {
    let clock = 0
    const tasks: number[] = []
    let stepsThisTask = 0
    const feed = await runInSlices(parseFeedSteps(makeLargeRssFeed({ items: 300 }), { url, maxItems: 300 }), {
      sliceMs: 8,
      // Every step "takes" 1 ms on this clock.
      now: () => (stepsThisTask++, clock++),
      later: (next) => {
        tasks.push(stepsThisTask)
        stepsThisTask = 0
        setTimeout(next, 0)
      },
    })
    expect(feed.articles).toHaveLength(300)
    // ~600 steps (300 entries read, 300 cleaned) at ~8 per slice.
    expect(tasks.length).toBeGreaterThan(60)
    expect(Math.max(...tasks)).toBeLessThanOrEqual(10)
  })
})
