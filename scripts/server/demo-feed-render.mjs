// @ts-check
/**
 * Demo articles -> feed documents: RSS 2.0 (dc:creator, category, content:encoded,
 * media:thumbnail) and JSON Feed 1.1, plus the variants the fault knobs serve (ISO-8859-1, ~10 MB).
 */
import { SITE, articleLink } from './demo-articles.mjs'

/** @typedef {import('./demo-articles.mjs').DemoArticle} DemoArticle */

const FEED_TITLE = 'Newsroom 24 — Top Stories'
const FEED_DESCRIPTION = 'Breaking news and analysis from the Newsroom 24 desk: Newsfront, Health, Money and World.'

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The body as the site's HTML: one <p> per paragraph. */
function bodyHtml(/** @type {DemoArticle} */ a) {
  return a.body.map((p) => `<p>${p}</p>`).join('')
}

/** Section first (feeds put the section in the first category), then the breaking marker, then tags. */
function categories(/** @type {DemoArticle} */ a) {
  return [a.section, ...(a.breaking ? ['Breaking'] : []), ...a.tags]
}

/** @param {DemoArticle} a */
export function publishedMs(a) {
  return Date.parse(a.published)
}

/**
 * @param {DemoArticle[]} articles  newest first
 * @param {{ selfUrl: string, latin1?: boolean }} options
 *   latin1: declare ISO-8859-1 and write every character above U+00FF as a character reference,
 *   so the document can be encoded byte for byte as latin-1
 */
export function renderRss(articles, { selfUrl, latin1 = false }) {
  // CDATA cannot carry character references, so the latin-1 variant escapes its HTML instead.
  const html = (/** @type {string} */ markup) =>
    latin1 ? escapeXml(markup) : `<![CDATA[${markup.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
  const newest = articles.length ? Math.max(...articles.map(publishedMs)) : 0
  const items = articles.map((a) => {
    const link = escapeXml(articleLink(a))
    return [
      '    <item>',
      `      <title>${escapeXml(a.headline)}</title>`,
      `      <link>${link}</link>`,
      `      <guid isPermaLink="true">${link}</guid>`,
      `      <pubDate>${new Date(publishedMs(a)).toUTCString()}</pubDate>`,
      `      <dc:creator>${escapeXml(a.byline)}</dc:creator>`,
      ...categories(a).map((c) => `      <category>${escapeXml(c)}</category>`),
      `      <description>${escapeXml(a.summary)}</description>`,
      `      <content:encoded>${html(bodyHtml(a))}</content:encoded>`,
      ...(a.image ? [`      <media:thumbnail url="${escapeXml(a.image)}" width="640" height="360"/>`] : []),
      '    </item>',
    ].join('\n')
  })
  const xml = [
    `<?xml version="1.0" encoding="${latin1 ? 'ISO-8859-1' : 'UTF-8'}"?>`,
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    '     xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(FEED_TITLE)}</title>`,
    `    <link>${SITE}/</link>`,
    `    <description>${escapeXml(FEED_DESCRIPTION)}</description>`,
    '    <language>en-us</language>',
    `    <lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
  return latin1 ? xml.replace(/[^\u0000-\u00ff]/gu, (c) => `&#${c.codePointAt(0)};`) : xml
}

/**
 * @param {DemoArticle[]} articles  newest first
 * @param {{ selfUrl: string }} options
 */
export function renderJsonFeed(articles, { selfUrl }) {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE,
    home_page_url: `${SITE}/`,
    feed_url: selfUrl,
    description: FEED_DESCRIPTION,
    language: 'en-US',
    items: articles.map((a) => ({
      id: articleLink(a),
      url: articleLink(a),
      title: a.headline,
      summary: a.summary,
      content_html: bodyHtml(a),
      date_published: new Date(publishedMs(a)).toISOString(),
      authors: [{ name: a.byline }],
      tags: categories(a),
      ...(a.image ? { image: a.image } : {}),
    })),
  }
  return JSON.stringify(feed, null, 2) + '\n'
}

/**
 * A feed of about `bytes` bytes: the articles over and over, each copy with its own id, so a
 * client that ignored size limits would really have 10 MB of distinct items to chew on.
 * @param {DemoArticle[]} articles
 * @param {(list: DemoArticle[]) => string} render
 * @param {number} bytes
 */
export function renderHuge(articles, render, bytes) {
  const perArticle = Buffer.byteLength(render(articles)) / Math.max(1, articles.length)
  const copies = Math.ceil(bytes / perArticle / Math.max(1, articles.length))
  /** @type {DemoArticle[]} */
  const many = []
  for (let copy = 0; copy < copies; copy++) {
    for (const a of articles) many.push({ ...a, id: a.id * 100_000 + copy, slug: `${a.slug}-copy-${copy}` })
  }
  return render(many)
}
