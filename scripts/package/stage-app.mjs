// @ts-check
/**
 * Stages the built app for a TV package: dist/ without source maps and without the demo channel
 * fixture (a package plays the channel named in its settings). Its index.html still starts when the
 * TV's engine refuses ES modules from the package's file:// origin: the bundle loader then starts
 * the legacy bundle.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Paths (relative, '/'-separated) of dist/ that stay out of packages. @param {string} relativePath */
export function isLeftOutOfPackages(relativePath) {
  // Dotfiles: the build's own bookkeeping (dist/.build-stamp), never part of the app.
  if (relativePath.split('/').some((part) => part.startsWith('.'))) return true
  return relativePath.endsWith('.map') || relativePath === 'static/demo' || relativePath.startsWith('static/demo/')
}

/**
 * Every file under `dir`, as '/'-separated paths relative to it, sorted.
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {string[]}
 */
export function listFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      return entry.isDirectory() ? listFiles(dir, relative) : [relative]
    })
    .sort()
}

/**
 * Copies the packaged part of `distDir` to `stageDir`.
 * @param {string} distDir
 * @param {string} stageDir
 * @returns {string[]} the staged files, relative to stageDir
 */
export function stageApp(distDir, stageDir) {
  const files = listFiles(distDir).filter((file) => !isLeftOutOfPackages(file))
  for (const file of files) {
    mkdirSync(path.dirname(path.join(stageDir, file)), { recursive: true })
    cpSync(path.join(distDir, file), path.join(stageDir, file))
  }
  const named = bundlesNamedBy(readFileSync(path.join(stageDir, 'index.html'), 'utf8'))
  for (const bundle of [named.module, named.legacy]) {
    if (!files.includes(bundle)) throw new Error(`index.html names ${bundle}, which the build lacks`)
  }
  return files
}

/**
 * The two bundles index.html's bundle loader chooses between (file names relative to the page).
 * Module scripts are fetched with CORS, which a file:// page fails unless the engine grants file
 * access (TV runtimes generally do for installed apps; desktop Chromium does not): the loader then
 * starts the legacy bundle instead of leaving a black screen.
 * @param {string} html
 * @returns {{ module: string, legacy: string }}
 */
export function bundlesNamedBy(html) {
  const loader = /\}\)\(window, document, '\.\/(app-[\w-]+\.js)', '\.\/(app-legacy-[\w-]+\.js)'\)/.exec(html)
  if (!loader) throw new Error('index.html has no bundle loader naming both bundles: is this a build of this app?')
  return { module: loader[1] ?? '', legacy: loader[2] ?? '' }
}

/** The built page's <title>: the name under the launcher icon. @param {string} html */
export function titleOf(html) {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim()
  if (!title) throw new Error('index.html has no <title> to name the app')
  return title
}

/**
 * A fresh production build into `outDir`, with `settingsPath` (if given) in place of
 * settings.json. Rollup runs as its own process, as `npm run build` does.
 * @param {string} outDir
 * @param {string} [settingsPath]
 */
export function buildApp(outDir, settingsPath) {
  const settings = settingsPath ? { APP_SETTINGS: path.resolve(settingsPath) } : {}
  execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/rollup'), ['-c'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, BUILD: 'production', OUT_DIR: outDir, ...settings },
  })
}
