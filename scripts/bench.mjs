#!/usr/bin/env node
// @ts-check
/**
 * The performance report: the built app in Debian's Chromium, CPU-throttled 4x (CDP
 * Emulation.setCPUThrottlingRate), compared with baselines where that makes sense. Prints a table
 * and writes bench-results/latest.json. It never asserts: these machines are shared and noisy.
 * The `engines` part runs on real TV engines instead (Chromium 79, WPE WebKit; scripts/bench/engines.mjs),
 * unthrottled, after Debian's Chromium has closed: one browser at a time.
 * The `dev` part times the dev loop instead: `npm start` and `npm run dev` (scripts/bench/dev-loop.mjs).
 * Usage: npm run bench [-- --runs 5] [-- --only ttff,crawl,parse,keys,recovery,soak,engines,dev] [-- --window 300]
 * --window: segments per demo live playlist (its DVR window; default the demo server's 6, `npm start` keeps 300).
 * DIST_DIR=<dir> benches another build (OUT_DIR=<dir> npm run build) instead of dist/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startDemoServer } from './server/index.mjs'
import { demoRoutes } from './server/demo-routes.mjs'
import { launch } from './bench/browser.mjs'
import { timeToFirstFrame, jsShipped, barePageRoutes } from './bench/ttff.mjs'
import { crawlFramePacing, feedParseTime, feedParseLongestTask } from './bench/crawl-and-parse.mjs'
import { keyLatency } from './bench/key-latency.mjs'
import { recoveryTimes, soak } from './bench/recovery-and-soak.mjs'
import { ownCodeSize } from './bench/own-code-size.mjs'
import { legacyPageRoutes } from './server/legacy-page.mjs'
import { engineBench, engineRows } from './bench/engines.mjs'
import { devLoopBench, devLoopRows } from './bench/dev-loop.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const RUNS = Number(arg('runs', '5'))
const ONLY = new Set(arg('only', 'ttff,crawl,parse,keys,recovery,soak,engines,dev').split(','))
const THROTTLE = 4
const WINDOW_SIZE = arg('window', null)
const distDir = process.env.DIST_DIR || `${root}dist`
/** The crawl's speed, for the bare Lightning page's moving text. */
const CRAWL_SPEED = JSON.parse(readFileSync(`${root}settings.json`, 'utf8')).appSettings.ticker.speedPxPerSecond

const windowOptions = WINDOW_SIZE ? { windowSize: Number(WINDOW_SIZE), prerollSeconds: Math.max(60, Number(WINDOW_SIZE) * 2) } : {}
const started = await startDemoServer({ port: 0, distDir, staticDir: `${root}static`, routes: [...barePageRoutes(root), ...legacyPageRoutes(distDir), ...demoRoutes()], ...windowOptions })
const serverUrl = started.origin
const appUrl = `${serverUrl}/?automation=1`
// The legacy bundle alone, as a Chromium 53–60 engine runs index.html (scripts/server/legacy-page.mjs).
const legacyPath = '/legacy.html?automation=1'
const legacyUrl = `${serverUrl}${legacyPath}`
const report = { date: new Date().toISOString(), cpuThrottle: THROTTLE, runs: RUNS, windowSize: WINDOW_SIZE ? Number(WINDOW_SIZE) : 'default', figures: /** @type {Record<string, any>} */ ({}) }
const f = report.figures
f.jsShipped = jsShipped(distDir)
f.jsShipped.ownCodeGzBytes = await ownCodeSize(root)
const PLAYWRIGHT_PARTS = ['ttff', 'crawl', 'parse', 'keys', 'recovery', 'soak']
try {
  if (PLAYWRIGHT_PARTS.some((part) => ONLY.has(part))) await playwrightParts()
  if (ONLY.has('engines')) f.engines = await engineBench({ serverUrl, appUrl, runs: RUNS, speedPxPerSecond: CRAWL_SPEED })
  if (ONLY.has('dev')) f.devLoop = await devLoopBench(root)
} finally {
  await started.close()
}

/** Everything measured in Debian's Chromium through Playwright, throttled. */
async function playwrightParts() {
  const browser = await launch()
  try {
    if (ONLY.has('ttff')) f.timeToFirstFrame = await timeToFirstFrame(browser, serverUrl, THROTTLE, RUNS)
    if (ONLY.has('ttff')) f.legacyTimeToFirstFrame = await timeToFirstFrame(browser, serverUrl, THROTTLE, RUNS, legacyPath)
    if (ONLY.has('crawl')) f.crawl = await crawlFramePacing(browser, appUrl, THROTTLE)
    if (ONLY.has('crawl')) f.legacyCrawl = await crawlFramePacing(browser, legacyUrl, THROTTLE)
    if (ONLY.has('parse')) f.feedParse = await feedParseTime(browser, appUrl)
    if (ONLY.has('parse')) f.feedParseMainThread = await feedParseLongestTask(browser, appUrl, THROTTLE)
    if (ONLY.has('parse')) f.feedParseMainThreadNoWorker = await feedParseLongestTask(browser, appUrl, THROTTLE, 1000, 3, 8000, true)
    if (ONLY.has('keys')) f.keyLatency = await keyLatency(browser, appUrl, THROTTLE)
    if (ONLY.has('keys')) f.legacyKeyLatency = await keyLatency(browser, legacyUrl, THROTTLE)
    if (ONLY.has('recovery')) f.recovery = await recoveryTimes(browser, serverUrl, THROTTLE)
    if (ONLY.has('soak')) f.soak = await soak(browser, serverUrl)
  } finally {
    await browser.close()
  }
}

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`
const rows = []
if (f.timeToFirstFrame) {
  rows.push(['Time to first frame, app (median)', `${f.timeToFirstFrame.appMedianMs} ms`])
  rows.push(['Time to first frame, bare hls.js page (median)', `${f.timeToFirstFrame.bareHlsMedianMs} ms`])
  rows.push(['TTFF ratio app / bare (goal ≤ 1.10)', String(f.timeToFirstFrame.ratio)])
}
if (f.legacyTimeToFirstFrame) {
  const l = f.legacyTimeToFirstFrame
  rows.push(['  legacy bundle: app / bare (median), ratio', `${l.appMedianMs} ms / ${l.bareHlsMedianMs} ms, ${l.ratio}`])
}
if (f.crawl) rows.push(['Crawl over video: median fps / p99 frame (goal ≥ 58 / ≤ 34 ms)', `${f.crawl.medianFps} fps / ${f.crawl.p99FrameMs} ms`])
if (f.legacyCrawl) rows.push(['  legacy bundle', `${f.legacyCrawl.medianFps} fps / ${f.legacyCrawl.p99FrameMs} ms`])
if (f.feedParse) rows.push([`Feed parse, ${f.feedParse.items} items unthrottled (goal ≤ 50 ms)`, `${f.feedParse.medianMs} ms`])
if (f.feedParseMainThread) {
  const m = f.feedParseMainThread
  const items = String(m.items).replace(/\B(?=(\d{3})+$)/g, ' ')
  rows.push([`Longest main-thread task during a ${items}-item feed parse, ${m.throttle}x throttle, parsed ${m.where}`, ''])
  rows.push(['  the app\'s own tasks, compositor commits aside (goal ≤ 50 ms)', `${m.longestNonCommitTaskMs} ms (worst run ${m.worstNonCommitTaskMs} ms; no feed: ${m.withoutParse.longestNonCommitTaskMs} ms)`])
  rows.push(['  any task, commits included', `${m.longestTaskMs} ms (no feed: ${m.withoutParse.longestTaskMs} ms)`])
  rows.push(["  the task taking the worker's answer into the crawl", `${m.workerAnswerTaskMs} ms`])
}
if (f.feedParseMainThreadNoWorker) {
  const m = f.feedParseMainThreadNoWorker
  rows.push([`  without Worker (parsed ${m.where}): own tasks / any task`, `${m.longestNonCommitTaskMs} ms / ${m.longestTaskMs} ms (no feed: ${m.withoutParse.longestNonCommitTaskMs} / ${m.withoutParse.longestTaskMs} ms)`])
}
if (f.keyLatency) rows.push([`Key → focus frame p95, ${f.keyLatency.where} (goal ≤ 50 ms)`, `${f.keyLatency.p95Ms} ms (median ${f.keyLatency.medianMs})`])
if (f.legacyKeyLatency) rows.push(['  legacy bundle', `${f.legacyKeyLatency.p95Ms} ms (median ${f.legacyKeyLatency.medianMs})`])
for (const r of f.recovery ?? []) rows.push([`Recovery after ${r.fault} cleared (goal ≤ 2 s)`, r.recoveryMs === null ? 'did not recover in 30 s' : `${r.recoveryMs} ms`])
if (f.soak) {
  rows.push(['Soak: JS heap growth, after warm-up (goal ≤ 1 MB)', kib(f.soak.heapGrowthBytes)])
  rows.push(['  of which in the second half (a leak grows in both)', kib(f.soak.secondHalfHeapGrowthBytes)])
  rows.push(['Soak: texture memory before → after (pixels)', `${f.soak.before.texturePixels} → ${f.soak.after.texturePixels}`])
  rows.push(['Soak: still playing / crawl items at end', `${f.soak.stillPlaying} / ${f.soak.crawlItemsAtEnd}`])
}
if (f.engines) rows.push(...engineRows(f.engines))
if (f.devLoop) rows.push(...devLoopRows(f.devLoop))
rows.push(['JS shipped, gzipped (all files)', kib(f.jsShipped.totalGzBytes)])
rows.push(["  the app's own code, modern (goal ≤ 50 KiB)", kib(f.jsShipped.ownCodeGzBytes)])
for (const x of f.jsShipped.files) rows.push([`  ${x.file}`, kib(x.gzBytes)])
const width = Math.max(...rows.map((r) => r[0].length))
console.log(`\nBenchmark (${RUNS} runs for TTFF, CPU throttle ${THROTTLE}x, ${report.date})`)
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
mkdirSync(`${root}bench-results`, { recursive: true })
writeFileSync(`${root}bench-results/latest.json`, JSON.stringify(report, null, 2))
console.log('\nWrote bench-results/latest.json')
