import type { ChildProcess } from 'node:child_process'

/**
 * SIGTERM to the child's process group, SIGKILL after 3 s; resolves once the child has exited.
 * Ends the engine and every process it started, and nothing else.
 */
export function stopProcessGroup(child: ChildProcess): Promise<void>
