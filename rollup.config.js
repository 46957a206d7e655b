// Builds dist/: index.html, the app as one hashed ES bundle, hls.js's worker and static/, then the
// legacy ES5 bundle for engines without ES modules (scripts/build/legacy-bundle.mjs).
import { readFileSync, cpSync, existsSync, rmSync } from 'node:fs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import typescript from '@rollup/plugin-typescript'
import terser from '@rollup/plugin-terser'
import { legacyBundle } from './scripts/build/legacy-bundle.mjs'
import { settingsFile } from './scripts/build/settings-file.mjs'

const production = process.env.BUILD !== 'dev'
const outDir = process.env.OUT_DIR || 'dist'

/** Resolve, convert and compile the sources: fresh plugin instances for each build. */
const sourcePlugins = () => [
  ...(process.env.APP_SETTINGS ? [settingsFile(process.env.APP_SETTINGS)] : []),
  nodeResolve({ browser: true }),
  commonjs(),
  json(),
  typescript({ tsconfig: './tsconfig.json', noEmitOnError: false, include: ['src/**/*.ts'], compilerOptions: { types: [] } }),
]

/** Writes index.html pointing at the hashed bundle, and copies the worker and static files. */
function appShell() {
  return {
    name: 'app-shell',
    buildStart() {
      rmSync(process.env.OUT_DIR || 'dist', { recursive: true, force: true })
    },
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry)
      // The UI chunk is fetched and compiled in parallel while the entry starts the stream.
      const preloads = entry.dynamicImports.map((file) => `<link rel="modulepreload" href="./${file}" />`)
      const html = readFileSync('src/index.html', 'utf8').replace(
        '<!--app-script-->',
        [...preloads, `<script type="module" src="./${entry.fileName}"></script>`].join('\n    '),
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
    production && terser({ format: { comments: false }, keep_classnames: true }),
    appShell(),
  ],
}

// Rollup builds these in order: the legacy build adds its script to the index.html the modern one wrote.
export default [modernBundle, legacyBundle({ dir: outDir, production, sourcePlugins: sourcePlugins() })]
