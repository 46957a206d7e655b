// @ts-check
/**
 * The webOS CLI (ares-package), fetched on demand instead of living in devDependencies: it pulls
 * `ssh2`/`cpu-features`, whose install scripts compile native code that packaging never uses.
 * Installed once from the npm registry, install scripts off, into a cache outside the repository:
 *   ~/.cache/live-news-tv/tools/webos-cli-<version>/   (or $TOOL_CACHE/webos-cli-<version>/)
 * ssh2 falls back to its pure-JS crypto when the native addon was not built.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'

/** The version packaging was checked with (scripts/package/webos.mjs, test/unit/packages.test.ts). */
export const WEBOS_CLI_VERSION = '3.2.1'

function toolCache() {
  return process.env.TOOL_CACHE || path.join(homedir(), '.cache', 'live-news-tv', 'tools')
}

/**
 * The path of ares-package, installing the CLI first when the cache does not have it.
 * @returns {string}
 */
export function aresPackage() {
  const dir = path.join(toolCache(), `webos-cli-${WEBOS_CLI_VERSION}`)
  const bin = path.join(dir, 'node_modules', '.bin', 'ares-package')
  if (existsSync(bin)) return bin
  const partial = `${dir}.partial-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  writeFileSync(path.join(partial, 'package.json'), '{"private":true}\n')
  process.stderr.write(`Fetching @webos-tools/cli@${WEBOS_CLI_VERSION} (once) into ${dir}…\n`)
  execFileSync(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--omit=optional', '--loglevel=error', `@webos-tools/cli@${WEBOS_CLI_VERSION}`],
    { cwd: partial, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 },
  )
  if (!existsSync(path.join(partial, 'node_modules', '.bin', 'ares-package'))) throw new Error(`@webos-tools/cli@${WEBOS_CLI_VERSION} installed without ares-package`)
  if (existsSync(bin)) rmSync(partial, { recursive: true, force: true }) // another process won the race
  else renameSync(partial, dir)
  return bin
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) console.log(aresPackage())
