import type { IncomingMessage, ServerResponse } from 'node:http'

/** index.html as a Chromium 53–60 engine runs it: only the legacy script. */
export function asPreModuleEngineRunsIt(html: string): string
/** Serves `/legacy.html`: dist's index.html rewritten so only the legacy bundle runs. */
export function legacyPageRoutes(distDir: string): Array<(req: IncomingMessage, res: ServerResponse, url: URL) => boolean>
