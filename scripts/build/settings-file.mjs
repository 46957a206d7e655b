/**
 * APP_SETTINGS=path builds the app with another settings file in place of settings.json (which
 * src/index.ts imports): a TV package is built against its real channel and feed this way,
 * without editing the committed demo settings.
 */
import path from 'node:path'

/** @param {string} settingsPath  @returns {import('rollup').Plugin} */
export function settingsFile(settingsPath) {
  const replaced = path.resolve('settings.json')
  const replacement = path.resolve(settingsPath)
  return {
    name: 'settings-file',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('settings.json')) return null
      return path.resolve(path.dirname(importer), source) === replaced ? replacement : null
    },
  }
}
