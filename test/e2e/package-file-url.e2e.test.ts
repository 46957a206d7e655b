/**
 * A TV package opens index.html from the file system. Module scripts load from file:// only where
 * the engine grants file access (TV runtimes generally do for installed apps; Chromium does not); the
 * staged page then falls back to the legacy bundle instead of staying black. Both cases here, on
 * the staged app (no stream plays: the demo settings' relative URLs point nowhere from file://).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium, eventually } from './browser'
import { REPO_ROOT, stageApp } from '../../scripts/package/stage-app.mjs'

const distDir = process.env.DIST_DIR || path.join(REPO_ROOT, 'dist')
let stageDir: string

beforeAll(() => {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`${distDir} has no build: run "npm run build" (npm test does it for you)`)
  stageDir = mkdtempSync(path.join(tmpdir(), 'package-stage-'))
  stageApp(distDir, stageDir)
})

afterAll(() => {
  if (stageDir) rmSync(stageDir, { recursive: true, force: true })
})

/** Opens the staged page from file:// and waits until the app's UI has started. */
async function startsFromFile(browser: Browser): Promise<{ bundlesRun: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const errors: string[] = []
  const bundlesRun: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  // index.html's Content-Security-Policy must allow the package's own files from file:// ('self').
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(message.text())
  })
  page.on('requestfinished', (request) => {
    const file = path.basename(new URL(request.url()).pathname)
    if (/^app-.*\.js$/.test(file)) bundlesRun.push(file.startsWith('app-legacy-') ? 'legacy' : 'modern')
  })
  await page.goto(`${pathToFileURL(path.join(stageDir, 'index.html')).href}?automation=1`)
  await eventually(() => page.evaluate(() => 'automation' in window), 20_000, 'the UI to start (window.automation)')
  await page.close()
  return { bundlesRun, errors }
}

describe('a packaged app opened from file://', () => {
  it('falls back to the legacy bundle when the engine refuses module scripts from files', async () => {
    const browser = await launchChromium()
    try {
      const { bundlesRun, errors } = await startsFromFile(browser)
      expect(bundlesRun).toEqual(['legacy'])
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('runs the modern bundle alone where the engine grants file access', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'] })
    try {
      const { bundlesRun, errors } = await startsFromFile(browser)
      expect(bundlesRun).toEqual(['modern'])
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
