#!/usr/bin/env node
// @ts-check
/**
 * `npm run dev`: the module bundle and the feed worker, unminified (BUILD=dev), rebuilt by rollup's
 * watch mode whenever a file they use is saved, served by the demo server (scripts/server.mjs) from
 * the first build on; each rebuild prints its time. Reload the page to see a change.
 * Types are not checked here (scripts/build/typescript-transpile.mjs): `npm run typecheck`.
 * The legacy bundle (Chromium 53–62 TV engines) is not built: such an engine is told so on screen
 * (scripts/build/legacy-pending.mjs); `npm start` builds it. The build stamp is removed, so the next
 * `npm start` makes a full production build.
 * OUT_DIR picks the folder (default dist/); PORT and HOST as for the server.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { watch } from 'rollup'
import { STAMP_FILE } from './build-stamp.mjs'
import { loadBundles, REPO_ROOT, seconds } from './bundles.mjs'
import { legacyPending } from './legacy-pending.mjs'
import { loadTransformCache, saveTransformCache } from './transform-cache.mjs'
import { withoutTypeChecking } from './typescript-transpile.mjs'

process.chdir(REPO_ROOT)
const started = performance.now()
process.env.BUILD = 'dev'
const outDir = path.resolve(process.env.OUT_DIR || 'dist')
process.env.OUT_DIR = outDir
const shownDir = `${path.relative(REPO_ROOT, outDir) || '.'}/`
rmSync(path.join(outDir, STAMP_FILE), { force: true })

const bundles = await loadBundles()
const pending = legacyPending({ message: 'This TV engine needs the legacy bundle, which `npm run dev` does not build: use `npm start`.' })
/** @type {Array<'modern' | 'feedWorker'>} */
const names = ['modern', 'feedWorker']
const watcher = watch(
  names.map((name) => withoutTypeChecking(bundles[name])).map((options, i) => ({
    ...options,
    plugins: [...(options.plugins ?? []), ...(i === 0 ? [pending] : [])],
    // The first build reuses the compiled modules of the last `npm start` / `npm run dev`.
    cache: loadTransformCache(REPO_ROOT, names[i] ?? 'modern'),
    watch: { clearScreen: false, exclude: ['node_modules/**'] },
  })),
)

let serving = false
/** @type {Partial<Record<'modern' | 'feedWorker', import('rollup').RollupCache>>} */
const latestCaches = {}
watcher.on('event', async (event) => {
  if (event.code === 'BUNDLE_END') {
    const name = names[bundles.modern.input === event.input ? 0 : 1] ?? 'modern'
    console.log(`${name === 'modern' ? 'module bundle' : 'feed worker'} built in ${seconds(event.duration)}`)
    latestCaches[name] = event.result.cache
    await event.result.close()
  } else if (event.code === 'ERROR') {
    console.error(`build failed: ${event.error.message}${event.error.loc ? ` (${event.error.loc.file}:${event.error.loc.line})` : ''}`)
    if (event.result) await event.result.close()
  } else if (event.code === 'END') {
    if (!serving) {
      serving = true
      await import('../server.mjs')
      console.log(`  serving ${shownDir} ${seconds(performance.now() - started)} after \`npm run dev\`; watching src/ for changes (the legacy bundle is not built in dev)`)
    }
  }
})

// Kept for the next run's first build; written once, on the way out (50 MB: not after every save).
const stop = () => {
  for (const name of names) saveTransformCache(REPO_ROOT, name, latestCaches[name])
  watcher.close()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
