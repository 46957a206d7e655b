// @ts-check
/**
 * Recovery time per fault (fault cleared → playing with the picture moving) and an accelerated
 * soak (2 hours of crawl, 500 feed refreshes, 1 000 navigations): heap and texture memory.
 */
import { openPlayingApp } from './browser.mjs'

const FAULTS = [
  { fault: 'segment404', seconds: 10 },
  { fault: 'playlist500', seconds: 10 },
  { fault: 'stall', seconds: 10 },
  { fault: 'slow', seconds: 10, bytesPerSecond: 15000 },
  { fault: 'corrupt', seconds: 8 },
  // Again at once, the recovery ladder carried over: this once left the channel failed for good.
  { fault: 'corrupt', seconds: 10 },
  { fault: 'sequenceReset', seconds: 1 },
  { fault: 'drop', seconds: 20 },
]

const post = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })

/** Ms from the fault clearing until playing with currentTime advancing. */
async function timeToHealthy(page, timeoutMs = 30_000) {
  const start = Date.now()
  let last = -1
  while (Date.now() - start < timeoutMs) {
    const s = await page.evaluate(() => /** @type {any} */ (window).automation.snapshot().player)
    if (s.state === 'playing' && last >= 0 && s.currentTime > last) return Date.now() - start
    last = s.state === 'playing' ? s.currentTime : -1
    await page.waitForTimeout(100)
  }
  return null
}

export async function recoveryTimes(browser, serverUrl, throttle) {
  const { page, context } = await openPlayingApp(browser, `${serverUrl}/?automation=1`, throttle)
  const results = []
  for (const fault of FAULTS) {
    await post(`${serverUrl}/admin/faults`, { ...fault, channel: 'news' })
    await page.waitForTimeout(fault.seconds * 1000)
    await fetch(`${serverUrl}/admin/faults`, { method: 'DELETE' })
    results.push({ fault: fault.fault, faultSeconds: fault.seconds, recoveryMs: await timeToHealthy(page) })
  }
  await context.close()
  return results
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  await page.waitForTimeout(300)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  const texturePixels = await page.evaluate(() => /** @type {any} */ (window).automation.bench.textureMemoryPixels())
  return { heapUsedBytes: heap.usedSize, texturePixels }
}

export async function soak(browser, serverUrl) {
  const { page, context, cdp } = await openPlayingApp(browser, `${serverUrl}/?automation=1&feedPoll=3600`, 1)
  // Warm up first: each page once and a feed refresh, so "before" already holds what a first visit
  // creates for good (the Router keeps pages) and the growth measured is what repetition adds.
  for (const route of ['browse', 'settings', 'live']) {
    await page.evaluate((r) => /** @type {any} */ (window).automation.bench.navigate(r), route)
    await page.waitForTimeout(500)
  }
  await page.evaluate(() => /** @type {any} */ (window).automation.bench.refreshFeed())
  await page.waitForTimeout(1000)
  const before = await memory(page, cdp)
  // Two equal halves, each an hour of crawl, 250 feed refreshes and 500 navigations: what only the
  // first half grows is warm-up (V8's optimised code, caches); a leak grows in both.
  await soakHalf(page, serverUrl, 0)
  const mid = await memory(page, cdp)
  await soakHalf(page, serverUrl, 250)
  await fetch(`${serverUrl}/admin/feed/items`, { method: 'DELETE' })
  await page.waitForTimeout(2000)
  const after = await memory(page, cdp)
  const state = await page.evaluate(() => /** @type {any} */ (window).automation.snapshot())
  await context.close()
  return {
    crawlHoursSimulated: 2,
    feedRefreshes: 500,
    navigations: 1000,
    before,
    mid,
    after,
    heapGrowthBytes: after.heapUsedBytes - before.heapUsedBytes,
    secondHalfHeapGrowthBytes: after.heapUsedBytes - mid.heapUsedBytes,
    textureGrowthPixels: after.texturePixels - before.texturePixels,
    stillPlaying: state.player.state === 'playing',
    crawlItemsAtEnd: state.ticker.items.length,
  }
}

/** Half the soak: an hour of crawl at 720x (5 s), 250 feed refreshes (a new story every 25), 500 navigations. */
async function soakHalf(page, serverUrl, firstRefresh) {
  const started = Date.now()
  await page.evaluate(() => /** @type {any} */ (window).automation.bench.setCrawlTimeScale(720))
  for (let i = firstRefresh; i < firstRefresh + 250; i++) {
    if (i % 25 === 0) await post(`${serverUrl}/admin/feed/items`, { title: `Soak story ${i}: council approves plan`, section: 'World' })
    await page.evaluate(() => /** @type {any} */ (window).automation.bench.refreshFeed())
    await page.waitForTimeout(20)
  }
  const routes = ['browse', 'settings', 'live']
  for (let i = 0; i < 500; i++) {
    await page.evaluate((r) => /** @type {any} */ (window).automation.bench.navigate(r), routes[i % routes.length])
    if (i % 50 === 0) await page.waitForTimeout(30)
  }
  await page.evaluate(() => /** @type {any} */ (window).automation.bench.navigate('live'))
  const remaining = 5_000 - (Date.now() - started)
  if (remaining > 0) await page.waitForTimeout(remaining)
  await page.evaluate(() => /** @type {any} */ (window).automation.bench.setCrawlTimeScale(1))
  await page.waitForTimeout(1000)
}
