// @ts-check
/** Time to first video frame: the app vs a bare page with only hls.js and a <video>, same stream. */
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { throttledPage, median } from './browser.mjs'

/** Serves the bare baseline page and hls.js for it. */
export function bareHlsRoutes(root) {
  const files = {
    '/bench/bare.html': ['scripts/bench/bare-hls-page.html', 'text/html'],
    '/bench/hls.min.js': ['node_modules/hls.js/dist/hls.min.js', 'text/javascript'],
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

async function firstFrameMs(browser, url, read, throttle) {
  const { page, context } = await throttledPage(browser, throttle)
  await page.goto(url)
  await page.waitForFunction(read, null, { timeout: 30_000, polling: 50 })
  const ms = await page.evaluate(read)
  await context.close()
  return ms
}

export async function timeToFirstFrame(browser, serverUrl, throttle, runs, appPath = '/?automation=1') {
  const stream = `${serverUrl}/live/news/master.m3u8`
  const app = []
  const bare = []
  for (let i = 0; i < runs; i++) {
    // Alternate so drift in machine load hits both sides alike.
    bare.push(await firstFrameMs(browser, `${serverUrl}/bench/bare.html?stream=${encodeURIComponent(stream)}`, () => /** @type {any} */ (window).__ttff, throttle))
    app.push(await firstFrameMs(browser, `${serverUrl}${appPath}`, () => { const a = /** @type {any} */ (window).automation; return a && a.timeToFirstFrameMs() }, throttle))
  }
  return {
    appMedianMs: Math.round(median(app)),
    bareHlsMedianMs: Math.round(median(bare)),
    ratio: Number((median(app) / median(bare)).toFixed(3)),
    appRunsMs: app.map(Math.round),
    bareRunsMs: bare.map(Math.round),
  }
}

/** Gzipped JS per file in dist/, split into what the app wrote and what libraries brought. */
export function jsShipped(distDir) {
  const files = readdirSync(distDir).filter((f) => f.endsWith('.js'))
  const sizes = files.map((f) => ({ file: f, gzBytes: gzipSync(readFileSync(`${distDir}/${f}`), { level: 9 }).length }))
  return { files: sizes, totalGzBytes: sizes.reduce((a, b) => a + b.gzBytes, 0) }
}
