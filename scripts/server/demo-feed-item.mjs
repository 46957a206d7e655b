// @ts-check
/**
 * A story posted to POST /admin/feed/items, checked and turned into a DemoArticle. Deliberately
 * lenient about *content* (tests post hostile titles and javascript: links on purpose) but strict
 * about *shape*, so a typo in a test gets a 400 that says what is wrong.
 */

/** @typedef {import('./demo-articles.mjs').DemoArticle} DemoArticle */

/** A request the admin endpoints refuse (400 with this message). */
export class FeedRequestError extends Error {}

const SECTIONS = /** @type {const} */ (['Newsfront', 'Health', 'Money', 'World'])
/**
 * Characters XML 1.0 cannot carry, not even escaped: C0 controls but tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. One of them in a story would make the RSS unreadable for every TV.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** `published` from 1900 to 9999: what RSS's and JSON Feed's date formats can write. */
const EARLIEST_MS = Date.UTC(1900, 0, 1)
const LATEST_MS = Date.UTC(10000, 0, 1) - 1

/**
 * @param {unknown} value
 * @param {string} path  where it sits, for the message
 */
function refuseXmlForbidden(value, path) {
  if (typeof value === 'string') {
    const found = XML_FORBIDDEN.exec(value)
    if (found) {
      const code = /** @type {string} */ (found[0]).charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
      throw new FeedRequestError(`"${path}" holds U+${code}, a character XML cannot carry`)
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseXmlForbidden(v, `${path}[${i}]`))
}

/**
 * @param {Record<string, unknown>} item
 * @param {string} field
 */
function optionalString(item, field) {
  const value = item[field]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new FeedRequestError(`"${field}" must be a string`)
  return value
}

/**
 * @param {unknown} value  the JSON body: {title, summary?, body?, section?, author?, tags?, breaking?, url?, image?, published?}
 * @param {{ id: number, now: number }} context
 * @returns {DemoArticle}
 */
export function readDemoItem(value, { id, now }) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FeedRequestError('expected a JSON object like {"title": "…", "section": "World", "breaking": true}')
  }
  const item = /** @type {Record<string, unknown>} */ (value)
  for (const [key, field] of Object.entries(item)) refuseXmlForbidden(field, key)
  const title = optionalString(item, 'title') ?? optionalString(item, 'headline')
  if (!title || !title.trim()) throw new FeedRequestError('"title" is required')
  const summary = optionalString(item, 'summary') ?? title
  const rawBody = item.body
  if (rawBody !== undefined && typeof rawBody !== 'string' && !(Array.isArray(rawBody) && rawBody.every((p) => typeof p === 'string'))) {
    throw new FeedRequestError('"body" must be a string or a list of paragraphs')
  }
  const body = rawBody === undefined ? [summary] : typeof rawBody === 'string' ? rawBody.split(/\n\s*\n/) : rawBody
  const sectionName = optionalString(item, 'section') ?? 'Newsfront'
  const section = SECTIONS.find((s) => s.toLowerCase() === sectionName.toLowerCase())
  if (!section) throw new FeedRequestError(`"section" must be one of ${SECTIONS.join(', ')}`)
  const tags = item.tags ?? []
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) throw new FeedRequestError('"tags" must be a list of strings')
  if (item.breaking !== undefined && typeof item.breaking !== 'boolean') throw new FeedRequestError('"breaking" must be true or false')
  const published = item.published ?? now
  const publishedMs = typeof published === 'number' ? published : Date.parse(String(published))
  if (!Number.isFinite(publishedMs)) throw new FeedRequestError('"published" must be an ISO date or milliseconds')
  if (publishedMs < EARLIEST_MS || publishedMs > LATEST_MS) throw new FeedRequestError('"published" must be from the year 1900 to 9999')
  const link = optionalString(item, 'url')
  const image = optionalString(item, 'image')
  return {
    id,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'story',
    section,
    headline: title,
    byline: optionalString(item, 'author') ?? 'Newsroom Staff',
    published: new Date(publishedMs).toISOString(),
    tags: /** @type {string[]} */ (tags),
    summary,
    body,
    breaking: item.breaking === true,
    ...(link !== undefined ? { link } : {}),
    ...(image !== undefined ? { image } : {}),
  }
}
