// @ts-check
/**
 * rollup.config.js's bundles, one at a time, for `npm start` and `npm run dev` (scripts/build/start.mjs,
 * dev.mjs): the module bundle and the feed worker first, the legacy bundle later. Each build reuses
 * the transforms and minified chunks of the previous ones (scripts/build/transform-cache.mjs).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup } from 'rollup'
import { loadConfigFile } from 'rollup/loadConfigFile'
import { loadTransformCache, saveTransformCache, withCachedMinify } from './transform-cache.mjs'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Which bundle a rollup.config.js entry is, by its input. */
const BUNDLE_INPUTS = { modern: 'src/index.ts', legacy: 'src/index-legacy.ts', feedWorker: 'src/feed-worker.ts' }

/**
 * @typedef {keyof typeof BUNDLE_INPUTS} BundleName
 * @typedef {import('rollup').MergedRollupOptions} BundleOptions
 */

/** Prints the warnings rollup collected since the last call (rollup's CLI format, grouped by kind). */
let flushWarnings = () => {}

/**
 * rollup.config.js's options per bundle. The config reads OUT_DIR, BUILD and APP_SETTINGS from the
 * environment when it loads: set them first.
 * @returns {Promise<Record<BundleName, BundleOptions>>}
 */
export async function loadBundles() {
  const { options, warnings } = await loadConfigFile(path.join(REPO_ROOT, 'rollup.config.js'), {})
  flushWarnings = () => warnings.flush()
  flushWarnings()
  /** @param {BundleName} name */
  const find = (name) => {
    const found = options.find((o) => o.input === BUNDLE_INPUTS[name] || (Array.isArray(o.input) && o.input[0] === BUNDLE_INPUTS[name]))
    if (!found) throw new Error(`rollup.config.js has no bundle with input ${BUNDLE_INPUTS[name]}`)
    return found
  }
  if (options.length !== Object.keys(BUNDLE_INPUTS).length) {
    throw new Error(`rollup.config.js has ${options.length} bundles; scripts/build/bundles.mjs knows ${Object.keys(BUNDLE_INPUTS).join(', ')}`)
  }
  return { modern: find('modern'), legacy: find('legacy'), feedWorker: find('feedWorker') }
}

/**
 * Builds and writes one bundle, with the cached transforms of its previous build.
 * @param {BundleName} name @param {BundleOptions} options @param {import('rollup').Plugin[]} [extraPlugins]
 * @returns {Promise<number>} milliseconds
 */
export async function buildBundle(name, options, extraPlugins = []) {
  const started = performance.now()
  const plugins = [...(options.plugins ?? []), ...extraPlugins].map((plugin) => (plugin && plugin.name === 'terser' ? withCachedMinify(REPO_ROOT, plugin) : plugin))
  const bundle = await rollup({ ...options, plugins, cache: loadTransformCache(REPO_ROOT, name) })
  try {
    for (const output of options.output) await bundle.write(output)
    saveTransformCache(REPO_ROOT, name, bundle.cache)
  } finally {
    await bundle.close()
    flushWarnings()
  }
  return performance.now() - started
}

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
