// @ts-check
/**
 * index.html as a Chromium 53–60 TV engine runs it: such engines have no `noModule` on script
 * elements (no ES modules), so the bundle loader starts the legacy bundle, and they do not know
 * `<link rel="modulepreload">`. Used by the legacy-bundle e2e test and by the bench to load the
 * legacy bundle in today's Chromium. The page's Content-Security-Policy is re-hashed to allow the
 * added inline script.
 */
import { readFileSync } from 'node:fs'
import { rehashContentSecurityPolicy } from '../build/csp.mjs'

/** @param {string} html */
export function asPreModuleEngineRunsIt(html) {
  const withoutPreloads = html.replace(/^.*<link rel="modulepreload".*\n/gm, '')
  const loader = withoutPreloads.indexOf('<script>')
  if (loader === -1) throw new Error('index.html has no inline bundle loader: is this a build of this app?')
  const noModules = '<script>delete HTMLScriptElement.prototype.noModule</script>\n    '
  return rehashContentSecurityPolicy(withoutPreloads.slice(0, loader) + noModules + withoutPreloads.slice(loader))
}

/**
 * Serves `/legacy.html`: dist's index.html rewritten so only the legacy bundle runs.
 * @param {string} distDir
 * @returns {import('./index.mjs').Route[]}
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
