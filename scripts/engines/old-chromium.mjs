// @ts-check
/**
 * Real old Chromium engines, the ones the TVs of 2019–2021 run (Chromium 63–79), for the engine
 * tests (test/engines/). Each comes from the npm registry as the headless Chromium that an old
 * `chrome-aws-lambda` release ships (brotli-compressed in the package's `bin/`), unpacked once
 * into a cache outside the repository:
 *
 *   ~/.cache/live-news-tv/engines/chromium-<major>/   (or $ENGINE_CACHE/chromium-<major>/)
 *     chromium                 the headless shell (x86-64 Linux)
 *     swiftshader/libEGL.so    76, 79: software GL (Chromium dlopens <exe dir>/swiftshader/…)
 *     swiftshader/libGLESv2.so
 *     libosmesa.so             64, 69: Debian's libOSMesa (those builds dlopen "libosmesa.so"
 *                              from beside the binary for --use-gl=osmesa; they carry no GL)
 *
 * Never launch these with --disable-gpu: it turns WebGL off, and Lightning draws with WebGL.
 *
 * What the binaries need from the system (ldd): libnss3 (libnss3.so, libnssutil3.so), libnspr4
 * (libnspr4.so, libplc4.so, libplds4.so), libexpat1, libuuid1 (76), libc6, libgcc-s1; at run
 * time fontconfig and a font (fonts-dejavu-core), and libosmesa6 for 64/69. Debian:
 *   apt-get install -y libnss3 libnspr4 libexpat1 libuuid1 libosmesa6 fontconfig fonts-dejavu-core
 * (ENGINE_APT_PACKAGES below; every one of them comes with Debian's chromium, too.)
 *
 * Codecs: 64 and 69 are Chromium builds without the proprietary codecs (no H.264, no AAC:
 * MediaSource.isTypeSupported('video/mp4; codecs="avc1…"') is false); 76 and 79 have them.
 *
 * CLI (CI): node scripts/engines/old-chromium.mjs 64 69 76 79   prefetches the engines;
 *           node scripts/engines/old-chromium.mjs --apt-packages  prints the Debian packages
 *           (apt-get install -y $(node scripts/engines/old-chromium.mjs --apt-packages)).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createReadStream, createWriteStream, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const run = promisify(execFile)

/**
 * @typedef {{ pkg: string, chromium: string, gl: 'osmesa' | 'swiftshader', codecs: boolean }} EngineSource
 * @type {Record<number, EngineSource>}
 */
export const ENGINE_SOURCES = {
  64: { pkg: 'chrome-aws-lambda@64.0.3264', chromium: '64.0.3264.0', gl: 'osmesa', codecs: false },
  69: { pkg: 'chrome-aws-lambda@1.5.0', chromium: '69.0.3452.0', gl: 'osmesa', codecs: false },
  76: { pkg: 'chrome-aws-lambda@1.17.1', chromium: '76.0.3803.0', gl: 'swiftshader', codecs: true },
  79: { pkg: 'chrome-aws-lambda@2.0.0', chromium: '79.0.3945.0', gl: 'swiftshader', codecs: true },
}

export const ENGINE_MAJORS = Object.keys(ENGINE_SOURCES).map(Number)

/** Debian packages the engines need at run time (see the header). */
export const ENGINE_APT_PACKAGES = ['libnss3', 'libnspr4', 'libexpat1', 'libuuid1', 'libosmesa6', 'fontconfig', 'fonts-dejavu-core']

/** Debian's OSMesa (libosmesa6), copied beside the 64/69 binaries. */
export const OSMESA_LIBRARY = process.env.OSMESA_LIBRARY || '/usr/lib/x86_64-linux-gnu/libOSMesa.so.8'

/** Marks a complete unpack: written last, so an interrupted fetch is never taken for a cached engine. */
const READY_FILE = '.ready'

export function engineCacheRoot() {
  return process.env.ENGINE_CACHE || join(homedir(), '.cache', 'live-news-tv', 'engines')
}

/** @param {number} major */
export function engineDir(major) {
  return join(engineCacheRoot(), `chromium-${major}`)
}

/**
 * The flags an old engine runs headless with. Add a fresh `--user-data-dir=…` and the URL to open.
 * `--remote-debugging-port=0` makes it print "DevTools listening on ws://127.0.0.1:<port>/…" on
 * stderr. No --single-process / --no-zygote: the multi-process engine runs fine here and is what a
 * TV runs.
 * @param {number} major
 */
export function engineArgs(major) {
  const source = sourceOf(major)
  return [
    '--headless',
    '--no-sandbox',
    `--use-gl=${source.gl}`,
    '--remote-debugging-port=0',
    '--remote-debugging-address=127.0.0.1',
    '--window-size=1920,1080',
    '--hide-scrollbars',
    '--autoplay-policy=no-user-gesture-required',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--disable-translate',
    '--disable-breakpad',
    '--disable-quic',
    '--disable-dev-shm-usage',
    '--metrics-recording-only',
    '--password-store=basic',
    '--use-mock-keychain',
    // Background tabs and timers are never throttled in a test (there is one tab).
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--ignore-gpu-blacklist',
  ]
}

/** @param {number} major */
function sourceOf(major) {
  const source = ENGINE_SOURCES[major]
  if (!source) throw new Error(`no old Chromium ${major}: choose one of ${ENGINE_MAJORS.join(', ')}`)
  return source
}

/**
 * @typedef {{ path: string, args: string[], major: number, dir: string, version: string, codecs: boolean }} OldChromium
 */

/**
 * The engine's binary and launch flags, fetching and unpacking it on first use (later calls find
 * it cached and return at once).
 * @param {number} major 64, 69, 76 or 79
 * @returns {Promise<OldChromium>}
 */
export async function ensureOldChromium(major) {
  const source = sourceOf(major)
  const dir = engineDir(major)
  const result = { path: join(dir, 'chromium'), args: engineArgs(major), major, dir, version: source.chromium, codecs: source.codecs }
  if (existsSync(join(dir, READY_FILE))) return result

  await mkdir(engineCacheRoot(), { recursive: true })
  // Unpacked beside the cache and renamed into place: two processes fetching at once never see
  // half an engine, and the second one's rename simply loses.
  const work = await mkdtemp(join(engineCacheRoot(), `.chromium-${major}-`))
  try {
    const packDir = join(work, 'pack')
    const out = join(work, 'engine')
    await mkdir(packDir)
    await mkdir(out)
    await run('npm', ['pack', source.pkg, '--silent', '--no-audit', '--no-fund'], { cwd: packDir, maxBuffer: 16 * 1024 * 1024 })
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))
    if (!tarball) throw new Error(`npm pack ${source.pkg} wrote no tarball`)
    await run('tar', ['xzf', tarball, 'package/bin'], { cwd: packDir })
    const bin = join(packDir, 'package', 'bin')

    const compressed = (await readdir(bin)).find((f) => /^chromium.*\.br$/.test(f))
    if (!compressed) throw new Error(`${source.pkg} has no bin/chromium*.br`)
    await unbrotli(join(bin, compressed), join(out, 'chromium'))
    await chmod(join(out, 'chromium'), 0o755)

    if (source.gl === 'swiftshader') {
      const swiftshader = join(out, 'swiftshader')
      await mkdir(swiftshader)
      if (existsSync(join(bin, 'swiftshader.tar.br'))) {
        // 2.x: one tarball of libEGL.so + libGLESv2.so.
        const tar = join(work, 'swiftshader.tar')
        await unbrotli(join(bin, 'swiftshader.tar.br'), tar)
        await run('tar', ['xf', tar, '-C', swiftshader])
      } else {
        // 1.x: bin/swiftshader/<lib>.so.br, one file each.
        for (const file of await readdir(join(bin, 'swiftshader'))) {
          if (file.endsWith('.br')) await unbrotli(join(bin, 'swiftshader', file), join(swiftshader, file.slice(0, -3)))
        }
      }
      for (const lib of ['libEGL.so', 'libGLESv2.so']) {
        if (!existsSync(join(swiftshader, lib))) throw new Error(`${source.pkg}: SwiftShader ${lib} missing after unpacking`)
      }
    } else {
      if (!existsSync(OSMESA_LIBRARY)) {
        throw new Error(`Chromium ${major} draws WebGL through OSMesa: ${OSMESA_LIBRARY} is missing (apt-get install -y libosmesa6, or set OSMESA_LIBRARY)`)
      }
      await copyFile(OSMESA_LIBRARY, join(out, 'libosmesa.so'))
    }
    writeFileSync(join(out, READY_FILE), `${source.pkg} → Chromium ${source.chromium}\n`)

    try {
      await rename(out, dir)
    } catch (error) {
      // Another process got there first (its engine is complete: it is renamed in only when ready).
      if (!existsSync(join(dir, READY_FILE))) {
        // A leftover directory without the marker (an older, interrupted layout): replace it.
        await rm(dir, { recursive: true, force: true })
        await rename(out, dir)
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return result
}

/**
 * @param {string} from
 * @param {string} to
 */
async function unbrotli(from, to) {
  await pipeline(createReadStream(from), createBrotliDecompress(), createWriteStream(to, { mode: 0o755 }))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] === '--apt-packages') {
    console.log(ENGINE_APT_PACKAGES.join(' '))
    process.exit(0)
  }
  const majors = process.argv.slice(2).map(Number)
  if (majors.length === 0 || majors.some((m) => !ENGINE_SOURCES[m])) {
    console.error(`usage: node scripts/engines/old-chromium.mjs <major>… (majors: ${ENGINE_MAJORS.join(' ')}) | --apt-packages`)
    process.exit(2)
  }
  for (const major of majors) {
    const started = Date.now()
    const cached = existsSync(join(engineDir(major), READY_FILE))
    const engine = await ensureOldChromium(major)
    console.log(`Chromium ${engine.version}: ${engine.path} (${cached ? 'cached' : `fetched in ${((Date.now() - started) / 1000).toFixed(1)} s`})`)
  }
}
