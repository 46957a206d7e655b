/**
 * The legacy bundle: the whole app (UI chunk inlined) as one classic ES5 script for the TV engines
 * that cannot run the module bundle (Chromium 53–62: webOS 4, Tizen 4). index.html's bundle loader
 * starts it there, and wherever the module bundle fails to load.
 */
import { existsSync, readFileSync } from 'node:fs'
import { LEGACY_PLACEHOLDER } from './bundle-loader.mjs'
import { CSP_PLACEHOLDER, rehashContentSecurityPolicy, withContentSecurityPolicy } from './csp.mjs'
import { writeFileAtomically } from './build-stamp.mjs'
import { PENDING_LEGACY_SCRIPT } from './legacy-pending.mjs'
import { engineBabel, LEGACY_TARGETS } from './engine-babel.mjs'
import terser from '@rollup/plugin-terser'

/**
 * @param {{ dir: string, production: boolean, sourcePlugins: import('rollup').Plugin[] }} options
 *   sourcePlugins: resolve/convert/compile plugins, fresh instances for this build
 * @returns {import('rollup').RollupOptions}
 */
export function legacyBundle({ dir, production, sourcePlugins }) {
  return {
    input: 'src/index-legacy.ts',
    output: {
      dir,
      format: 'iife',
      entryFileNames: 'app-legacy-[hash].js',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: [
      ...sourcePlugins,
      engineBabel({ targets: LEGACY_TARGETS, es5: true }),
      production &&
        terser({
          ecma: 5,
          format: { comments: false },
          // Classes are functions after Babel: keep capitalised names, as the modern build's
          // keep_classnames does, for the automation snapshot's focus path.
          keep_classnames: true,
          keep_fnames: /^[A-Z]/,
        }),
      legacyScriptInLoader(),
    ],
  }
}

/**
 * Fills the legacy bundle's file name into the bundle loader of the index.html the module build wrote
 * (in place of its placeholder, or of the pending script `npm start` serves meanwhile:
 * scripts/build/legacy-pending.mjs), then the Content-Security-Policy, whose hashes are of that final
 * inline text. One atomic write: the demo server may be serving the page.
 */
function legacyScriptInLoader() {
  return {
    name: 'legacy-script-in-loader',
    writeBundle(options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry)
      const file = `${options.dir}/index.html`
      if (!existsSync(file)) this.error(`${file} is missing: the module build writes it and must run first`)
      const html = readFileSync(file, 'utf8')
      // The slot holds the placeholder, the pending script, or an earlier legacy bundle (a background
      // build that finished after `npm start` stopped: the stamp did not record it).
      const slot = [LEGACY_PLACEHOLDER, `./${PENDING_LEGACY_SCRIPT}`, ...(html.match(/\.\/app-legacy-[\w-]+\.js/) ?? [])].find((name) => html.includes(`'${name}'`))
      if (!slot || !entry) return this.error(`${file} has no bundle loader waiting for the legacy bundle: build the module bundle first`)
      const filled = html.replace(`'${slot}'`, `'./${entry.fileName}'`)
      writeFileAtomically(file, filled.includes(CSP_PLACEHOLDER) ? withContentSecurityPolicy(filled) : rehashContentSecurityPolicy(filled))
    },
  }
}
