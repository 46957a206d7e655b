// @ts-check
/**
 * Stages the built app for a TV package: dist/ without source maps and without the demo channel
 * fixture (a package plays the channel named in its settings), and an index.html that still
 * starts when the TV's engine refuses ES modules from the package's file:// origin.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Paths (relative, '/'-separated) of dist/ that stay out of packages. @param {string} relativePath */
export function isLeftOutOfPackages(relativePath) {
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
  const indexFile = path.join(stageDir, 'index.html')
  writeFileSync(indexFile, withLegacyFallback(readFileSync(indexFile, 'utf8')))
  return files
}

/**
 * Module scripts are fetched with CORS, which a file:// page fails unless the engine grants file
 * access (TV runtimes generally do for installed apps; desktop Chromium does not, and no firmware
 * is promised). If the module script fails to load, its error handler starts the legacy bundle
 * instead of leaving a black screen.
 * Engines without modules never fetch it and run the `nomodule` script as before.
 * @param {string} html
 */
export function withLegacyFallback(html) {
  const legacy = /<script nomodule src="([^"]+)"><\/script>/.exec(html)
  const modern = /<script type="module" src="([^"]+)"><\/script>/.exec(html)
  if (!legacy || !modern) throw new Error('index.html lacks the module or the nomodule script: is this a build of this app?')
  const start = `var s=document.createElement('script');s.src='${legacy[1]}';document.body.appendChild(s)`
  return html.replace(modern[0], `<script type="module" src="${modern[1]}" onerror="${start}"></script>`)
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
