/** Starts the demo server (the same one `npm start` runs) on an ephemeral port for a test file. */
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { startDemoServer } from '../../scripts/server/index.mjs'
import { demoRoutes } from '../../scripts/server/demo-routes.mjs'
import { beforeAll, afterAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './browser'

export interface DemoServer {
  url: string
  port: number
  close(): Promise<void>
}

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Server options a test file may set: ad breaks on a short cadence (scripts/server/demo-ad-breaks.mjs);
 * stories on air (scripts/server/demo-story-ranges.mjs; off unless a file asks: while a story is on
 * air OK on Live opens it, and other files press OK for the info overlay).
 */
export interface DemoOptions {
  adBreaks?: { everySeconds: number; breakSeconds: number }
  stories?: import('../../scripts/server/demo-story-ranges.mjs').StoryCadence | false
  /** Segments per live playlist (the DVR window; 2 s each) and how long the stream has run at start. */
  windowSize?: number
  prerollSeconds?: number
  /** The demo schedule's half-hour slots start this far past the clock's (the XMLTV and the stream's date ranges alike). */
  schedulePhaseMs?: number
}

export async function startDemo(options: DemoOptions = {}): Promise<DemoServer> {
  // DIST_DIR lets two people build and test side by side (OUT_DIR=... npm run build).
  const distDir = process.env.DIST_DIR || `${root}dist`
  if (!existsSync(`${distDir}/index.html`)) throw new Error('dist/ is missing: run "npm run build" (npm test does it for you)')
  const server = await startDemoServer({ port: 0, distDir, staticDir: `${root}static`, routes: demoRoutes({ schedulePhaseMs: options.schedulePhaseMs }), ...options })
  // Tests write `${server.url}/path`: the origin, without the trailing slash.
  return { url: server.origin, port: server.port, close: () => server.close() }
}

/**
 * The demo server and one Chromium for a test file: started before its tests, closed after them
 * (vitest runs after-hooks last-registered first, so a file's own clean-up runs before these close).
 */
export function useDemoInChromium(options: DemoOptions = {}): { readonly server: DemoServer; readonly browser: Browser } {
  let server: DemoServer | null = null
  let browser: Browser | null = null
  beforeAll(async () => {
    server = await startDemo(options)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (!server) throw new Error('the demo server is not started yet (use it inside a test or hook)')
      return server
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet (use it inside a test or hook)')
      return browser
    },
  }
}

/** POSTs a fault to the demo server's admin endpoint. */
export async function setFault(server: DemoServer, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
}

export async function clearFaults(server: DemoServer, path: string): Promise<void> {
  await fetch(`${server.url}${path}`, { method: 'DELETE' })
}

/**
 * A server of the file's own (a static stream or feed host) started before its tests and closed
 * after them; call the returned function inside a test or hook to reach it.
 */
export function useServerForFile<S extends { close(): Promise<void> }>(start: () => Promise<S>): () => S {
  let server: S | null = null
  beforeAll(async () => {
    server = await start()
  })
  afterAll(async () => {
    await server?.close()
  })
  return () => {
    if (!server) throw new Error('the server is not started yet (use it inside a test or hook)')
    return server
  }
}
