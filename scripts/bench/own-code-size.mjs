// @ts-check
/**
 * The app's own code, gzipped: the modern build again with every package (hls.js, Lightning,
 * the SDK, qrcode-generator) left out as external, minified the same way.
 */
import { rollup } from 'rollup'
import { gzipSync } from 'node:zlib'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { appTypescript } from '../build/typescript-plugin.mjs'
import terser from '@rollup/plugin-terser'

/** A bare import ("hls.js", "@lightningjs/sdk") is a package: external. */
const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id)

export async function ownCodeSize(root) {
  const bundle = await rollup({
    input: `${root}src/index.ts`,
    external: isPackage,
    onwarn: () => undefined,
    plugins: [commonjs(), json(), appTypescript(`${root}tsconfig.json`)],
  })
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ format: { comments: false }, keep_classnames: true })] })
  await bundle.close()
  const chunks = output.filter((o) => o.type === 'chunk')
  return chunks.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0)
}
