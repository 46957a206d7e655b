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
 * Built-ins Chromium 63 / Safari 11.1 have, which core-js still offers to replace over spec details
 * the app does not lean on: stable sort (70), well-formed JSON.stringify (72) and JSON.parse
 * source text, Error `cause`, DOMException stacks, `self`, URL/URLSearchParams revisions (native
 * since Chromium 51; `.size` is matched by name on Maps and Sets), RegExp named groups and flags
 * (Babel lowers named groups in the source itself), Array length edge cases, Symbol#description,
 * and V8's Promise (native, with finally, from 63). Each would ride on the module bundle's
 * first-frame path for every engine; the engine lanes prove the app on the natives.
 */
export const MODULE_NATIVE_ENOUGH = [
  /^es\.array\.(includes|iterator|push|reduce|reverse|sort|unshift)$/,
  /^es\.error\.cause$/,
  /^es\.json\.(parse|stringify)$/,
  /^es\.promise(\..+)?$/,
  /^es\.regexp\.(constructor|exec|flags)$/,
  /^es\.string\.(replace|trim)$/,
  /^es\.symbol\.description$/,
  /^web\.(dom-collections\.iterator|dom-exception\.stack|self)$/,
  /^web\.url(-search-params)?(\..+)?$/,
]

/**
 * @param {{ targets: Record<string, string>, es5?: boolean, nativeEnough?: RegExp[] }} options
 *   es5: transform all syntax to ES5 whatever the targets parse (Chromium 53 parses most of
 *   ES2015 but not all: async functions 55, object spread 60; ES5 leaves no syntax in doubt)
 *   nativeEnough: polyfills to leave out because the targets' natives serve the app
 */
export function engineBabel({ targets, es5 = false, nativeEnough = [] }) {
  return babel({
    babelHelpers: 'bundled',
    babelrc: false,
    configFile: false,
    // After the TypeScript and CommonJS plugins everything is an ES module, dependencies too.
    extensions: ['.js', '.mjs', '.cjs', '.ts'],
    sourceType: 'module',
    // core-js is what gets injected; transforming it would inject it into itself.
    exclude: [/node_modules[\\/]core-js[\\/]/],
    // Dependencies' output is compact whatever its size: Babel would otherwise switch to compact
    // itself for inputs over 500 KB (hls.js) and print a note about it on every build. Terser rewrites
    // the whitespace anyway; the source maps still point into the originals.
    overrides: [{ test: /node_modules[\\/]/, compact: true }],
    presets: [
      [
        '@babel/preset-env',
        {
          targets,
          forceAllTransforms: es5,
          useBuiltIns: 'usage',
          corejs: '3.51',
          exclude: [...UNUSED_POLYFILLS, ...nativeEnough],
          // The module bundle keeps import/export for rollup to chunk.
          modules: false,
          // BABEL_DEBUG=1 lists the polyfills each file gets.
          debug: process.env.BABEL_DEBUG === '1',
        },
      ],
    ],
  })
}
