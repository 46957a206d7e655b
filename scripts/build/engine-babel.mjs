// @ts-check
/**
 * Babel for the TV engines each bundle is loaded on. Both bundles are compiled, node_modules
 * included (Lightning and hls.js ship modern syntax), for the oldest engine that runs them, with the
 * core-js polyfills the code uses for that engine.
 */
import { babel } from '@rollup/plugin-babel'

/**
 * The module bundle's engines: ES modules with dynamic import() (the inline bundle loader checks
 * for both), i.e. Chromium 63+ (Tizen 5 and later, webOS 5 and later) and Safari/WPE WebKit 11.1+.
 */
export const MODULE_TARGETS = { chrome: '63', safari: '11.1' }
/**
 * The syntax those engines parse, as `npm run check:bundles` checks it: ES2018 (object spread 60,
 * async iteration 63) plus import(); Babel also lowers the two ES2018 regex features Chromium 63
 * lacks (named groups, property escapes), which es-check does not tell apart.
 */
export const MODULE_ES_VERSION = 'es2018'

/** The legacy bundle's oldest engine: Chromium 53 (webOS 4, Tizen 4); ES5 output. */
export const LEGACY_TARGETS = { chrome: '53' }

/**
 * Polyfills that usage detection adds by method name alone (`.set(`, `.sort(`, `.filter(`, `.at(`
 * look the same on any receiver) although nothing in the bundles needs them:
 * - ES2022+ families (iterator helpers, Set methods, Map getOrInsert, change-by-copy, `at`,
 *   Uint8Array base64/hex, ArrayBuffer transfer): no source here or in the dependencies calls them.
 * - typed arrays and ArrayBuffer: core-js wraps the engines' constructors and `set` for edge
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
 * @param {{ targets: Record<string, string>, es5?: boolean }} options
 *   es5: transform all syntax to ES5 whatever the targets parse (Chromium 53 parses most of
 *   ES2015 but not all: async functions 55, object spread 60; ES5 leaves no syntax in doubt)
 */
export function engineBabel({ targets, es5 = false }) {
  return babel({
    babelHelpers: 'bundled',
    babelrc: false,
    configFile: false,
    // After the TypeScript and CommonJS plugins everything is an ES module, dependencies too.
    extensions: ['.js', '.mjs', '.cjs', '.ts'],
    sourceType: 'module',
    // core-js is what gets injected; transforming it would inject it into itself.
    exclude: [/node_modules[\\/]core-js[\\/]/],
    presets: [
      [
        '@babel/preset-env',
        {
          targets,
          forceAllTransforms: es5,
          useBuiltIns: 'usage',
          corejs: '3.51',
          exclude: UNUSED_POLYFILLS,
          // The module bundle keeps import/export for rollup to chunk.
          modules: false,
        },
      ],
    ],
  })
}
