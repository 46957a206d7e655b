#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: builds what changed, serves the app with the demo server (scripts/server.mjs) as soon
 * as the module bundle is built, and finishes the legacy bundle in the background.
 * - The build stamp (scripts/build/build-stamp.mjs) says whether the output folder already holds a
 *   build of this tree: then nothing is built ("dist/ is up to date").
 * - Otherwise the module bundle and the feed worker are built (reusing the previous run's compiled
 *   modules: scripts/build/transform-cache.mjs, and not type-checking: typescript-transpile.mjs),
 *   the server starts, and the legacy bundle (ES5, for Chromium 53–62 TV engines, most of a full
 *   build's time) is built by a child process, which also reports type errors. Until it
 *   is there, index.html's loader names a placeholder that tells such an engine the page will reload
 *   (scripts/build/legacy-pending.mjs); then the legacy build rewrites index.html in one step.
 * OUT_DIR picks the folder (default dist/); BUILD, APP_SETTINGS, PORT and HOST as for the build and
 * the server.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildInputsHash, buildNeeded, readStamp, STAMP_FILE, writeStamp } from './build-stamp.mjs'
import { buildBundle, loadBundles, REPO_ROOT, seconds } from './bundles.mjs'
import { legacyPending } from './legacy-pending.mjs'
import { withoutTypeChecking } from './typescript-transpile.mjs'

process.chdir(REPO_ROOT)
const started = performance.now()
const outDir = path.resolve(process.env.OUT_DIR || 'dist')
process.env.OUT_DIR = outDir
const shownDir = `${path.relative(REPO_ROOT, outDir) || '.'}/`

const hash = buildInputsHash(REPO_ROOT)
const needed = buildNeeded(readStamp(outDir), hash)

if (needed === 'nothing') {
  console.log(`${shownDir} is up to date (${STAMP_FILE} matches the sources): not rebuilt`)
} else if (needed === 'legacy') {
  console.log(`${shownDir}'s module bundle is up to date; the legacy bundle is not finished`)
} else {
  console.log(`building the module bundle and the feed worker into ${shownDir} (the legacy bundle follows in the background)…`)
  const bundles = await loadBundles()
  const pending = legacyPending({
    message: 'The app for this TV engine is still being built. This page reloads by itself in a few seconds.',
    reloadAfterMs: 5000,
  })
  try {
    // Types are checked by the legacy build in the background (scripts/build/typescript-transpile.mjs).
    await buildBundle('modern', withoutTypeChecking(bundles.modern), [pending])
    await buildBundle('feedWorker', withoutTypeChecking(bundles.feedWorker))
  } catch (error) {
    console.error(`\nThe build failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  }
  writeStamp(outDir, { hash, legacy: false })
  console.log(`module bundle and feed worker built in ${seconds(performance.now() - started)}`)
}

await import('../server.mjs')
console.log(`  serving ${shownDir} ${seconds(performance.now() - started)} after \`npm start\``)

if (needed !== 'nothing') buildLegacyInBackground()

/** Builds the legacy bundle in a child process (a CPU of its own; the server stays responsive). */
function buildLegacyInBackground() {
  const legacyStarted = performance.now()
  console.log('  building the legacy bundle (Chromium 53–62 TV engines) in the background…')
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/build/build-legacy.mjs')], { stdio: 'inherit', env: process.env })
  const stopChild = () => child.exitCode === null && child.kill()
  process.on('exit', stopChild)
  child.on('exit', (code, signal) => {
    process.off('exit', stopChild)
    if (code !== 0) {
      console.error(`The legacy bundle's build failed (${signal ?? `exit ${code}`}): engines before Chromium 63 see the "still being built" note.`)
      return
    }
    // Only if nothing rebuilt the folder for another tree meanwhile.
    if (readStamp(outDir)?.hash === hash) writeStamp(outDir, { hash, legacy: true })
    console.log(`legacy bundle ready after ${seconds(performance.now() - legacyStarted)} (${seconds(performance.now() - started)} after \`npm start\`): older engines get it on their next load`)
  })
}
