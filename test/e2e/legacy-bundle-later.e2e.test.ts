/**
 * `npm start` serves before the legacy bundle exists (scripts/build/start.mjs): index.html's loader
 * then names a placeholder (scripts/build/legacy-pending.mjs), and the background legacy build
 * rewrites index.html when it finishes (scripts/build/legacy-bundle.mjs). Played in Chromium on a
 * copy of the build (DIST_DIR or dist/) put back in that in-between state: the module bundle plays
 * meanwhile; an engine on the legacy bundle (here forced with ?bundle=legacy) is told to wait, and
 * once the legacy build has written index.html the same page reloads itself into the legacy bundle.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import type { Plugin as RollupPlugin } from 'rollup'
import { eventually, launchChromium } from './browser'
import { startDemoServer } from '../../scripts/server/index.mjs'
import { demoRoutes } from '../../scripts/server/demo-routes.mjs'
import { rehashContentSecurityPolicy } from '../../scripts/build/csp.mjs'
import { legacyBundle } from '../../scripts/build/legacy-bundle.mjs'
import { pendingLegacyScript, PENDING_LEGACY_SCRIPT } from '../../scripts/build/legacy-pending.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const builtDir = process.env.DIST_DIR || path.join(root, 'dist')
let dir = ''
let legacyFile = ''
let server: Awaited<ReturnType<typeof startDemoServer>>
let browser: Browser

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'legacy-later-e2e-'))
  cpSync(builtDir, dir, { recursive: true })
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8')
  const named = /'\.\/(app-legacy-[\w-]+\.js)'/.exec(html)
  if (!named?.[1]) throw new Error(`${builtDir}/index.html names no legacy bundle: is it a full build (npm run build)?`)
  legacyFile = named[1]
  // As `npm start` serves it before the legacy build is done: no legacy bundle, the pending script in its slot.
  renameSync(path.join(dir, legacyFile), path.join(dir, `${legacyFile}.later`))
  writeFileSync(path.join(dir, PENDING_LEGACY_SCRIPT), pendingLegacyScript({ message: 'still being built', reloadAfterMs: 2000 }))
  writeFileSync(path.join(dir, 'index.html'), rehashContentSecurityPolicy(html.replace(`'./${legacyFile}'`, `'./${PENDING_LEGACY_SCRIPT}'`)))
  server = await startDemoServer({ port: 0, distDir: dir, staticDir: path.join(root, 'static'), routes: demoRoutes() })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The background build finishing: the legacy bundle appears, then its plugin rewrites index.html. */
async function legacyBuildFinishes() {
  renameSync(path.join(dir, `${legacyFile}.later`), path.join(dir, legacyFile))
  const plugin = (legacyBundle({ dir, production: true, sourcePlugins: [] }).plugins as RollupPlugin[]).find((p) => p && p.name === 'legacy-script-in-loader')
  const hook = plugin?.writeBundle as (this: unknown, options: object, bundle: object) => unknown
  await hook.call({ error: (m: string) => { throw new Error(m) } }, { dir }, { [legacyFile]: { type: 'chunk', isEntry: true, fileName: legacyFile } })
}

const videoTime = (page: Page) => page.evaluate(() => (document.querySelector('video') as HTMLVideoElement | null)?.currentTime ?? 0)

describe('index.html while npm start builds the legacy bundle in the background', () => {
  it('plays on the module bundle; the legacy engine waits, then reloads into its bundle once it is built', async () => {
    const modern = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const modernErrors: string[] = []
    modern.on('pageerror', (error) => modernErrors.push(String(error)))
    await modern.goto(`${server.origin}/`)
    await eventually(async () => (await videoTime(modern)) > 1, 30_000, 'the module bundle plays the demo channel')
    expect(await modern.evaluate(() => (window as unknown as { __liveNewsBundle?: string }).__liveNewsBundle)).toBe('module')
    expect(modernErrors).toEqual([])

    const old = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await old.goto(`${server.origin}/?bundle=legacy`)
    await eventually(async () => (await old.evaluate(() => document.body.innerText)).includes('still being built'), 15_000, 'the wait note')

    await legacyBuildFinishes()
    await eventually(async () => (await videoTime(old)) > 1, 45_000, 'the reloaded page plays on the legacy bundle')
    expect(await old.evaluate(() => (window as unknown as { __liveNewsBundle?: string }).__liveNewsBundle)).toBe('legacy')
    expect(await old.evaluate(() => document.body.innerText)).not.toContain('still being built')
  })
})
