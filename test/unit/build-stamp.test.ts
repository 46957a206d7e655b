/**
 * `npm start`'s build cache (scripts/build/build-stamp.mjs): the output folder's stamp says whether it
 * holds a build of the tree as it is now. An unchanged tree is not rebuilt; any change to a file the
 * build reads (a source, a static file, the settings, the build's own config) or to the build's
 * environment rebuilds.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildInputsHash, buildNeeded, readStamp, writeStamp } from '../../scripts/build/build-stamp.mjs'

let root: string
let outDir: string
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), text)
}
const env: Record<string, string | undefined> = { BUILD: undefined, APP_SETTINGS: undefined }

/** What `npm start` would build now, after a complete build of the tree as it was at `stamped`. */
function neededAfterChange(change: () => void, { changedEnv = env } = {}): string {
  writeStamp(outDir, { hash: buildInputsHash(root, { env }), legacy: true })
  change()
  return buildNeeded(readStamp(outDir), buildInputsHash(root, { env: changedEnv }))
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'build-stamp-'))
  outDir = path.join(root, 'dist')
  mkdirSync(outDir)
  write('src/index.ts', 'export const a = 1\n')
  write('src/lib/clock.ts', 'export const now = () => 0\n')
  write('static/demo/poster.png', 'png')
  write('settings.json', '{"appSettings":{}}\n')
  write('rollup.config.js', 'export default []\n')
  write('scripts/build/engine-babel.mjs', 'export const TARGETS = {}\n')
  write('package-lock.json', '{}\n')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe("npm start's build stamp", () => {
  it('skips the build when nothing changed', () => {
    expect(neededAfterChange(() => {})).toBe('nothing')
  })

  it('rebuilds when one source file changed, even by one character', () => {
    expect(neededAfterChange(() => write('src/lib/clock.ts', 'export const now = () => 1\n'))).toBe('all')
  })

  it('rebuilds when a source file is added, removed or renamed', () => {
    expect(neededAfterChange(() => write('src/lib/new.ts', ''))).toBe('all')
    expect(neededAfterChange(() => unlinkSync(path.join(root, 'src/lib/clock.ts')))).toBe('all')
    expect(neededAfterChange(() => write('src/index2.ts', 'export const a = 1\n'))).toBe('all')
  })

  it('rebuilds when a static file, the settings, the build config or the lockfile changed', () => {
    expect(neededAfterChange(() => write('static/demo/poster.png', 'png2'))).toBe('all')
    expect(neededAfterChange(() => write('settings.json', '{"appSettings":{"x":1}}\n'))).toBe('all')
    expect(neededAfterChange(() => write('rollup.config.js', 'export default [{}]\n'))).toBe('all')
    expect(neededAfterChange(() => write('scripts/build/engine-babel.mjs', 'export const TARGETS = { chrome: 53 }\n'))).toBe('all')
    expect(neededAfterChange(() => write('package-lock.json', '{"v":2}\n'))).toBe('all')
  })

  it('rebuilds for another BUILD or another APP_SETTINGS file, and when that file changes', () => {
    expect(neededAfterChange(() => {}, { changedEnv: { ...env, BUILD: 'dev' } })).toBe('all')
    write('tv.json', '{"appSettings":{"tv":1}}\n')
    const tv = { ...env, APP_SETTINGS: 'tv.json' }
    expect(neededAfterChange(() => {}, { changedEnv: tv })).toBe('all')
    writeStamp(outDir, { hash: buildInputsHash(root, { env: tv }), legacy: true })
    write('tv.json', '{"appSettings":{"tv":2}}\n')
    expect(buildNeeded(readStamp(outDir), buildInputsHash(root, { env: tv }))).toBe('all')
  })

  it('builds only the legacy bundle when the stamp says the background build did not finish', () => {
    writeStamp(outDir, { hash: buildInputsHash(root, { env }), legacy: false })
    expect(buildNeeded(readStamp(outDir), buildInputsHash(root, { env }))).toBe('legacy')
  })

  it('builds everything when there is no stamp or it is unreadable', () => {
    const hash = buildInputsHash(root, { env })
    expect(buildNeeded(readStamp(outDir), hash)).toBe('all')
    writeFileSync(path.join(outDir, '.build-stamp'), '{"hash":')
    expect(buildNeeded(readStamp(outDir), hash)).toBe('all')
  })
})
