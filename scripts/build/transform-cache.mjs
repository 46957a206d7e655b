// @ts-check
/**
 * Rollup's module cache kept on disk between runs of `npm start` / `npm run dev`
 * (node_modules/.cache/live-news-build/, or BUILD_CACHE_DIR): rollup reuses a module's TypeScript + Babel output when
 * its source text is unchanged, so a rebuild after an edit compiles that file, not Lightning,
 * hls.js and core-js again. The cache is only valid for the plugins that made it: it is dropped
 * when the build's code or config changes (rollup.config.js, scripts/build/, tsconfig.json, the
 * lockfiles: the same inputs the build stamp covers, minus the sources, which rollup compares itself).
 * Minified chunks are kept too (minified/), by the hash of the chunk before minifying: a chunk whose
 * code did not change (all of them after `rm -rf dist`, the UI chunk after an edit to the entry's
 * modules) is not minified again.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
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

/** Minified chunks kept: a few builds' worth (each build has two to three chunks per bundle). */
const MINIFIED_KEPT = 24

/**
 * `plugin` (rollup.config.js's terser) answering from the minified-chunk cache when it has minified
 * the same code, with the same config and output options, before.
 * @param {string} root @param {import('rollup').Plugin} plugin @returns {import('rollup').Plugin}
 */
export function withCachedMinify(root, plugin) {
  const hook = plugin.renderChunk
  const handler = typeof hook === 'function' ? hook : hook?.handler
  if (!handler) return plugin
  const dir = path.join(cacheDir(root), 'minified')
  const config = configHash(root)
  return {
    ...plugin,
    async renderChunk(code, chunk, outputOptions, meta) {
      const key = createHash('sha256').update(`${config}\0${outputOptions.format}\0${outputOptions.sourcemap}\0`).update(code).digest('hex')
      const file = path.join(dir, `${key}.json`)
      try {
        const cached = JSON.parse(readFileSync(file, 'utf8'))
        const now = new Date()
        utimesSync(file, now, now)
        return cached
      } catch {}
      const result = await handler.call(this, code, chunk, outputOptions, meta)
      mkdirSync(dir, { recursive: true })
      writeFileAtomically(file, JSON.stringify(result))
      pruneOldest(dir, MINIFIED_KEPT)
      return result
    },
  }
}

/** @param {string} dir @param {number} kept */
function pruneOldest(dir, kept) {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ file: path.join(dir, name), mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
  for (const { file } of files.slice(kept)) rmSync(file, { force: true })
}
