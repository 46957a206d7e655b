// @ts-check
/**
 * Proves that no bundle in a build uses syntax newer than the engines it is loaded on
 * (`npm run check:bundles`, part of `npm test`), with es-check at each bundle's target:
 * - the module bundle (every ES-module chunk): ES2018 + import(), Chromium 63 / Safari 11.1;
 *   polyfillable built-ins are left to core-js, which Babel injects by usage;
 * - the legacy bundle, hls.js's worker, the feed worker (feed.worker.js, run by whichever bundle
 *   the page loaded: docs/feed.md) and the inline bundle loader: ES5 (Chromium 53);
 * and that index.html's Content-Security-Policy allows its inline loader and <style> by the hash
 * of their final text (scripts/build/csp.mjs).
 * Usage: node scripts/build/check-bundles.mjs [distDir]
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { MODULE_ES_VERSION } from './engine-babel.mjs'
import { checkContentSecurityPolicy } from './csp.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const esCheck = path.join(root, 'node_modules/.bin/es-check')
const dist = path.resolve(process.argv[2] || process.env.OUT_DIR || 'dist')

const scripts = readdirSync(dist).filter((file) => file.endsWith('.js'))
const legacy = scripts.filter((file) => file.startsWith('app-legacy-'))
const WORKERS = ['hls.worker.js', 'feed.worker.js']
const modules = scripts.filter((file) => !file.startsWith('app-legacy-') && !WORKERS.includes(file))
if (legacy.length !== 1 || modules.length < 1 || !WORKERS.every((file) => scripts.includes(file))) {
  throw new Error(`${dist} does not look like a build: legacy ${legacy.join()} / modules ${modules.join()}`)
}

// The loader as the page carries it: the inline <script> of index.html.
const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
if (inline.length !== 1) throw new Error(`index.html should carry one inline script (the bundle loader), found ${inline.length}`)
console.log(`index.html's Content-Security-Policy: ${checkContentSecurityPolicy(html)}`)
const scratch = mkdtempSync(path.join(tmpdir(), 'check-bundles-'))
const loader = path.join(scratch, 'bundle-loader.js')
writeFileSync(loader, inline[0])

/** @param {string} label @param {string[]} args */
function check(label, args) {
  console.log(`${label}:`)
  execFileSync(esCheck, args, { stdio: 'inherit' })
}

try {
  check(`module bundle (${modules.join(', ')}) at ${MODULE_ES_VERSION} + import()`, [
    MODULE_ES_VERSION,
    ...modules.map((file) => path.join(dist, file)),
    '--module',
    '--checkFeatures',
    '--ignorePolyfillable=core-js',
    '--allowList=DynamicImport',
  ])
  check(`legacy bundle, hls.js and feed workers and the inline loader at es5`, ['es5', ...legacy.map((file) => path.join(dist, file)), ...WORKERS.map((file) => path.join(dist, file)), loader])
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
