// @ts-check
/**
 * `npm run package:webos`: packages/<id>_<version>_all.ipk for LG TVs (webOS 4+), made by the
 * webOS CLI's ares-package (fetched on first use: webos-cli.mjs) from a staging folder holding the
 * app, appinfo.json and the icons.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { appIconPng } from './app-icon.mjs'
import { stageApp } from './stage-app.mjs'
import { isCliEntry, runPackageCli } from './package-cli.mjs'
import { aresPackage } from './webos-cli.mjs'

// webOS TV launcher sizes: icon 80x80, largeIcon 130x130.
const ICONS = { icon: { file: 'icon.png', size: 80 }, largeIcon: { file: 'largeIcon.png', size: 130 } }

/** @param {import('./app-identity.mjs').AppIdentity} app */
export function webosAppInfo(app) {
  return {
    id: app.id,
    version: app.version,
    vendor: app.vendor,
    type: 'web',
    main: 'index.html',
    title: app.title,
    icon: ICONS.icon.file,
    largeIcon: ICONS.largeIcon.file,
    // Back (461) reaches the app, which walks its own history and asks before it exits.
    disableBackHistoryAPI: true,
    resolution: '1920x1080',
    accessibility: { supportsAudioGuidance: true },
  }
}

/**
 * @param {{ distDir: string, outDir: string, app: import('./app-identity.mjs').AppIdentity }} options
 * @returns {string} the .ipk written
 */
export function makeIpk({ distDir, outDir, app }) {
  const stageDir = mkdtempSync(path.join(tmpdir(), 'ipk-stage-'))
  try {
    stageApp(distDir, stageDir)
    writeFileSync(path.join(stageDir, 'appinfo.json'), `${JSON.stringify(webosAppInfo(app), null, 2)}\n`)
    for (const { file, size } of Object.values(ICONS)) writeFileSync(path.join(stageDir, file), appIconPng(size))
    mkdirSync(outDir, { recursive: true })
    // --no-minify (left out of its --help): the bundles are minified already, and ares-package's
    // uglify-js cannot parse the modern bundle's ES2019.
    execFileSync(aresPackage(), [stageDir, '--no-minify', '-o', outDir], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 })
    const ipk = path.join(outDir, `${app.id}_${app.version}_all.ipk`)
    if (!existsSync(ipk)) throw new Error(`ares-package finished but wrote no ${ipk}`)
    return ipk
  } finally {
    rmSync(stageDir, { recursive: true, force: true })
  }
}

if (isCliEntry(import.meta.url)) runPackageCli('webos', makeIpk)
