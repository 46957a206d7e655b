/**
 * The Tizen .wgt and webOS .ipk, made from the built app (npm test builds dist/ first; DIST_DIR
 * picks another build) into a temp folder, unpacked and checked the way each TV reads them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import { PNG } from 'pngjs'
import settings from '../../settings.json'
import { makeWgt } from '../../scripts/package/tizen.mjs'
import { makeIpk } from '../../scripts/package/webos.mjs'
import { appIdentity, relativeUrlsIn, tizenPackageIdFor, type AppIdentity } from '../../scripts/package/app-identity.mjs'
import { REPO_ROOT, titleOf, bundlesNamedBy, isLeftOutOfPackages } from '../../scripts/package/stage-app.mjs'
import { readAr, readTarGz } from './package-archives'

const distDir = process.env.DIST_DIR || path.join(REPO_ROOT, 'dist')
let outDir: string
let app: AppIdentity

beforeAll(() => {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`${distDir} has no build: run "npm run build" (npm test does it for you)`)
  outDir = mkdtempSync(path.join(tmpdir(), 'packages-test-'))
  app = appIdentity(settings, { title: titleOf(readFileSync(path.join(distDir, 'index.html'), 'utf8')) })
})

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

/** Paths a package must carry: the page, every script it names, and hls.js's worker. */
function expectTheApp(files: Map<string, Uint8Array>): void {
  const html = Buffer.from(files.get('index.html')!).toString('utf8')
  const bundles = bundlesNamedBy(html)
  const scripts = [bundles.module, bundles.legacy]
  expect(scripts).toEqual([expect.stringMatching(/^app-[\w-]+\.js$/), expect.stringMatching(/^app-legacy-[\w-]+\.js$/)])
  const lazyChunks = [...html.matchAll(/rel="modulepreload" href="\.\/([^"]+)"/g)].map((m) => m[1]!)
  for (const file of [...scripts, ...lazyChunks, 'hls.worker.js', 'feed.worker.js']) expect(files.has(file), file).toBe(true)
  for (const name of files.keys()) {
    expect(name.endsWith('.map'), name).toBe(false)
    expect(name.startsWith('static/demo/'), name).toBe(false)
    expect(name.split('/').some((part) => part.startsWith('.')), name).toBe(false)
    expect(name.startsWith('/') || name.split('/').includes('..') || name.includes('\\'), name).toBe(false)
  }
}

function expectPng(bytes: Uint8Array | undefined, width: number, height: number): void {
  expect(bytes, 'icon file').toBeDefined()
  const png = PNG.sync.read(Buffer.from(bytes!))
  expect([png.width, png.height]).toEqual([width, height])
}

describe('what stays out of packages', () => {
  it('source maps, the demo media and the build\'s own dotfiles (npm start leaves dist/.build-stamp)', () => {
    for (const file of ['app-x.js.map', 'static/demo/poster.jpg', '.build-stamp', 'static/.DS_Store']) expect(isLeftOutOfPackages(file), file).toBe(true)
    for (const file of ['index.html', 'app-x.js', 'feed.worker.js', 'static/icon.png']) expect(isLeftOutOfPackages(file), file).toBe(false)
  })
})

describe('the Tizen package (.wgt)', () => {
  let files: Map<string, Uint8Array>
  let widget: Element

  beforeAll(() => {
    const wgt = makeWgt({ distDir, outDir, app })
    expect(path.basename(wgt)).toBe(`${settings.appSettings.id}-${settings.appSettings.version}.wgt`)
    files = new Map(Object.entries(unzipSync(readFileSync(wgt))))
    const xml = Buffer.from(files.get('config.xml')!).toString('utf8')
    const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document
    widget = doc.documentElement
  })

  const TIZEN = 'http://tizen.org/ns/widgets'
  const tizenElements = (name: string) => [...widget.getElementsByTagNameNS(TIZEN, name)]
  const widgetElement = (name: string) => widget.getElementsByTagNameNS('http://www.w3.org/ns/widgets', name)[0]

  it('has a config.xml naming the app, its version and its Tizen ids', () => {
    expect(widget.namespaceURI).toBe('http://www.w3.org/ns/widgets')
    expect(widget.localName).toBe('widget')
    expect(widget.getAttribute('version')).toBe(settings.appSettings.version)
    expect(widget.getAttribute('viewmodes')).toBe('maximized')
    const [application] = tizenElements('application')
    const packageId = application!.getAttribute('package')!
    expect(packageId).toMatch(/^[A-Za-z0-9]{10}$/)
    expect(application!.getAttribute('id')).toMatch(new RegExp(`^${packageId}\\.[A-Za-z0-9]+$`))
    expect(application!.getAttribute('required_version')).toBe('4.0')
    expect(widgetElement('name')!.textContent).toBe(app.title)
  })

  it('asks for the internet and the remote keys, and may reach any origin', () => {
    expect(tizenElements('privilege').map((p) => p.getAttribute('name'))).toEqual([
      'http://tizen.org/privilege/internet',
      'http://tizen.org/privilege/tv.inputdevice',
    ])
    const access = widgetElement('access')!
    expect([access.getAttribute('origin'), access.getAttribute('subdomains')]).toEqual(['*', 'true'])
    const [setting] = tizenElements('setting')
    expect(setting!.getAttribute('screen-orientation')).toBe('landscape')
    expect(setting!.getAttribute('hwkey-event')).toBe('enable')
  })

  it('launches index.html, shows a PNG icon, and carries the built app without maps or demo media', () => {
    const content = widgetElement('content')!.getAttribute('src')!
    expect(content).toBe('index.html')
    expect(files.has(content)).toBe(true)
    expectPng(files.get(widgetElement('icon')!.getAttribute('src')!), 117, 117)
    expectTheApp(files)
  })
})

describe('the webOS package (.ipk)', () => {
  const appDir = `usr/palm/applications/${settings.appSettings.id}/`
  let members: Map<string, Buffer>
  let appFiles: Map<string, Uint8Array>
  let appInfo: Record<string, unknown>

  beforeAll(() => {
    const ipk = makeIpk({ distDir, outDir, app })
    expect(path.basename(ipk)).toBe(`${settings.appSettings.id}_${settings.appSettings.version}_all.ipk`)
    members = readAr(readFileSync(ipk))
    const data = readTarGz(members.get('data.tar.gz')!)
    appFiles = new Map([...data].filter(([name]) => name.startsWith(appDir)).map(([name, bytes]) => [name.slice(appDir.length), bytes]))
    appInfo = JSON.parse(Buffer.from(appFiles.get('appinfo.json')!).toString('utf8'))
  }, 120_000)

  it('is a Debian-style ar of debian-binary, control and data, controlled by the app id and version', () => {
    expect([...members.keys()]).toEqual(['debian-binary', 'control.tar.gz', 'data.tar.gz'])
    expect(members.get('debian-binary')!.toString()).toBe('2.0\n')
    const control = readTarGz(members.get('control.tar.gz')!).get('control')!.toString('utf8')
    expect(control).toMatch(new RegExp(`^Package: ${settings.appSettings.id.replace(/\./g, '\\.')}$`, 'm'))
    expect(control).toMatch(new RegExp(`^Version: ${settings.appSettings.version.replace(/\./g, '\\.')}$`, 'm'))
  })

  it('has an appinfo.json for a full-HD web app that handles Back itself', () => {
    expect(appInfo).toMatchObject({
      id: settings.appSettings.id,
      version: settings.appSettings.version,
      type: 'web',
      main: 'index.html',
      title: app.title,
      disableBackHistoryAPI: true,
      resolution: '1920x1080',
      accessibility: { supportsAudioGuidance: true },
    })
    expect(appInfo.vendor).toBeTruthy()
  })

  it('carries its main page, both icons as PNGs, and the built app without maps or demo media', () => {
    expect(appFiles.has(appInfo.main as string)).toBe(true)
    expectPng(appFiles.get(appInfo.icon as string), 80, 80)
    expectPng(appFiles.get(appInfo.largeIcon as string), 130, 130)
    expectTheApp(appFiles)
  })
})

describe('what a package is named and warned about', () => {
  it('derives a stable 10-character Tizen package id from the app id', () => {
    expect(tizenPackageIdFor('com.example.livenews')).toBe(tizenPackageIdFor('com.example.livenews'))
    expect(tizenPackageIdFor('com.example.livenews')).toMatch(/^[A-Za-z0-9]{10}$/)
    expect(tizenPackageIdFor('com.example.other')).not.toBe(tizenPackageIdFor('com.example.livenews'))
  })

  it('refuses ids and versions the TV stores refuse', () => {
    const named = (id: string, version = '1.0.0') => () => appIdentity({ appSettings: { id, version } }, { title: 'Live News' })
    expect(named('com.example.livenews')).not.toThrow()
    expect(named('Com.Example.News')).toThrow(/not a valid app id/)
    expect(named('com.webos.news')).toThrow(/not a valid app id/)
    expect(named('com.example.news', '1.0')).toThrow(/x\.y\.z/)
    expect(named('com.example.news', '256.0.0')).toThrow(/x\.y\.z/)
    expect(named('com.example.news', '1.02.0')).toThrow(/x\.y\.z/)
  })

  it('lists relative channel and feed URLs (as in the demo settings): a package opened from file:// cannot reach them', () => {
    const demo = { appSettings: { channels: [{ url: '/live/news/master.m3u8' }, { url: '/live/world/master.m3u8' }], feed: { url: '/feed.rss' } } }
    expect(relativeUrlsIn(demo)).toEqual([
      'channels[0].url "/live/news/master.m3u8"',
      'channels[1].url "/live/world/master.m3u8"',
      'feed.url "/feed.rss"',
    ])
    const live = { appSettings: { channels: [{ url: 'https://tv.example.com/live.m3u8' }], feed: { url: 'https://news.example.com/rss' } } }
    expect(relativeUrlsIn(live)).toEqual([])
  })

  it('will not stage a page that lacks either bundle', () => {
    expect(() => bundlesNamedBy('<script type="module" src="./app-x.js"></script>')).toThrow(/bundle loader/)
    expect(bundlesNamedBy("})(window, document, './app-a1.js', './app-legacy-b2.js')")).toEqual({ module: 'app-a1.js', legacy: 'app-legacy-b2.js' })
  })
})
