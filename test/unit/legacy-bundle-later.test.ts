/**
 * `npm start` serves index.html before the legacy bundle exists (scripts/build/legacy-pending.mjs):
 * the loader's legacy slot names a placeholder script and the Content-Security-Policy allows that
 * loader. When the background legacy build finishes (scripts/build/legacy-bundle.mjs), index.html
 * names the real legacy bundle and its policy allows the new loader text: an old engine that loads
 * the page then gets its bundle.
 */
import { describe, it, expect, afterEach } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Plugin } from 'rollup'
import { bundleLoaderScript } from '../../scripts/build/bundle-loader.mjs'
import { checkContentSecurityPolicy } from '../../scripts/build/csp.mjs'
import { legacyBundle } from '../../scripts/build/legacy-bundle.mjs'
import { legacyPending, PENDING_LEGACY_SCRIPT } from '../../scripts/build/legacy-pending.mjs'

let dir = ''
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }))

/** index.html as the module build writes it (rollup.config.js's app shell). */
const moduleBuildPage = () => readFileSync('src/index.html', 'utf8').replace('<!--app-script-->', bundleLoaderScript('./app-abc123.js'))

/** The loader's last line: which module and legacy bundle it starts. */
const loaderNames = (html: string) => /\}\)\(window, document, '([^']*)', '([^']*)'\)/.exec(html)?.slice(1)

// Calls a plugin's writeBundle as rollup would, with a bundle whose entry is `entryFileName`.
async function runWriteBundle(plugin: Plugin, entryFileName: string) {
  const hook = plugin.writeBundle as (this: unknown, options: object, bundle: object) => unknown
  const context = { error: (message: string) => { throw new Error(message) } }
  await hook.call(context, { dir }, { [entryFileName]: { type: 'chunk', isEntry: true, fileName: entryFileName } })
}

function legacyScriptInLoader(): Plugin {
  const plugins = legacyBundle({ dir, production: false, sourcePlugins: [] }).plugins as Plugin[]
  const plugin = plugins.find((p) => p && p.name === 'legacy-script-in-loader')
  if (!plugin) throw new Error('the legacy build has no legacy-script-in-loader plugin')
  return plugin
}

describe('index.html while the legacy bundle is built in the background', () => {
  it('names the pending script, with a policy that allows the loader, until the legacy build finishes', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'legacy-later-'))
    writeFileSync(path.join(dir, 'index.html'), moduleBuildPage())
    await runWriteBundle(legacyPending({ message: 'still building', reloadAfterMs: 5000 }), 'app-abc123.js')

    const served = readFileSync(path.join(dir, 'index.html'), 'utf8')
    expect(loaderNames(served)).toEqual(['./app-abc123.js', `./${PENDING_LEGACY_SCRIPT}`])
    expect(() => checkContentSecurityPolicy(served)).not.toThrow()
    expect(readFileSync(path.join(dir, PENDING_LEGACY_SCRIPT), 'utf8')).toContain('still building')

    await runWriteBundle(legacyScriptInLoader(), 'app-legacy-xyz789.js')
    const after = readFileSync(path.join(dir, 'index.html'), 'utf8')
    expect(loaderNames(after)).toEqual(['./app-abc123.js', './app-legacy-xyz789.js'])
    expect(() => checkContentSecurityPolicy(after)).not.toThrow()
    expect(after).not.toContain(PENDING_LEGACY_SCRIPT)
  })

  it('fills the legacy bundle into a page straight from the module build too (npm run build)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'legacy-later-'))
    writeFileSync(path.join(dir, 'index.html'), moduleBuildPage())
    await runWriteBundle(legacyScriptInLoader(), 'app-legacy-xyz789.js')
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8')
    expect(loaderNames(html)).toEqual(['./app-abc123.js', './app-legacy-xyz789.js'])
    expect(() => checkContentSecurityPolicy(html)).not.toThrow()
    expect(existsSync(path.join(dir, PENDING_LEGACY_SCRIPT))).toBe(false)
  })

  it('replaces an earlier legacy bundle when a build for the same tree is finished again', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'legacy-later-'))
    writeFileSync(path.join(dir, 'index.html'), moduleBuildPage())
    await runWriteBundle(legacyScriptInLoader(), 'app-legacy-old111.js')
    await runWriteBundle(legacyScriptInLoader(), 'app-legacy-new222.js')
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8')
    expect(loaderNames(html)).toEqual(['./app-abc123.js', './app-legacy-new222.js'])
    expect(() => checkContentSecurityPolicy(html)).not.toThrow()
  })
})
