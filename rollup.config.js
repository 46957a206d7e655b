// Builds dist/: index.html with its bundle loader, the app as hashed ES-module chunks compiled for the
// oldest engine that runs modules with import() (scripts/build/engine-babel.mjs), hls.js's worker and
// static/, then the legacy ES5 bundle for every other engine (scripts/build/legacy-bundle.mjs).
import { readFileSync, cpSync, existsSync, rmSync } from 'node:fs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { appTypescript } from './scripts/build/typescript-plugin.mjs'
import terser from '@rollup/plugin-terser'
import { legacyBundle } from './scripts/build/legacy-bundle.mjs'
import { settingsFile } from './scripts/build/settings-file.mjs'
import { engineBabel, MODULE_TARGETS, MODULE_NATIVE_ENOUGH, LEGACY_TARGETS } from './scripts/build/engine-babel.mjs'
import { bundleLoaderScript } from './scripts/build/bundle-loader.mjs'
import { quietDependencyWarnings } from './scripts/build/quiet-warnings.mjs'

const production = process.env.BUILD !== 'dev'
const outDir = process.env.OUT_DIR || 'dist'

/** Resolve, convert and compile the sources: fresh plugin instances for each build. */
const sourcePlugins = () => [
  quietDependencyWarnings(),
  ...(process.env.APP_SETTINGS ? [settingsFile(process.env.APP_SETTINGS)] : []),
  nodeResolve({ browser: true }),
  commonjs(),
  json(),
  appTypescript(),
]

/** Writes index.html with the bundle loader for the hashed bundle, and copies the worker and static files. */
function appShell() {
  return {
    name: 'app-shell',
    buildStart() {
      // In watch mode (`npm run dev`) the other bundles and static/ stay while this one rebuilds.
      if (this.meta.watchMode) return
      rmSync(process.env.OUT_DIR || 'dist', { recursive: true, force: true })
    },
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry)
      // The UI chunk is fetched and compiled in parallel while the entry starts the stream (on
      // engines that know modulepreload: all of them run the module bundle).
      const preloads = entry.dynamicImports.map((file) => `<link rel="modulepreload" href="./${file}" />`)
      const html = readFileSync('src/index.html', 'utf8').replace(
        '<!--app-script-->',
        [...preloads, bundleLoaderScript(`./${entry.fileName}`)].join('\n    '),
      )
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html })
      this.emitFile({
        type: 'asset',
        fileName: 'hls.worker.js',
        source: readFileSync('node_modules/hls.js/dist/hls.worker.js'),
      })
    },
    writeBundle(options) {
      if (existsSync('static')) cpSync('static', `${options.dir}/static`, { recursive: true })
    },
  }
}

const modernBundle = {
  input: 'src/index.ts',
  output: {
    dir: outDir,
    format: 'es',
    entryFileNames: 'app-[hash].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    ...sourcePlugins(),
    engineBabel({ targets: MODULE_TARGETS, nativeEnough: MODULE_NATIVE_ENOUGH }),
    production && terser({ format: { comments: false }, keep_classnames: true }),
    appShell(),
  ],
}

/**
 * The feed worker (src/feed-worker.ts, docs/feed.md): one classic ES5 script, feed.worker.js, that
 * every engine's Worker can run (Chromium 53 up), whichever bundle the page loaded.
 */
const feedWorkerBundle = {
  input: 'src/feed-worker.ts',
  output: { dir: outDir, format: 'iife', entryFileNames: 'feed.worker.js', inlineDynamicImports: true, sourcemap: true },
  plugins: [
    ...sourcePlugins(),
    engineBabel({ targets: LEGACY_TARGETS, es5: true }),
    production && terser({ ecma: 5, format: { comments: false } }),
  ],
}

// Rollup builds these in order: the legacy build adds its script to the index.html the modern one wrote
// (and the module build empties the folder first).
export default [modernBundle, legacyBundle({ dir: outDir, production, sourcePlugins: sourcePlugins() }), feedWorkerBundle]
