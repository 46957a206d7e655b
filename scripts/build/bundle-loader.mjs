// @ts-check
/**
 * index.html's inline bundle loader (src/boot/bundle-loader.js): the module build writes it with the
 * module bundle's file name and a placeholder the legacy build then fills with its own.
 */
import { readFileSync } from 'node:fs'

export const LOADER_SOURCE = 'src/boot/bundle-loader.js'
const MODULE_PLACEHOLDER = '__MODULE_BUNDLE__'
export const LEGACY_PLACEHOLDER = '__LEGACY_BUNDLE__'

/**
 * The loader as an inline `<script>`, without its leading comment, for the module bundle `moduleSrc`.
 * @param {string} moduleSrc e.g. "./app-abc.js"
 */
export function bundleLoaderScript(moduleSrc) {
  const source = readFileSync(LOADER_SOURCE, 'utf8').replace(/^\/\*[\s\S]*?\*\/\s*/, '').trim()
  if (!source.includes(MODULE_PLACEHOLDER) || !source.includes(LEGACY_PLACEHOLDER)) {
    throw new Error(`${LOADER_SOURCE} must name both ${MODULE_PLACEHOLDER} and ${LEGACY_PLACEHOLDER}`)
  }
  return `<script>\n${source.replace(MODULE_PLACEHOLDER, moduleSrc)}\n</script>`
}
