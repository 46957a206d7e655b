// @ts-check
/**
 * `npm run package:tizen`: packages/<id>-<version>.wgt for Samsung TVs (Tizen 4.0+), unsigned.
 * A .wgt is a zip: the app, config.xml (W3C widget + Tizen extensions) and the launcher icon.
 * Sign it with a Samsung certificate before installing (README: "Packages for TVs").
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { appIconPng } from './app-icon.mjs'
import { listFiles, stageApp } from './stage-app.mjs'
import { isCliEntry, runPackageCli } from './package-cli.mjs'

const ICON = { file: 'icon.png', width: 117, height: 117 }
// Zip entries carry a fixed date so the same build always makes the same package.
const ZIP_DATE = new Date('2020-01-01T00:00:00Z')

/** @type {Record<string, string>} */
const XML_ENTITIES = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }
/** @param {string} text */
const escapeXml = (text) => text.replace(/[<>&"']/g, (c) => XML_ENTITIES[c] ?? c)

/** @param {import('./app-identity.mjs').AppIdentity} app */
export function tizenConfigXml(app) {
  const widgetId = `https://${app.vendor}/${app.id.split('.').pop()}`
  return `<?xml version="1.0" encoding="UTF-8"?>
<widget xmlns="http://www.w3.org/ns/widgets" xmlns:tizen="http://tizen.org/ns/widgets" id="${escapeXml(widgetId)}" version="${escapeXml(app.version)}" viewmodes="maximized">
    <tizen:application id="${escapeXml(app.tizenApplicationId)}" package="${escapeXml(app.tizenPackageId)}" required_version="4.0"/>
    <content src="index.html"/>
    <icon src="${ICON.file}"/>
    <name>${escapeXml(app.title)}</name>
    <author>${escapeXml(app.vendor)}</author>
    <feature name="http://tizen.org/feature/screen.size.all"/>
    <tizen:privilege name="http://tizen.org/privilege/internet"/>
    <tizen:privilege name="http://tizen.org/privilege/tv.inputdevice"/>
    <access origin="*" subdomains="true"/>
    <tizen:setting screen-orientation="landscape" context-menu="disable" background-support="disable" encryption="disable" install-location="auto" hwkey-event="enable"/>
    <tizen:profile name="tv-samsung"/>
</widget>
`
}

/**
 * @param {{ distDir: string, outDir: string, app: import('./app-identity.mjs').AppIdentity }} options
 * @returns {string} the .wgt written
 */
export function makeWgt({ distDir, outDir, app }) {
  const stageDir = mkdtempSync(path.join(tmpdir(), 'wgt-stage-'))
  try {
    stageApp(distDir, stageDir)
    writeFileSync(path.join(stageDir, 'config.xml'), tizenConfigXml(app))
    writeFileSync(path.join(stageDir, ICON.file), appIconPng(ICON.width, ICON.height))
    const entries = Object.fromEntries(
      listFiles(stageDir).map((file) => [file, /** @type {import('fflate').ZippableFile} */ ([new Uint8Array(readFileSync(path.join(stageDir, file))), { mtime: ZIP_DATE }])]),
    )
    mkdirSync(outDir, { recursive: true })
    const wgt = path.join(outDir, `${app.id}-${app.version}.wgt`)
    writeFileSync(wgt, zipSync(entries, { level: 9 }))
    return wgt
  } finally {
    rmSync(stageDir, { recursive: true, force: true })
  }
}

if (isCliEntry(import.meta.url)) runPackageCli('tizen', makeWgt)
