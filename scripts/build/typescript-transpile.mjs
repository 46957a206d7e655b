// @ts-check
/**
 * TypeScript compiled file by file (ts.transpileModule), without type-checking: what `npm start` and
 * `npm run dev` put in place of @rollup/plugin-typescript for the bundles they serve first, because
 * that plugin type-checks the whole program (src/ and test/) before every build, seconds a
 * maintainer waits for on each start. tsconfig.json sets isolatedModules, so each file compiles to
 * the same JavaScript either way. Types are still checked: by the legacy bundle's build that
 * `npm start` runs in the background, by `npm run typecheck` and by `npm test`.
 */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** @param {string} file */
const isFile = (file) => existsSync(file) && statSync(file).isFile()

/**
 * @param {{ tsconfig?: string, include?: RegExp }} [options]
 *   include: the modules to compile (default: .ts under src/)
 * @returns {import('rollup').Plugin}
 */
export function transpileTypeScript({ tsconfig = 'tsconfig.json', include = /[\\/]src[\\/].*\.ts$/ } = {}) {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(tsconfig), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    },
  })
  if (!parsed) throw new Error(`could not read ${tsconfig}`)
  /** @type {import('typescript').CompilerOptions} */
  const compilerOptions = {
    ...parsed.options,
    // As @rollup/plugin-typescript forces them: ES modules for rollup, tslib for any helper.
    module: ts.ModuleKind.ESNext,
    importHelpers: true,
    noEmitHelpers: true,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: true,
    declaration: false,
    noEmit: false,
  }
  return {
    name: 'typescript-transpile',
    resolveId(source, importer) {
      if (!importer || !include.test(importer) || !source.startsWith('.')) return null
      const base = path.resolve(path.dirname(importer), source)
      return [`${base}.ts`, path.join(base, 'index.ts'), base].find(isFile) ?? null
    },
    transform(code, id) {
      if (!include.test(id) || id.endsWith('.d.ts')) return null
      const { outputText, sourceMapText } = ts.transpileModule(code, { compilerOptions, fileName: id })
      return { code: outputText.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n'), map: sourceMapText }
    },
  }
}

/**
 * `options` (a bundle of rollup.config.js) with its @rollup/plugin-typescript replaced by transpileTypeScript.
 * @param {import('rollup').MergedRollupOptions} options
 * @returns {import('rollup').MergedRollupOptions}
 */
export function withoutTypeChecking(options) {
  const plugins = /** @type {import('rollup').Plugin[]} */ (options.plugins ?? [])
  const index = plugins.findIndex((plugin) => plugin && plugin.name === 'typescript')
  if (index === -1) throw new Error(`the bundle of ${options.input} has no typescript plugin to replace`)
  return { ...options, plugins: plugins.map((plugin, i) => (i === index ? transpileTypeScript() : plugin)) }
}
