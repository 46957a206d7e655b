import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// vitest's default is one worker fewer than the cores: a single worker on a 2-core TV-dev box.
// Node tests mostly wait (servers, timers), so one per core, at least two.
const nodeWorkers = Math.max(2, availableParallelism())

/**
 * Three kinds of test (README "How it is built"):
 * - unit: plain TS in node, no build, no browser: files run in parallel;
 * - build: the built app in dist/ (or DIST_DIR) as files: its CSP, the TV packages; parallel;
 * - browser: the built app in real engines (test/e2e: Debian's Chromium; test/engines: old
 *   Chromium, WPE). One browser and one demo server per file: one file at a time, after the
 *   parallel groups so they never compete for the two cores.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], maxWorkers: nodeWorkers, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], maxWorkers: nodeWorkers, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: 'browser', include: ['test/e2e/**/*.test.ts', 'test/engines/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
})
