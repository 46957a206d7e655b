#!/usr/bin/env node
// @ts-check
/**
 * The WPE soak: plays the demo channel on WPE WebKit (the RDK set-top-box engine) for minutes and
 * prints picture freezes, stalls, frozen-picture reloads and the audio/video SourceBuffers'
 * buffered ends; exits non-zero on any frozen picture. Not part of `npm test`.
 *
 *   node scripts/engines/wpe-soak.mjs [--minutes 5] [--restart-every <s>] [--start wrap|now] [--dist <dir>]
 *
 * --minutes        how long (default 5)
 * --restart-every  load a fresh page every so many seconds (default: one page for the whole run)
 * --start          wrap (default): load each page just after the demo loop wraps, the start that
 *                  froze WebKit's audio; now: load at once, wherever the loop is
 * --dist           the build to play (default $DIST_DIR or dist/; build with `OUT_DIR=<dir> npm run build`)
 *
 * The soak itself is test/engines/wpe-soak.soak.ts (TypeScript, sharing the WPE lane's WebDriver
 * client); this script runs it through vitest's node API, which compiles it.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startVitest } from 'vitest/node'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    'restart-every': { type: 'string', default: '0' },
    start: { type: 'string', default: 'wrap' },
    dist: { type: 'string' },
  },
})
const minutes = Number(values.minutes)
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got ${values.minutes}`)
if (values.start !== 'wrap' && values.start !== 'now') throw new Error(`--start must be wrap or now, got ${values.start}`)

process.env.WPE_SOAK_MINUTES = String(minutes)
process.env.WPE_SOAK_RESTART_EVERY = String(Number(values['restart-every']) || 0)
process.env.WPE_SOAK_START = values.start
if (values.dist) process.env.DIST_DIR = path.resolve(values.dist)

const vitest = await startVitest('test', [], {
  root,
  include: ['test/engines/wpe-soak.soak.ts'],
  watch: false,
  // The figures go straight to the terminal, not in per-test console blocks.
  disableConsoleIntercept: true,
  // The soak runs for minutes; allow for starting up and for the loop to wrap before each load.
  testTimeout: minutes * 60_000 + 5 * 60_000,
})
await vitest?.close()
process.exit(process.exitCode ?? (vitest && vitest.state.getCountOfFailedTests() === 0 ? 0 : 1))
