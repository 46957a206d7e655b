// @ts-check
/** Time to first video frame: the app vs a bare page with only hls.js and a <video>, same stream. */
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { throttledPage, median } from './browser.mjs'

/**
 * Serves the baseline pages and what they load: the bare hls.js page (TTFF) and the bare Lightning
 * page (crawl frame pacing: Lightning core's ES5 build, one moving text over the same video).
 */
export function barePageRoutes(root) {
  const files = {
    '/bench/bare.html': ['scripts/bench/bare-hls-page.html', 'text/html'],
    '/bench/bare-lightning.html': ['scripts/bench/bare-lightning-page.html', 'text/html'],
    '/bench/bare-video.js': ['scripts/bench/bare-video.js', 'text/javascript'],
    '/bench/hls.min.js': ['node_modules/hls.js/dist/hls.min.js', 'text/javascript'],
    '/bench/lightning.min.js': ['node_modules/@lightningjs/core/dist/lightning.es5.min.js', 'text/javascript'],
  }
  return [
    (req, res, url) => {
      const file = files[url.pathname]
      if (!file) return false
      res.writeHead(200, { 'content-type': file[1] })
      res.end(readFileSync(`${root}${file[0]}`))
      return true
    },
  ]
}

/** @param {string} read an expression, null until the first frame */
async function firstFrameMs(browser, url, read, throttle) {
  const { page, context } = await throttledPage(browser, throttle)
  await page.goto(url)
  await page.waitForFunction(read, null, { timeout: 30_000, polling: 50 })
  const ms = await page.evaluate(read)
  await context.close()
  return ms
}

/** ?stream= for the baseline pages: the demo channel. @param {string} serverUrl */
const demoStream = (serverUrl) => `stream=${encodeURIComponent(`${serverUrl}/live/news/master.m3u8`)}`

/** The bare hls.js page on the demo channel. @param {string} serverUrl */
export const bareHlsUrl = (serverUrl) => `${serverUrl}/bench/bare.html?${demoStream(serverUrl)}`

/**
 * The bare Lightning page: the bare hls.js video with one text moving at `speedPxPerSecond`.
 * @param {string} serverUrl
 * @param {number} speedPxPerSecond
 */
export const bareLightningUrl = (serverUrl, speedPxPerSecond) => `${serverUrl}/bench/bare-lightning.html?${demoStream(serverUrl)}&speed=${speedPxPerSecond}`

/** ES5 expressions for the time to first frame, null until there is one: the app's, and a bare page's. */
export const APP_TTFF_EXPRESSION = 'window.automation ? window.automation.timeToFirstFrameMs() : null'
export const BARE_TTFF_EXPRESSION = 'window.__ttff'

/**
 * Medians and their ratio, app over bare, of runs in milliseconds.
 * @param {number[]} app
 * @param {number[]} bare
 */
export function ttffFigures(app, bare) {
  return {
    appMedianMs: Math.round(median(app)),
    bareHlsMedianMs: Math.round(median(bare)),
    ratio: Number((median(app) / median(bare)).toFixed(3)),
    appRunsMs: app.map(Math.round),
    bareRunsMs: bare.map(Math.round),
  }
}

export async function timeToFirstFrame(browser, serverUrl, throttle, runs, appPath = '/?automation=1') {
  const app = []
  const bare = []
  for (let i = 0; i < runs; i++) {
    // Alternate so drift in machine load hits both sides alike.
    bare.push(await firstFrameMs(browser, bareHlsUrl(serverUrl), BARE_TTFF_EXPRESSION, throttle))
    app.push(await firstFrameMs(browser, `${serverUrl}${appPath}`, APP_TTFF_EXPRESSION, throttle))
  }
  return ttffFigures(app, bare)
}

/** Gzipped JS per file in dist/, split into what the app wrote and what libraries brought. */
export function jsShipped(distDir) {
  const files = readdirSync(distDir).filter((f) => f.endsWith('.js'))
  const sizes = files.map((f) => ({ file: f, gzBytes: gzipSync(readFileSync(`${distDir}/${f}`), { level: 9 }).length }))
  return { files: sizes, totalGzBytes: sizes.reduce((a, b) => a + b.gzBytes, 0) }
}
