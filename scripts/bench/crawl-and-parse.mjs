// @ts-check
/** Crawl frame pacing over the playing video (throttled) and feed parse time in Chromium. */
import { openPlayingApp, throttledPage, median, percentile } from './browser.mjs'
import { makeLargeRssFeed } from './large-feed.mjs'

/**
 * The in-page measurement, as an ES5 expression every engine can evaluate (Playwright, the raw
 * DevTools client, WebDriver): a promise of the rAF frame-to-frame times over `ms` milliseconds.
 * @param {number} ms
 */
export function frameDeltasExpression(ms) {
  return `new Promise(function (resolve) {
    var out = [], last = 0, end = performance.now() + ${Number(ms)};
    function frame(t) {
      if (last) out.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(frame);
      else resolve(out);
    }
    requestAnimationFrame(frame);
  })`
}

/**
 * Median fps and p99 frame time of rAF frame times; and the mean fps (frames per second of the
 * whole), which moves with every frame dropped where the median jumps between vsync steps.
 * @param {number[]} deltas
 */
export function pacingFigures(deltas) {
  const fps = deltas.map((d) => 1000 / d)
  const totalMs = deltas.reduce((a, b) => a + b, 0)
  return {
    medianFps: Number(median(fps).toFixed(1)),
    p99FrameMs: Number(percentile(deltas, 99).toFixed(1)),
    meanFps: Number(((deltas.length * 1000) / totalMs).toFixed(1)),
    frames: deltas.length,
  }
}

/** rAF frame times for `seconds` while the crawl runs over the playing picture. */
export async function crawlFramePacing(browser, appUrl, throttle, seconds = 10) {
  const { page, context } = await openPlayingApp(browser, appUrl, throttle)
  const deltas = await page.evaluate(frameDeltasExpression(seconds * 1000))
  await context.close()
  return pacingFigures(deltas)
}

/** Median time to parse an N-item RSS feed with the app's own parser, in the page, unthrottled. */
export async function feedParseTime(browser, appUrl, items = 1000, runs = 7) {
  const { page, context } = await throttledPage(browser, 1)
  await page.goto(appUrl)
  await page.waitForFunction(() => /** @type {any} */ (window).automation, null, { timeout: 30_000 })
  const text = makeLargeRssFeed({ items })
  const times = []
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(([t]) => /** @type {any} */ (window).automation.bench.parseFeed(t, 'https://news.example.com/feed.rss'), [text])
    if (r.articles !== items) throw new Error(`parsed ${r.articles} of ${items} items`)
    times.push(r.ms)
  }
  await context.close()
  return { items, bytes: text.length, medianMs: Number(median(times).toFixed(1)) }
}

/**
 * The longest task on the page's main thread while the app fetches and parses an `items`-item feed
 * and puts it in the crawl, over the playing picture, CPU-throttled: Chromium's own trace
 * (RunTask events on the renderer's main thread, CrRendererMain), so every task counts, not only
 * those over 50 ms that PerformanceObserver('longtask') reports. The feed comes from a plain
 * CORS-"*" host: a 3-item feed at start-up, then, once the app plays, the big one, fetched by
 * automation.bench.refreshFeed(). Each run is also measured over the same window with the small
 * feed refreshed instead (no parse worth the name), so what the parse adds can be told apart.
 * `withoutWorker`: Worker deleted before the app starts, as on an engine that has none.
 * @param {import('playwright-core').Browser} browser
 * @param {string} appUrl  the app with ?automation=1
 * @param {number} throttle
 */
export async function feedParseLongestTask(browser, appUrl, throttle, items = 1000, runs = 3, windowMs = 8000, withoutWorker = false) {
  const { createServer } = await import('node:http')
  const small = makeLargeRssFeed({ items: 3 })
  const large = makeLargeRssFeed({ items })
  let body = small
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'no-store' }).end(body)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  const feedUrl = `http://127.0.0.1:${address.port}/feed.rss`
  const url = `${appUrl}&feed=${encodeURIComponent(feedUrl)}&feedPoll=600`
  const withParse = []
  const without = []
  let where = 'unknown'
  try {
    for (let run = 0; run < runs; run++) {
      body = small
      const { page, context, cdp } = await openPlayingApp(browser, url, throttle)
      if (withoutWorker) {
        // As an engine without Worker: the app parses on the page, in slices.
        await context.addInitScript(() => { delete /** @type {any} */ (window).Worker })
        await page.reload()
        await page.waitForFunction(() => {
          const a = /** @type {any} */ (window).automation
          const s = a && a.snapshot()
          return s && s.player.state === 'playing' && s.ticker.items.length > 0
        }, null, { timeout: 60_000, polling: 250 })
      }
      await page.waitForTimeout(2000) // start-up's own tasks settle
      await longestMainThreadTask(page, cdp, 500, false) // the first trace of a page starts slowly
      without.push(await longestMainThreadTask(page, cdp, windowMs))
      body = large
      withParse.push(await longestMainThreadTask(page, cdp, windowMs))
      const shown = await page.evaluate(() => /** @type {any} */ (window).automation.snapshot().ticker.items)
      if (!shown.some((title) => /^Story \d+:/.test(title))) throw new Error(`the ${items}-item feed did not reach the crawl within ${windowMs} ms`)
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('feed parsed')))
      where = marks.length ? marks[marks.length - 1].replace('feed parsed ', '') : 'on page, in one task (no marks: a build before the feed worker)'
      await context.close()
    }
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(() => resolve(undefined)))
  }
  const ms = (/** @type {number[]} */ xs) => Number(median(xs).toFixed(1))
  return {
    items,
    bytes: large.length,
    throttle,
    where,
    longestTaskMs: ms(withParse.map((x) => x.all)),
    longestNonCommitTaskMs: ms(withParse.map((x) => x.notCommit)),
    worstNonCommitTaskMs: Number(Math.max(...withParse.map((x) => x.notCommit)).toFixed(1)),
    /** The task that received the feed worker's answer (0 when the page parsed). */
    workerAnswerTaskMs: ms(withParse.map((x) => x.workerAnswer)),
    withoutParse: { longestTaskMs: ms(without.map((x) => x.all)), longestNonCommitTaskMs: ms(without.map((x) => x.notCommit)) },
  }
}

/**
 * Traces `windowMs` from a feed refresh. Returns the longest RunTask on the page's main thread
 * (CrRendererMain), ms, and the longest apart from compositor commits: at 4x throttle Chromium's
 * Commit of the 1080p frame alone takes 40–90 ms a few times a second, feed or no feed, and is
 * no script's doing; the second figure is what the app's own tasks (the parse among them) cost.
 */
async function longestMainThreadTask(page, cdp, windowMs, refresh = true) {
  /** @type {any[]} */
  const events = []
  cdp.on('Tracing.dataCollected', (data) => events.push(...data.value))
  await cdp.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline,devtools.timeline', transferMode: 'ReportEvents' })
  if (refresh) await page.evaluate(() => /** @type {any} */ (window).automation.bench.refreshFeed())
  await page.waitForTimeout(windowMs)
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.end')
  await done
  cdp.removeAllListeners('Tracing.dataCollected')
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`))
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
  const commits = onMain.filter((e) => e.name === 'Commit')
  const messages = onMain.filter((e) => e.name === 'HandlePostMessage')
  const calls = onMain.filter((e) => e.name === 'FunctionCall')
  const within = (task, e) => e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur
  let all = 0
  let notCommit = 0
  let workerAnswer = 0
  for (const task of tasks) {
    const ms = (task.dur ?? 0) / 1000
    all = Math.max(all, ms)
    const commitUs = commits.filter((c) => within(task, c)).reduce((sum, c) => sum + (c.dur ?? 0), 0)
    if (commitUs < (task.dur ?? 0) / 2) notCommit = Math.max(notCommit, ms)
    // The task that takes the feed worker's answer (and hands the articles to the crawl): a
    // message task whose script is not hls.js's transmuxer (TransmuxerInterface.onWorkerMessage).
    const script = calls.filter((c) => within(task, c))
    if (messages.some((m) => within(task, m)) && script.length && !script.some((c) => /onWorkerMessage/.test(c.args?.data?.functionName ?? ''))) {
      workerAnswer = Math.max(workerAnswer, ms)
    }
  }
  return { all, notCommit, workerAnswer }
}
