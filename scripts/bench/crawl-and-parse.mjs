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
