// @ts-check
/**
 * A realistic RSS 2.0 feed of N items, for the size/count tests and the parse benchmark
 * (1 000 items in Chromium). Deterministic: the same options give the same string.
 */

const SECTIONS = ['Newsfront', 'Health', 'Money', 'World']
const PARAGRAPH =
  'Officials said on Tuesday that the measure would take effect next month, though several details remained ' +
  'under negotiation &amp; a final vote was not expected before the holiday recess. '

/**
 * @param {{ items: number, bodyChars?: number, newest?: number }} options  bodyChars: HTML body per
 *   item (default ~1 200); newest: date of the first item, ms (items are a minute apart, newest first)
 * @returns {string}
 */
export function makeLargeRssFeed(options) {
  const bodyChars = options.bodyChars ?? 1200
  const newest = options.newest ?? Date.UTC(2025, 10, 19, 19, 38)
  const body = '<p>' + PARAGRAPH.repeat(Math.max(1, Math.ceil(bodyChars / PARAGRAPH.length))).slice(0, bodyChars) + '</p>'
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">\n',
    '<channel><title>Large Test Feed</title><link>https://news.example.com/</link><description>Generated</description>\n',
  ]
  for (let i = 0; i < options.items; i++) {
    const section = SECTIONS[i % SECTIONS.length] ?? 'World'
    const slug = `story-${i}`
    parts.push(
      `<item><title>Story ${i}: Lawmakers weigh ${section.toLowerCase()} measure &amp; what it means</title>` +
        `<link>https://news.example.com/${section.toLowerCase()}/${slug}/</link>` +
        `<guid isPermaLink="false">large-${i}</guid>` +
        `<pubDate>${new Date(newest - i * 60_000).toUTCString()}</pubDate>` +
        `<dc:creator>Reporter ${i % 17}</dc:creator><category>${section}</category><category>tag-${i % 9}</category>` +
        `<description>&lt;p&gt;Summary of story ${i}: ${PARAGRAPH}&lt;/p&gt;</description>` +
        `<content:encoded><![CDATA[${body}]]></content:encoded>` +
        `<media:thumbnail url="https://news.example.com/images/${slug}.jpg" width="320" height="180"/></item>\n`,
    )
  }
  parts.push('</channel></rss>\n')
  return parts.join('')
}
