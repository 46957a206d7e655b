// @ts-check
/**
 * Who the packaged app is: id, version, title and vendor, read from settings.json and the built
 * index.html, checked against what both TV stores accept, plus the names Tizen derives from them.
 */
import { createHash } from 'node:crypto'

/**
 * @typedef {object} AppIdentity
 * @property {string} id  reverse-DNS app id (appSettings.id), the webOS app id
 * @property {string} version  x.y.z (appSettings.version)
 * @property {string} title  shown under the launcher icon
 * @property {string} vendor
 * @property {string} tizenPackageId  10 letters/digits; Samsung's Seller Office issues the real one
 * @property {string} tizenApplicationId  `<tizenPackageId>.<Name>`
 */

/**
 * @param {{ appSettings?: { id?: unknown, version?: unknown } }} settings
 * @param {{ title: string, vendor?: string, tizenPackageId?: string }} names
 * @returns {AppIdentity}
 */
export function appIdentity(settings, { title, vendor, tizenPackageId }) {
  const id = String(settings.appSettings?.id ?? '')
  const version = String(settings.appSettings?.version ?? '')
  // webOS rules (lowercase, digits, '-', '.'; not a platform prefix); Tizen takes the same ids.
  if (!/^[a-z0-9][a-z0-9.-]+$/.test(id) || /^com\.(palm|webos|lge|palmdts)(\.|$)/.test(id)) {
    throw new Error(`appSettings.id "${id}" is not a valid app id (reverse DNS, lowercase letters, digits, "-" and ".")`)
  }
  const parts = version.split('.')
  const limits = [255, 255, 65535] // Tizen's {0-255}.{0-255}.{0-65535}; webOS takes any x.y.z
  if (parts.length !== 3 || parts.some((p, i) => !/^(0|[1-9]\d*)$/.test(p) || Number(p) > (limits[i] ?? 0))) {
    throw new Error(`appSettings.version "${version}" must be x.y.z with x, y <= 255 and z <= 65535`)
  }
  const name = title.replace(/[^A-Za-z0-9]/g, '').slice(0, 52)
  if (!name) throw new Error(`the title "${title}" has no letters or digits to name the Tizen application`)
  const packageId = tizenPackageId ?? tizenPackageIdFor(id)
  if (!/^[A-Za-z0-9]{10}$/.test(packageId)) throw new Error(`Tizen package id "${packageId}" must be 10 letters or digits`)
  return {
    id,
    version,
    title,
    vendor: vendor ?? domainOf(id),
    tizenPackageId: packageId,
    tizenApplicationId: `${packageId}.${name}`,
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A stable 10-character package id from the app id, so rebuilt packages update the installed app.
 * @param {string} appId
 */
export function tizenPackageIdFor(appId) {
  const digest = createHash('sha256').update(appId).digest()
  return Array.from(digest.subarray(0, 10), (byte) => BASE62.charAt(byte % 62)).join('')
}

/** "com.example.livenews" -> "example.com": the organisation behind a reverse-DNS id. @param {string} appId */
export function domainOf(appId) {
  return appId.split('.').slice(0, -1).reverse().join('.') || appId
}

/**
 * The channel and feed URLs in settings that a packaged app (opened from file://) cannot reach.
 * @param {{ appSettings?: { channels?: Array<{ url?: unknown }>, feed?: { url?: unknown } } }} settings
 * @returns {string[]} `field "url"` for each
 */
export function relativeUrlsIn(settings) {
  const app = settings.appSettings ?? {}
  const channels = Array.isArray(app.channels) ? app.channels : []
  const urls = [...channels.map((channel, i) => ({ field: `channels[${i}].url`, url: channel?.url })), { field: 'feed.url', url: app.feed?.url }]
  return urls.filter(({ url }) => typeof url === 'string' && !/^https?:\/\//i.test(url)).map(({ field, url }) => `${field} "${url}"`)
}
