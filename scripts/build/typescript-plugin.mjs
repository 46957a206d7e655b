// @ts-check
/**
 * The one TypeScript compile of the app's sources for rollup (the build and the bench's own-code
 * size): tsconfig.json's settings, but `allowJs` off — tsconfig turns it on only so `tsc` types the
 * scripts from their JSDoc; left on here, the plugin hands src/**\/*.ts through untransformed.
 */
import typescript from '@rollup/plugin-typescript'

/** @param {string} [tsconfig] */
export function appTypescript(tsconfig = './tsconfig.json') {
  return typescript({ tsconfig, noEmitOnError: false, include: ['src/**/*.ts'], compilerOptions: { types: [], allowJs: false } })
}
