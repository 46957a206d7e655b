// @ts-check
/**
 * Keeps the build's output to what a maintainer can act on: rollup warnings that concern only
 * dependencies (Lightning's and the SDK's circular imports, `this` at the top of a module, eval in
 * a library…) are dropped; a warning that names any file of ours is shown as usual.
 * BUILD_WARNINGS=all shows every warning.
 */

/** @param {string} id */
export const isDependency = (id) => /[\\/]node_modules[\\/]/.test(id)

/**
 * True if a rollup log concerns dependencies only: every module it names is under node_modules.
 * A log that names no module (a plugin's own message, a config problem) is ours.
 * @param {import('rollup').RollupLog} log
 */
export function concernsDependenciesOnly(log) {
  const ids = [...(log.ids ?? []), ...(log.id ? [log.id] : []), ...(log.exporter ? [log.exporter] : [])]
  return ids.length > 0 && ids.every(isDependency)
}

/** A rollup plugin that filters dependencies' warnings out of the build's output. @returns {import('rollup').Plugin} */
export function quietDependencyWarnings() {
  return {
    name: 'quiet-dependency-warnings',
    onLog(level, log) {
      if (process.env.BUILD_WARNINGS === 'all') return
      if (level === 'warn' && concernsDependenciesOnly(log)) return false
    },
  }
}
