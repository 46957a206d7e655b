#!/usr/bin/env node
// @ts-check
/**
 * `npm start` / `npm run serve`: serves the built app (dist/, or OUT_DIR) with the demo live channels, the
 * demo article feed and their fault knobs (scripts/server/FAULTS.md, FEED-FAULTS.md). PORT (default 8080) and HOST (default 127.0.0.1) are
 * read from the environment; HOST=0.0.0.0 lets a TV on the LAN reach it. /admin/* answers this
 * machine only, unless DEMO_ADMIN_TOKEN is set: then also a client sending `Authorization: Bearer <token>`.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { demoRoutes } from './server/demo-routes.mjs'
import { startDemoServer } from './server/index.mjs'
import { DEFAULT_AD_CADENCE } from './server/demo-ad-breaks.mjs'
import { DEFAULT_STORY_CADENCE } from './server/demo-story-ranges.mjs'

// OUT_DIR: the folder a build wrote to (as for `npm run build`), dist/ by default.
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', process.env.OUT_DIR || 'dist')
const port = Number(process.env.PORT || 8080)
const host = process.env.HOST || '127.0.0.1'
const adminToken = process.env.DEMO_ADMIN_TOKEN || undefined
// The live playlists' DVR window, in 2 s segments: 10 minutes by default here, so the Guide's
// "Watch from start" has a programme start to go back to (tests keep the server's 6 unless they ask).
const windowSize = Math.max(1, Math.floor(Number(process.env.DEMO_DVR_WINDOW_SIZE || 300)) || 300)

if (!existsSync(path.join(distDir, 'index.html'))) {
  console.warn(`No built app in ${distDir}: run \`npm run build\` first (or \`npm start\`, which builds).`)
  console.warn('Serving the demo streams only.\n')
}

// The demo channels air an ad break now and then (demo-ad-breaks.mjs): 30 s every 5 minutes.
const server = await startDemoServer({ port, host, distDir, routes: demoRoutes(), adminToken, adBreaks: DEFAULT_AD_CADENCE, stories: DEFAULT_STORY_CADENCE, windowSize, prerollSeconds: Math.max(60, windowSize * 2) })
console.log(`Live news demo: ${server.url}`)
for (const channel of server.channels) console.log(`  ${channel.number} ${channel.name}: ${channel.url}`)
console.log(`  Feed: ${server.url}feed.rss  ${server.url}feed.json`)
console.log(`  Faults: ${server.url}admin/faults  (GET lists, POST {"fault":"segment404","seconds":10,"channel":"news"}, DELETE clears)`)
console.log(adminToken ? '  Admin: this machine, or others with Authorization: Bearer $DEMO_ADMIN_TOKEN' : '  Admin: this machine only (set DEMO_ADMIN_TOKEN to allow others)')

const stop = () => {
  server.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
