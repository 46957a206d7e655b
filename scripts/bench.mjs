#!/usr/bin/env node
// The performance report: runs the built app and baselines in Debian's Chromium under 4x CPU
// throttle and prints figures (never asserts them: machines are shared and noisy, so compare ratios).
// Usage: npm run bench [-- --runs 5]
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startDemoServer } from './server/index.mjs'
import { demoRoutes } from './server/demo-routes.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5
const THROTTLE = 4
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--autoplay-policy=no-user-gesture-required']

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

/** Serves the bare baseline page and hls.js for it. */
function benchRoutes() {
  return [
    (req, res, url) => {
      const files = {
        '/bench/bare.html': ['scripts/bench/bare-hls-page.html', 'text/html'],
        '/bench/hls.min.js': ['node_modules/hls.js/dist/hls.min.js', 'text/javascript'],
      }
      const file = files[url.pathname]
      if (!file) return false
      res.writeHead(200, { 'content-type': file[1] })
      res.end(readFileSync(`${root}${file[0]}`))
      return true
    },
  ]
}

async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
  return { page, context, cdp }
}

async function timeToFirstFrame(browser, url, read) {
  const { page, context } = await throttledPage(browser)
  await page.goto(url)
  await page.waitForFunction(read, null, { timeout: 30_000, polling: 50 })
  const ms = await page.evaluate(read)
  await context.close()
  return ms
}

function jsShipped() {
  const dist = `${root}dist`
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'))
  const sizes = files.map((f) => ({ file: f, gz: gzipSync(readFileSync(`${dist}/${f}`), { level: 9 }).length }))
  return { files: sizes, totalGz: sizes.reduce((a, b) => a + b.gz, 0) }
}

export async function runBench() {
  const started = await startDemoServer({ port: 0, distDir: `${root}dist`, staticDir: `${root}static`, routes: [...benchRoutes(), ...demoRoutes()] })
  const server = { url: String(started.url).replace(/\/$/, ""), close: () => started.close() }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS })
  const report = { date: new Date().toISOString(), cpuThrottle: THROTTLE, runs: RUNS, figures: {} }
  try {
    const stream = `${server.url}/live/news/master.m3u8`
    const app = []
    const bare = []
    for (let i = 0; i < RUNS; i++) {
      // Alternate so drift in machine load hits both sides alike.
      bare.push(await timeToFirstFrame(browser, `${server.url}/bench/bare.html?stream=${encodeURIComponent(stream)}`, () => window.__ttff))
      app.push(await timeToFirstFrame(browser, `${server.url}/?automation=1`, () => window.automation && window.automation.timeToFirstFrameMs()))
    }
    report.figures.timeToFirstFrame = {
      appMedianMs: Math.round(median(app)),
      bareHlsMedianMs: Math.round(median(bare)),
      ratio: Number((median(app) / median(bare)).toFixed(3)),
      appRunsMs: app.map(Math.round),
      bareRunsMs: bare.map(Math.round),
    }
    report.figures.jsShipped = jsShipped()
  } finally {
    await browser.close()
    await server.close()
  }
  return report
}

function printReport(report) {
  const f = report.figures
  const rows = [
    ['Time to first frame, app (median)', `${f.timeToFirstFrame.appMedianMs} ms`],
    ['Time to first frame, bare hls.js page (median)', `${f.timeToFirstFrame.bareHlsMedianMs} ms`],
    ['TTFF ratio app / bare (goal ≤ 1.10)', String(f.timeToFirstFrame.ratio)],
    ['JS shipped, gzipped (all files)', `${(f.jsShipped.totalGz / 1024).toFixed(1)} KiB`],
    ...f.jsShipped.files.map((x) => [`  ${x.file}`, `${(x.gz / 1024).toFixed(1)} KiB gz`]),
  ]
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`\nBenchmark (${report.runs} runs each, CPU throttle ${report.cpuThrottle}x, ${report.date})`)
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
}

const report = await runBench()
printReport(report)
mkdirSync(`${root}bench-results`, { recursive: true })
writeFileSync(`${root}bench-results/latest.json`, JSON.stringify(report, null, 2))
console.log('\nWrote bench-results/latest.json')
