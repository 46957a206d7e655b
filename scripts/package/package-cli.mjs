// @ts-check
/**
 * The command line both package scripts share:
 *   node scripts/package/<tizen|webos>.mjs [--settings file.json] [--dist dir] [--out dir]
 *                                          [--vendor name] [--tizen-package-id XXXXXXXXXX]
 * Without --dist it makes a fresh production build (with --settings in place of settings.json),
 * so a package never carries a stale or dev build.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { appIdentity, relativeUrlsIn } from './app-identity.mjs'
import { REPO_ROOT, buildApp, titleOf } from './stage-app.mjs'

/** True when `moduleUrl` is the script node was started with. @param {string} moduleUrl */
export function isCliEntry(moduleUrl) {
  const script = process.argv[1]
  return Boolean(script) && path.resolve(script ?? '') === fileURLToPath(moduleUrl)
}

/**
 * @param {string} platform  for messages
 * @param {(options: { distDir: string, outDir: string, app: import('./app-identity.mjs').AppIdentity }) => string} makePackage
 */
export function runPackageCli(platform, makePackage) {
  try {
    packageFromCommandLine(platform, makePackage)
  } catch (error) {
    console.error(`package:${platform}: ${error instanceof Error ? error.message : error}`)
    process.exitCode = 1
  }
}

/**
 * @param {string} platform
 * @param {(options: { distDir: string, outDir: string, app: import('./app-identity.mjs').AppIdentity }) => string} makePackage
 */
function packageFromCommandLine(platform, makePackage) {
  const { values } = parseArgs({
    options: {
      settings: { type: 'string' },
      dist: { type: 'string' },
      out: { type: 'string', default: path.join(REPO_ROOT, 'packages') },
      vendor: { type: 'string' },
      'tizen-package-id': { type: 'string' },
    },
  })
  if (values.settings && values.dist) throw new Error('--settings needs a fresh build: leave out --dist (a build has its settings inside)')
  const settingsPath = values.settings ?? path.join(REPO_ROOT, 'settings.json')
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8'))
  for (const url of relativeUrlsIn(settings)) {
    console.warn(`warning: ${url} in ${settingsPath} is relative: the packaged app opens from the TV's file system and will not reach it. Package with --settings <file with absolute http(s) URLs>.`)
  }
  const buildDir = values.dist ? null : mkdtempSync(path.join(tmpdir(), `${platform}-build-`))
  try {
    if (buildDir) {
      console.log(`building the app for ${platform}…`)
      buildApp(buildDir, values.settings)
    }
    const distDir = values.dist ? path.resolve(values.dist) : /** @type {string} */ (buildDir)
    const app = appIdentity(settings, {
      title: titleOf(readFileSync(path.join(distDir, 'index.html'), 'utf8')),
      vendor: values.vendor,
      tizenPackageId: values['tizen-package-id'],
    })
    const file = makePackage({ distDir, outDir: path.resolve(values.out), app })
    console.log(`${path.relative(process.cwd(), file)} (${Math.round(statSync(file).size / 1024)} KiB, ${app.id} ${app.version})`)
  } finally {
    if (buildDir) rmSync(buildDir, { recursive: true, force: true })
  }
}
