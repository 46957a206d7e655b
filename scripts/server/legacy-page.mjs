// @ts-check
/**
 * index.html as a Chromium 53–60 TV engine runs it: such engines skip `<script type="module">`
 * (an unknown type) and do not know `nomodule`, so they run only the legacy script. Used by the
 * legacy-bundle e2e test and by the bench to load the legacy bundle in today's Chromium.
 */
import { readFileSync } from 'node:fs'

/** @param {string} html */
export function asPreModuleEngineRunsIt(html) {
  return html
    .replace(/^.*<link rel="modulepreload".*\n/gm, '')
    .replace(/^.*<script type="module".*\n/gm, '')
    .replace(/<script nomodule /g, '<script ')
}

/**
 * Serves `/legacy.html`: dist's index.html rewritten so only the legacy bundle runs.
 * @param {string} distDir
 */
export function legacyPageRoutes(distDir) {
  return [
    (req, res, url) => {
      if (url.pathname !== '/legacy.html') return false
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
      res.end(asPreModuleEngineRunsIt(readFileSync(`${distDir}/index.html`, 'utf8')))
      return true
    },
  ]
}
