// @ts-check
/**
 * index.html while the legacy bundle does not exist yet: `npm start` serves as soon as the module
 * bundle is built and finishes the legacy bundle in the background; `npm run dev` does not build it.
 * Meanwhile the bundle loader's legacy slot names PENDING_LEGACY_SCRIPT, a small ES5 script that
 * says so on screen (and, under `npm start`, reloads the page until the real bundle is there), and
 * the Content-Security-Policy is filled in for that loader. Engines that run the module bundle never
 * load it. When the legacy build finishes it writes its own name over this one
 * (scripts/build/legacy-bundle.mjs) and recomputes the policy.
 */
import path from 'node:path'
import { LEGACY_PLACEHOLDER } from './bundle-loader.mjs'
import { withContentSecurityPolicy } from './csp.mjs'
import { writeFileAtomically } from './build-stamp.mjs'
import { readFileSync, writeFileSync } from 'node:fs'

export const PENDING_LEGACY_SCRIPT = 'app-legacy-pending.js'

/**
 * The placeholder script (ES5, no inline style: the page's policy allows styles by hash only, and
 * setting element.style from a script is allowed).
 * @param {{ message: string, reloadAfterMs?: number }} options
 */
export function pendingLegacyScript({ message, reloadAfterMs }) {
  return `(function (d, w) {
  var note = d.createElement('p')
  note.textContent = ${JSON.stringify(message)}
  var s = note.style
  s.position = 'absolute'; s.zIndex = '3'; s.left = '96px'; s.top = '96px'; s.right = '96px'
  s.color = '#fff'; s.font = '36px sans-serif'
  d.body.appendChild(note)
  ${reloadAfterMs ? `w.setTimeout(function () { w.location.reload() }, ${reloadAfterMs})` : ''}
})(document, window)
`
}

/**
 * index.html as the module build wrote it (loader with the legacy placeholder, policy not filled
 * in), made servable before the legacy bundle exists.
 * @param {string} html
 */
export function withPendingLegacyBundle(html) {
  if (!html.includes(LEGACY_PLACEHOLDER)) throw new Error(`index.html has no ${LEGACY_PLACEHOLDER} in its bundle loader`)
  return withContentSecurityPolicy(html.replace(LEGACY_PLACEHOLDER, `./${PENDING_LEGACY_SCRIPT}`))
}

/**
 * A plugin for the module build: after it writes index.html, points the loader's legacy slot at the
 * pending script and writes that script.
 * @param {{ message: string, reloadAfterMs?: number }} options
 * @returns {import('rollup').Plugin}
 */
export function legacyPending(options) {
  return {
    name: 'legacy-pending',
    writeBundle(output) {
      const dir = /** @type {string} */ (output.dir)
      writeFileSync(path.join(dir, PENDING_LEGACY_SCRIPT), pendingLegacyScript(options))
      const file = path.join(dir, 'index.html')
      writeFileAtomically(file, withPendingLegacyBundle(readFileSync(file, 'utf8')))
    },
  }
}
