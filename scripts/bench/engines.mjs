// @ts-check
/**
 * Figures per TV engine: the app on real Chromium 79 (webOS 6; raw DevTools protocol,
 * scripts/engines/cdp.mjs) and on WPE WebKit 2.38 (RDK boxes; WebDriver + headless cog,
 * scripts/engines/webdriver.mjs), each against baselines on the same engine in the same run:
 *
 * - time to first frame, app vs the bare hls.js page (median of `runs`, alternating, each load in
 *   a freshly started engine: cold caches, as the Playwright rows' fresh contexts);
 * - crawl frame pacing (the rAF measurement of crawlFramePacing), app vs the bare Lightning page:
 *   Lightning core alone, one text moving at the crawl's speed over the same bare hls.js video.
 *
 * No CPU throttle here: WebDriver has nothing like the DevTools CPU throttle the Playwright rows
 * use, so WPE runs at this machine's full speed, and Chromium 79 is left unthrottled alike. Compare
 * app with baseline on one engine, not with the throttled rows. Each engine draws with software GL
 * (no GPU here: SwiftShader in Chromium 79, Mesa in WPE), and cog's headless view (0.16) hands out
 * frames at most 30 times a second, bare page or app; its view is 800×600 (the app's stage and
 * canvas stay 1920×1080).
 */
import { ensureOldChromium } from '../engines/old-chromium.mjs'
import { CdpPage, launchEngine } from '../engines/cdp.mjs'
import { launchWpe } from '../engines/webdriver.mjs'
import { frameDeltasExpression, pacingFigures } from './crawl-and-parse.mjs'
import { APP_TTFF_EXPRESSION, BARE_TTFF_EXPRESSION, bareHlsUrl, bareLightningUrl, ttffFigures } from './ttff.mjs'

/**
 * One page in a freshly started engine. `evaluate` takes an ES5 expression (a promise is awaited).
 * @typedef {{ navigate(url: string): Promise<void>, evaluate<T>(expression: string): Promise<T>, close(): Promise<void> }} EngineTab
 * @typedef {{ key: string, name: string, open(): Promise<EngineTab & { version: string }> }} Engine
 */

/** @type {Engine[]} */
const BENCH_ENGINES = [
  {
    key: 'chromium79',
    name: 'Chromium 79',
    async open() {
      const engine = await ensureOldChromium(79)
      const running = await launchEngine(engine)
      try {
        const page = await CdpPage.connect(running.port)
        return {
          version: `Chromium ${engine.version}`,
          navigate: (url) => page.navigate(url),
          evaluate: (expression) => page.evaluate(expression),
          async close() {
            await page.close()
            await running.close()
          },
        }
      } catch (error) {
        await running.close()
        throw error
      }
    },
  },
  {
    key: 'wpe',
    name: 'WPE',
    async open() {
      const session = await launchWpe()
      return {
        version: `WPE WebKit ${String(session.capabilities.browserVersion)}`,
        navigate: (url) => session.navigate(url),
        async evaluate(expression) {
          /** @type {{ value?: any, error?: string }} */
          const answer = await session.executeAsync(
            `var done = arguments[arguments.length - 1];
            Promise.resolve(${expression}).then(function (value) { done({ value: value }) }, function (error) { done({ error: String(error && error.stack || error) }) });`,
          )
          if (answer.error) throw new Error(`evaluate(${expression.slice(0, 80)}): ${answer.error}`)
          return answer.value
        },
        close: () => session.close(),
      }
    },
  },
]

/** Whether the app shows its crawl over the playing picture (openPlayingApp's test). */
const APP_CRAWLING = `(function () {
  var a = window.automation;
  if (!a) return false;
  var s = a.snapshot();
  return s.player.state === 'playing' && s.ticker.items.length > 0;
})()`
/** Whether the bare Lightning page shows its moving text over the playing picture. */
const BARE_CRAWLING = 'window.__ttff !== null && window.__crawlFrames > 0'
const FIRST_FRAME_RULE = "typeof document.createElement('video').requestVideoFrameCallback === 'function' ? 'requestVideoFrameCallback' : 'timeupdate'"

/**
 * Asks until `expression` is truthy; returns its value.
 * @param {EngineTab} tab
 * @param {string} expression
 * @param {string} what
 */
async function until(tab, expression, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await tab.evaluate(expression)
    if (value) return value
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`)
    // The figures are kept in the page: asking seldom disturbs the page less, and loses nothing.
    await new Promise((r) => setTimeout(r, 250))
  }
}

/**
 * Opens `url` in a freshly started engine, runs `measure`, and ends the engine whatever happens.
 * @template T
 * @param {Engine} engine
 * @param {string} url
 * @param {(tab: EngineTab & { version: string }) => Promise<T>} measure
 */
async function inFreshEngine(engine, url, measure) {
  const tab = await engine.open()
  try {
    await tab.navigate(url)
    return await measure(tab)
  } finally {
    await tab.close()
  }
}

/**
 * TTFF, app vs bare hls.js page: `runs` of each, alternating so drift in machine load hits both
 * sides alike. Also says which first-frame rule the engine's pages use (both use the same).
 * @param {Engine} engine
 * @param {{ serverUrl: string, appUrl: string, runs: number }} options
 */
async function engineTtff(engine, { serverUrl, appUrl, runs }) {
  let version = engine.name
  let firstFrameRule = ''
  /** @type {number[]} */
  const app = []
  /** @type {number[]} */
  const bare = []
  for (let i = 0; i < runs; i++) {
    bare.push(await inFreshEngine(engine, bareHlsUrl(serverUrl), async (tab) => {
      version = tab.version
      firstFrameRule = await tab.evaluate(FIRST_FRAME_RULE)
      return until(tab, BARE_TTFF_EXPRESSION, 'first frame on the bare hls.js page')
    }))
    app.push(await inFreshEngine(engine, appUrl, (tab) => until(tab, APP_TTFF_EXPRESSION, 'first frame in the app')))
  }
  return { engine: version, firstFrameRule, ...ttffFigures(app, bare) }
}

/**
 * Crawl frame pacing, app vs bare Lightning page: `rounds` × `seconds` of rAF frames each
 * (alternating, pooled), once the moving text is over the playing picture.
 * @param {Engine} engine
 * @param {{ serverUrl: string, appUrl: string, speedPxPerSecond: number, seconds?: number, rounds?: number }} options
 */
async function engineCrawl(engine, { serverUrl, appUrl, speedPxPerSecond, seconds = 10, rounds = 2 }) {
  const frameTimes = (/** @type {string} */ ready, /** @type {string} */ what) => async (/** @type {EngineTab} */ tab) => {
    await until(tab, ready, what, 60_000)
    return /** @type {number[]} */ (await tab.evaluate(frameDeltasExpression(seconds * 1000)))
  }
  /** @type {number[]} */
  const bare = []
  /** @type {number[]} */
  const app = []
  for (let i = 0; i < rounds; i++) {
    bare.push(...(await inFreshEngine(engine, bareLightningUrl(serverUrl, speedPxPerSecond), frameTimes(BARE_CRAWLING, 'moving text on the bare Lightning page'))))
    app.push(...(await inFreshEngine(engine, appUrl, frameTimes(APP_CRAWLING, 'crawl over the playing picture in the app'))))
  }
  const appFigures = pacingFigures(app)
  const bareFigures = pacingFigures(bare)
  return {
    app: appFigures,
    bareLightning: bareFigures,
    fpsRatio: Number((appFigures.medianFps / bareFigures.medianFps).toFixed(2)),
    meanFpsRatio: Number((appFigures.meanFps / bareFigures.meanFps).toFixed(2)),
    p99Ratio: Number((appFigures.p99FrameMs / bareFigures.p99FrameMs).toFixed(2)),
  }
}

/**
 * A part's figures, or why there are none: one part failing on one engine does not end the bench.
 * @template T
 * @param {() => Promise<T>} part
 * @returns {Promise<T | { error: string }>}
 */
async function orError(part) {
  try {
    return await part()
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) }
  }
}

/**
 * The figures on every engine, one engine at a time.
 * @param {{ serverUrl: string, appUrl: string, runs: number, speedPxPerSecond: number }} options
 */
export async function engineBench(options) {
  const started = Date.now()
  /** @type {Record<string, any>} */
  const engines = {}
  for (const engine of BENCH_ENGINES) {
    const engineStarted = Date.now()
    const ttff = await orError(() => engineTtff(engine, options))
    const crawl = await orError(() => engineCrawl(engine, options))
    engines[engine.key] = { name: engine.name, ttff, crawl, seconds: Math.round((Date.now() - engineStarted) / 1000) }
  }
  return { cpuThrottle: 'none', engines, seconds: Math.round((Date.now() - started) / 1000) }
}

/**
 * The report's rows for the engine figures.
 * @param {Record<string, any>} figures engineBench's result
 * @returns {string[][]}
 */
export function engineRows(figures) {
  const rows = [[`TV engines (${figures.seconds} s), no CPU throttle: WPE's WebDriver has none, Chromium 79 left alike`, '']]
  for (const e of Object.values(figures.engines)) {
    const { ttff, crawl } = e
    rows.push([
      `${e.name}: TTFF app / bare hls.js (median)`,
      ttff.error ? `not measured: ${ttff.error}` : `${ttff.appMedianMs} ms / ${ttff.bareHlsMedianMs} ms, ${ttff.ratio}`,
    ])
    rows.push([
      `${e.name}: crawl fps / p99, app vs bare Lightning`,
      crawl.error
        ? `not measured: ${crawl.error}`
        : `${crawl.app.medianFps} fps / ${crawl.app.p99FrameMs} ms vs ${crawl.bareLightning.medianFps} fps / ${crawl.bareLightning.p99FrameMs} ms (fps ratio ${crawl.fpsRatio}; mean ${crawl.meanFpsRatio})`,
    ])
  }
  return rows
}
