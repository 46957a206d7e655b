// @ts-check
/** Ending an engine that was spawned `detached` (its own process group), with all it started. */

/**
 * SIGTERM to the child's process group, SIGKILL after 3 s; resolves once the child has exited.
 * Ends the engine and every process it started, and nothing else.
 * @param {import('node:child_process').ChildProcess} child
 */
export async function stopProcessGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)))
  /** @param {NodeJS.Signals} name */
  const signal = (name) => {
    try {
      process.kill(-(/** @type {number} */ (child.pid)), name)
    } catch {
      // already gone
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}
