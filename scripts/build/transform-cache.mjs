// @ts-check
/**
 * Rollup's module cache kept on disk between runs of `npm start` / `npm run dev`
 * (node_modules/.cache/live-news-build/, or BUILD_CACHE_DIR): rollup reuses a module's TypeScript + Babel output when
 * its source text is unchanged, so a rebuild after an edit compiles that file, not Lightning,
 * hls.js and core-js again. The cache is only valid for the plugins that made it: it is dropped
 * when the build's code or config changes (rollup.config.js, scripts/build/, tsconfig.json, the
 * lockfiles: the same inputs the build stamp covers, minus the sources, which rollup compares itself).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import { buildInputsHash, writeFileAtomically } from './build-stamp.mjs'

/** BUILD_CACHE_DIR puts it elsewhere (the bench times a build without it that way). */
const cacheDir = (/** @type {string} */ root) => path.resolve(root, process.env.BUILD_CACHE_DIR || 'node_modules/.cache/live-news-build')
/** What the transforms depend on besides each module's own text. */
const TRANSFORM_INPUTS = ['rollup.config.js', 'scripts/build', 'tsconfig.json', 'package-lock.json', 'node_modules/.package-lock.json']

/** @param {string} root */
function configHash(root) {
  // BUILD only decides minification, which runs after the cached transforms.
  return buildInputsHash(root, { inputs: TRANSFORM_INPUTS, env: { APP_SETTINGS: process.env.APP_SETTINGS } })
}

/** @param {string} root @param {string} name */
const cacheFile = (root, name) => path.join(cacheDir(root), `${name}.v8`)

/**
 * The cache a previous build of bundle `name` left, if the build's config is the same.
 * @param {string} root @param {string} name
 * @returns {import('rollup').RollupCache | undefined}
 */
export function loadTransformCache(root, name) {
  const file = cacheFile(root, name)
  if (!existsSync(file)) return undefined
  try {
    const saved = v8.deserialize(readFileSync(file))
    return saved?.configHash === configHash(root) ? saved.cache : undefined
  } catch {
    return undefined
  }
}

/**
 * @param {string} root @param {string} name
 * @param {import('rollup').RollupCache | undefined} cache
 */
export function saveTransformCache(root, name, cache) {
  if (!cache) return
  mkdirSync(cacheDir(root), { recursive: true })
  writeFileAtomically(cacheFile(root, name), v8.serialize({ configHash: configHash(root), cache }))
}
