// @ts-check
/**
 * The dev loop (`npm run bench -- --only dev`): how long a maintainer waits.
 * - `npm start` until `/` answers 200: from a clean output folder with no compile cache (a fresh
 *   clone after `npm install`), from a clean folder with the compile cache of that first run (e.g.
 *   after `rm -rf dist`), and with the folder up to date; and until the legacy bundle is in
 *   index.html (the background build).
 * - `npm run dev`: the rebuild after one source file is saved (touched), as printed and as seen from
 *   outside (save → "built" line).
 * Everything goes to a scratch OUT_DIR, BUILD_CACHE_DIR and a free PORT: dist/ and the real compile
 * cache are left alone. Prints figures; asserts nothing (the machine is shared).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs'
import { createServer } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'

/** A free TCP port on 127.0.0.1. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (/** @type {number} */ ms) => Math.round(ms)

/**
 * Runs an npm script in its own process group, collecting its output.
 * @param {string} root @param {string} script @param {Record<string, string>} env
 */
function runNpm(root, script, env) {
  const child = spawn('npm', ['run', '--silent', script], { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return {
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    /** Ends npm, the script and the build it started (the whole process group). */
    async stop() {
      if (child.pid && !this.exited()) {
        try {
          process.kill(-child.pid, 'SIGTERM')
        } catch {}
        for (let i = 0; i < 50 && !this.exited(); i++) await sleep(100)
        if (!this.exited()) process.kill(-child.pid, 'SIGKILL')
      }
    },
  }
}

/**
 * Polls until `check` is true; milliseconds from `since`, or null after `timeoutMs`.
 * @param {() => boolean | Promise<boolean>} check @param {number} since @param {number} timeoutMs
 */
async function until(check, since, timeoutMs) {
  while (performance.now() - since < timeoutMs) {
    if (await check()) return performance.now() - since
    await sleep(100)
  }
  return null
}

/** @param {string} url */
async function answers200(url) {
  try {
    return (await fetch(url)).status === 200
  } catch {
    return false
  }
}

/** @param {string} outDir */
function indexNamesLegacyBundle(outDir) {
  try {
    return /'\.\/app-legacy-(?!pending)[\w-]+\.js'\)/.test(readFileSync(path.join(outDir, 'index.html'), 'utf8'))
  } catch {
    return false
  }
}

/**
 * `npm start` once: time to the first 200 on `/`, and (if `waitForLegacy`) to index.html naming the legacy bundle.
 * @param {string} root @param {{ outDir: string, cacheDir: string, waitForLegacy: boolean }} options
 */
async function timeNpmStart(root, { outDir, cacheDir, waitForLegacy }) {
  const port = await freePort()
  const started = performance.now()
  const run = runNpm(root, 'start', { OUT_DIR: outDir, BUILD_CACHE_DIR: cacheDir, PORT: String(port) })
  try {
    const firstOkMs = await until(() => run.exited() || answers200(`http://127.0.0.1:${port}/`), started, 300_000)
    if (run.exited()) throw new Error(`npm start ended:\n${run.output()}`)
    const legacyReadyMs = waitForLegacy ? await until(() => indexNamesLegacyBundle(outDir), started, 400_000) : null
    const upToDate = /is up to date/.test(run.output())
    return { firstOkMs: firstOkMs && round(firstOkMs), legacyReadyMs: legacyReadyMs && round(legacyReadyMs), upToDate }
  } finally {
    await run.stop()
  }
}

/**
 * `npm run dev`, then one source file touched: the rebuild's time.
 * @param {string} root @param {{ outDir: string, cacheDir: string, touched: string }} options
 */
async function timeDevRebuild(root, { outDir, cacheDir, touched }) {
  const port = await freePort()
  const started = performance.now()
  const run = runNpm(root, 'dev', { OUT_DIR: outDir, BUILD_CACHE_DIR: cacheDir, PORT: String(port) })
  try {
    const firstOkMs = await until(() => run.exited() || answers200(`http://127.0.0.1:${port}/`), started, 300_000)
    if (run.exited()) throw new Error(`npm run dev ended:\n${run.output()}`)
    await sleep(1000)
    const builtLines = () => (run.output().match(/module bundle built in [\d.]+ s/g) ?? []).length
    const before = builtLines()
    const saved = performance.now()
    const now = new Date()
    utimesSync(path.join(root, touched), now, now)
    const seenMs = await until(() => builtLines() > before, saved, 120_000)
    const lines = run.output().match(/module bundle built in ([\d.]+) s/g) ?? []
    const printed = /([\d.]+) s/.exec(lines[lines.length - 1] ?? '')
    return { firstOkMs: firstOkMs && round(firstOkMs), rebuildSeenMs: seenMs && round(seenMs), rebuildPrintedMs: printed ? round(Number(printed[1]) * 1000) : null }
  } finally {
    await run.stop()
  }
}

/**
 * @param {string} root  the repository (with a trailing slash or not)
 * @returns {Promise<Record<string, any>>}
 */
export async function devLoopBench(root) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-dev-loop-'))
  const outDir = path.join(scratch, 'dist')
  const cacheDir = path.join(scratch, 'cache')
  const loadBefore = loadavg()[0]
  try {
    const cold = await timeNpmStart(root, { outDir, cacheDir, waitForLegacy: true })
    const upToDate = await timeNpmStart(root, { outDir, cacheDir, waitForLegacy: false })
    rmSync(outDir, { recursive: true, force: true })
    const clean = await timeNpmStart(root, { outDir, cacheDir, waitForLegacy: true })
    const dev = await timeDevRebuild(root, { outDir: path.join(scratch, 'dev'), cacheDir, touched: 'src/lib/clock.ts' })
    return { loadAverage1m: [Number(loadBefore.toFixed(2)), Number(loadavg()[0].toFixed(2))], cold, clean, upToDate, dev }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** @param {Record<string, any>} d @returns {string[][]} */
export function devLoopRows(d) {
  const s = (/** @type {number | null} */ ms) => (ms === null ? 'timed out' : `${(ms / 1000).toFixed(1)} s`)
  return [
    [`npm start → / answers 200, up to date (goal ≤ 10 s)${d.upToDate.upToDate ? '' : ' [REBUILT?]'}`, s(d.upToDate.firstOkMs)],
    ['npm start → 200, clean folder, compile cache warm (goal ≤ 25 s)', s(d.clean.firstOkMs)],
    ['npm start → 200, clean folder, no compile cache', s(d.cold.firstOkMs)],
    ['  legacy bundle in index.html (background), warm / no cache', `${s(d.clean.legacyReadyMs)} / ${s(d.cold.legacyReadyMs)}`],
    ['npm run dev: rebuild after saving one src file, printed / seen', `${s(d.dev.rebuildPrintedMs)} / ${s(d.dev.rebuildSeenMs)}`],
    ['  (load average, 1 min, before / after the dev-loop runs)', d.loadAverage1m.join(' / ')],
  ]
}
