/**
 * The legacy bundle: the whole app (UI chunk inlined) as one classic ES5 script for the TV engines
 * that run no ES modules (Chromium 53–60: webOS 4, Tizen 4). index.html loads it with `nomodule`,
 * so engines with module support skip it and run the modern bundle.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { babel } from '@rollup/plugin-babel'
import terser from '@rollup/plugin-terser'

/** The oldest engine the legacy bundle runs on; core-js polyfills are chosen for it. */
const LEGACY_TARGET = { chrome: '53' }

/**
 * Polyfills that usage detection adds by method name alone (`.set(`, `.sort(`, `.filter(`, `.at(`
 * look the same on any receiver) although nothing in the bundle needs them:
 * - ES2022+ families (iterator helpers, Set methods, Map getOrInsert, change-by-copy, `at`,
 *   Uint8Array base64/hex, ArrayBuffer transfer): no source here or in the dependencies calls them.
 * - typed arrays and ArrayBuffer: core-js wraps Chromium 53's constructors and `set` for edge
 *   cases (iterables, odd arguments) nobody here hits, at a cost on every allocation in hls.js and
 *   the WebGL renderer; hls.js's own worker (ES5, unpolyfilled) runs on the same natives.
 */
const UNUSED_POLYFILLS = [
  /^es\.(typed-array|array-buffer|uint8-array|iterator)\./,
  /^es\.set\..+\.v2$/,
  /^es\.map\.get-or-insert/,
  /^es\.(array|string)\.at(-alternative)?$/,
  /^esnext\./,
]

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
      babel({
        babelHelpers: 'bundled',
        babelrc: false,
        configFile: false,
        // After the TypeScript and CommonJS plugins everything is an ES module, dependencies too
        // (Lightning and hls.js ship classes, spread and getters).
        extensions: ['.js', '.mjs', '.cjs', '.ts'],
        sourceType: 'module',
        // core-js is what gets injected; transforming it would inject it into itself.
        exclude: [/node_modules[\\/]core-js[\\/]/],
        presets: [
          [
            '@babel/preset-env',
            {
              targets: LEGACY_TARGET,
              // Chromium 53 parses most of ES2015 but not all (async functions: 55, object
              // spread: 60); ES5 leaves no syntax in doubt, and es-check es5 proves it.
              forceAllTransforms: true,
              useBuiltIns: 'usage',
              corejs: '3.51',
              exclude: UNUSED_POLYFILLS,
            },
          ],
        ],
      }),
      production &&
        terser({
          ecma: 5,
          format: { comments: false },
          // Classes are functions after Babel: keep capitalised names, as the modern build's
          // keep_classnames does, for the automation snapshot's focus path.
          keep_classnames: true,
          keep_fnames: /^[A-Z]/,
        }),
      nomoduleScript(),
    ],
  }
}

/** Adds `<script nomodule>` for the legacy bundle after the module script in the modern build's index.html. */
function nomoduleScript() {
  return {
    name: 'nomodule-script',
    writeBundle(options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry)
      const file = `${options.dir}/index.html`
      if (!existsSync(file)) this.error(`${file} is missing: the modern build writes it and must run first`)
      const html = readFileSync(file, 'utf8')
      const withLegacy = html.replace(
        /^([ \t]*)(<script type="module"[^\n]*<\/script>)$/m,
        `$1$2\n$1<script nomodule src="./${entry.fileName}"></script>`,
      )
      if (withLegacy === html) this.error(`${file} has no module script line: build the modern bundle first`)
      writeFileSync(file, withLegacy)
    },
  }
}
