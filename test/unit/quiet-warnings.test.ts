/**
 * The build's output (scripts/build/quiet-warnings.mjs): rollup warnings that concern only
 * dependencies (Lightning's and the SDK's circular imports) are dropped; a warning that names any
 * file of ours, or no file at all, is shown.
 */
import { describe, it, expect, afterEach } from 'vitest'
import type { RollupLog } from 'rollup'
import { concernsDependenciesOnly, quietDependencyWarnings } from '../../scripts/build/quiet-warnings.mjs'

const lightning = '/repo/node_modules/@lightningjs/core/dist/src/tree/Stage.mjs'
const textures = '/repo/node_modules/@lightningjs/core/dist/src/tree/TextureManager.mjs'
const ours = '/repo/src/player/live-channel.ts'
const cycle = (ids: string[]): RollupLog => ({ code: 'CIRCULAR_DEPENDENCY', ids, message: ids.join(' -> ') })

/** What the plugin's onLog hook does with a warning: false drops it. */
function shown(log: RollupLog): boolean {
  const hook = quietDependencyWarnings().onLog as (level: string, log: RollupLog) => boolean | void
  return hook('warn', log) !== false
}

afterEach(() => {
  delete process.env.BUILD_WARNINGS
})

describe('build warnings', () => {
  it("drops a circular import among dependencies' files", () => {
    expect(concernsDependenciesOnly(cycle([lightning, textures, lightning]))).toBe(true)
    expect(shown(cycle([lightning, textures, lightning]))).toBe(false)
  })

  it('shows a circular import that goes through one of our files', () => {
    expect(shown(cycle([lightning, ours, lightning]))).toBe(true)
    expect(shown(cycle([ours, '/repo/src/player/recovery-runner.ts', ours]))).toBe(true)
  })

  it("drops a dependency's own warning (this at top level, eval) and shows ours", () => {
    expect(shown({ code: 'THIS_IS_UNDEFINED', id: lightning, message: '' })).toBe(false)
    expect(shown({ code: 'THIS_IS_UNDEFINED', id: ours, message: '' })).toBe(true)
  })

  it('shows a warning that names no module (a plugin or config message)', () => {
    expect(shown({ code: 'PLUGIN_WARNING', plugin: 'typescript', message: 'TS2322: …' })).toBe(true)
  })

  it('shows everything with BUILD_WARNINGS=all', () => {
    process.env.BUILD_WARNINGS = 'all'
    expect(shown(cycle([lightning, textures, lightning]))).toBe(true)
  })
})
