#!/usr/bin/env node
// @ts-check
/**
 * Builds only the legacy bundle into OUT_DIR, over a folder whose module build is done (its
 * index.html's loader names the legacy placeholder or the pending script). `npm start` runs it in
 * the background (scripts/build/start.mjs).
 */
import { buildBundle, loadBundles, REPO_ROOT } from './bundles.mjs'

process.chdir(REPO_ROOT)
try {
  await buildBundle('legacy', (await loadBundles()).legacy)
} catch (error) {
  console.error(`The legacy bundle's build failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
