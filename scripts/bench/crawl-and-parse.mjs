// @ts-check
/** Crawl frame pacing over the playing video (throttled) and feed parse time in Chromium. */
import { openPlayingApp, throttledPage, median, percentile } from './browser.mjs'
import { makeLargeRssFeed } from './large-feed.mjs'

/** rAF frame times for `seconds` while the crawl runs over the playing picture. */
export async function crawlFramePacing(browser, appUrl, throttle, seconds = 10) {
  const { page, context } = await openPlayingApp(browser, appUrl, throttle)
  const deltas = await page.evaluate((ms) => new Promise((resolve) => {
    const out = []
    let last = 0
    const end = performance.now() + ms
    const frame = (t) => {
      if (last) out.push(t - last)
      last = t
      if (t < end) requestAnimationFrame(frame)
      else resolve(out)
    }
    requestAnimationFrame(frame)
  }), seconds * 1000)
  await context.close()
  const fps = deltas.map((d) => 1000 / d)
  return { medianFps: Number(median(fps).toFixed(1)), p99FrameMs: Number(percentile(deltas, 99).toFixed(1)), frames: deltas.length }
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
