// @ts-check
/**
 * The build stamp: `npm start` (scripts/build/start.mjs) rebuilds only when what goes into a build
 * changed. The stamp, `<out dir>/.build-stamp`, holds a hash over every input of the build (the
 * sources, static files, settings, the build's own code and config, the installed dependencies'
 * lockfile, and the environment variables the config reads) and says whether the legacy bundle was
 * finished for that hash (`npm start` finishes it in the background). `rollup -c` empties the folder,
 * stamp included, so a folder built some other way is never taken for up to date.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const STAMP_FILE = '.build-stamp'

/** What a build reads, relative to the repository: a change to any file in these rebuilds. */
export const BUILD_INPUTS = [
  'src',
  'static',
  'settings.json',
  'rollup.config.js',
  'scripts/build',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  // What `npm install` actually put in node_modules (npm writes it on every install).
  'node_modules/.package-lock.json',
]

/** Environment variables rollup.config.js reads that change the output (OUT_DIR only picks the folder). */
export const BUILD_ENV = ['BUILD', 'APP_SETTINGS']

/**
 * Every file under `relative` (a file or a folder), sorted, as '/'-separated paths.
 * @param {string} root @param {string} relative @returns {string[]}
 */
function filesUnder(root, relative) {
  const full = path.join(root, relative)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [relative]
  return readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => filesUnder(root, `${relative}/${entry.name}`))
}

/**
 * A hash of everything a build of `root` reads: the paths and contents of BUILD_INPUTS' files, and
 * the BUILD_ENV values (with APP_SETTINGS, the content of the file it names).
 * @param {string} root
 * @param {{ inputs?: string[], env?: Record<string, string | undefined> }} [options]
 * @returns {string} hex sha256
 */
export function buildInputsHash(root, { inputs = BUILD_INPUTS, env = process.env } = {}) {
  const hash = createHash('sha256')
  for (const input of inputs) {
    const files = filesUnder(root, input)
    hash.update(`input ${input}: ${files.length} files\0`)
    for (const file of files) {
      hash.update(`${file}\0`)
      hash.update(readFileSync(path.join(root, file)))
      hash.update('\0')
    }
  }
  for (const name of BUILD_ENV) hash.update(`env ${name}=${env[name] ?? ''}\0`)
  const settings = env.APP_SETTINGS && path.resolve(root, env.APP_SETTINGS)
  if (settings && existsSync(settings)) hash.update(readFileSync(settings))
  return hash.digest('hex')
}

/**
 * @typedef {object} BuildStamp
 * @property {string} hash  buildInputsHash of the tree the build started from
 * @property {boolean} legacy  the legacy bundle for that tree is in the folder and index.html names it
 */

/**
 * The stamp in `outDir`, or null if there is none or it is unreadable.
 * @param {string} outDir @returns {BuildStamp | null}
 */
export function readStamp(outDir) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(outDir, STAMP_FILE), 'utf8'))
    return typeof stamp?.hash === 'string' && typeof stamp?.legacy === 'boolean' ? stamp : null
  } catch {
    return null
  }
}

/** @param {string} outDir @param {BuildStamp} stamp */
export function writeStamp(outDir, stamp) {
  writeFileAtomically(path.join(outDir, STAMP_FILE), `${JSON.stringify(stamp)}\n`)
}

/**
 * What `npm start` has to build in `outDir` for a tree whose inputs hash to `hash`.
 * @param {BuildStamp | null} stamp @param {string} hash
 * @returns {'nothing' | 'legacy' | 'all'}  'legacy': the module bundle is current, the legacy bundle not yet
 */
export function buildNeeded(stamp, hash) {
  if (!stamp || stamp.hash !== hash) return 'all'
  return stamp.legacy ? 'nothing' : 'legacy'
}

/**
 * Replaces `file` in one step (write beside it, then rename): a reader sees the old text or the new,
 * never half of one (the demo server may be serving index.html while a build rewrites it).
 * @param {string} file @param {string | Uint8Array} content
 */
export function writeFileAtomically(file, content) {
  const scratch = `${file}.${process.pid}.tmp`
  writeFileSync(scratch, content)
  renameSync(scratch, file)
}
