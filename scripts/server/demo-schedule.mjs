// @ts-check
/**
 * The demo channels' programme schedules: a rolling 24 h XMLTV document (2 h back, 22 h ahead) of
 * 30-minute programmes named after the newsroom's shows, at GET /schedule.xml (every demo channel)
 * or /schedule.xml?channel=<id> (one). Each half hour's show follows from its slot number, so
 * every request (and a test reading it) agrees on what is on at any instant. `phaseMs` moves the
 * slots off the clock's half hours (a test wants a programme that began a minute ago, inside a
 * short DVR window); the stream's programme date ranges take the same phase (demo-story-ranges.mjs).
 */

const SLOT_MS = 30 * 60_000

/** @type {Record<string, { name: string, shows: Array<{ title: string, desc: string, category: string }> }>} */
export const DEMO_SCHEDULE_CHANNELS = {
  news: {
    name: 'Newsroom 24',
    shows: [
      { title: 'Newsroom Live', desc: 'The headlines as they break, from the newsroom floor.', category: 'News' },
      { title: 'The Briefing', desc: 'The morning\'s stories in half an hour.', category: 'News' },
      { title: 'Markets Now', desc: 'Prices, companies and what moved them.', category: 'Business' },
      { title: 'Weather Watch', desc: 'The forecast, region by region.', category: 'Weather' },
      { title: 'Evening Bulletin', desc: 'The day\'s news, checked and explained.', category: 'News' },
      { title: 'Sports Desk', desc: 'Results, interviews and the week ahead.', category: 'Sports' },
    ],
  },
  world: {
    name: 'World Desk',
    shows: [
      { title: 'World Tonight', desc: 'Correspondents on the stories of the day abroad.', category: 'News' },
      { title: 'Global Markets', desc: 'Asia, Europe and the Americas, market by market.', category: 'Business' },
      { title: 'Dispatches', desc: 'One story, reported at length.', category: 'Documentary' },
      { title: 'The Interview', desc: 'A half hour with someone in the news.', category: 'Talk' },
    ],
  },
}

/** @param {number} ms */
export function xmltvTime(ms) {
  const d = new Date(ms)
  const p = (/** @type {number} */ n) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())} +0000`
}

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * The show on `channelId` in the half-hour slot holding `ms`, with its start and end.
 * @param {string} channelId
 * @param {number} ms
 * @param {number} [phaseMs]  the slots start this far past the clock's half hours (0: on them)
 */
export function demoProgrammeAt(channelId, ms, phaseMs = 0) {
  const channel = DEMO_SCHEDULE_CHANNELS[channelId]
  if (!channel) return null
  const phase = ((phaseMs % SLOT_MS) + SLOT_MS) % SLOT_MS
  const slot = Math.floor((ms - phase) / SLOT_MS)
  const show = channel.shows[((slot % channel.shows.length) + channel.shows.length) % channel.shows.length]
  return { ...show, start: slot * SLOT_MS + phase, end: (slot + 1) * SLOT_MS + phase }
}

/**
 * The XMLTV document for `channelIds` around `now`.
 * @param {string[]} channelIds
 * @param {number} now
 * @param {number} [phaseMs]  as demoProgrammeAt's
 */
export function demoScheduleXml(channelIds, now, phaseMs = 0) {
  const first = now - 4 * SLOT_MS
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tv generator-info-name="live-news-tv demo server">']
  for (const id of channelIds) lines.push(`  <channel id="${escapeXml(id)}"><display-name>${escapeXml(DEMO_SCHEDULE_CHANNELS[id]?.name ?? id)}</display-name></channel>`)
  for (const id of channelIds) {
    for (let i = 0; i < 48; i++) {
      const p = demoProgrammeAt(id, first + i * SLOT_MS, phaseMs)
      if (!p) break
      lines.push(
        `  <programme start="${xmltvTime(p.start)}" stop="${xmltvTime(p.end)}" channel="${escapeXml(id)}">` +
          `<title lang="en">${escapeXml(p.title ?? '')}</title><desc lang="en">${escapeXml(p.desc ?? '')}</desc>` +
          `<category lang="en">${escapeXml(p.category ?? '')}</category></programme>`,
      )
    }
  }
  lines.push('</tv>', '')
  return lines.join('\n')
}

/**
 * The /schedule.xml route.
 * @param {{ now?: () => number, schedulePhaseMs?: number }} [options]
 * @returns {import('./index.mjs').Route}
 */
export function demoScheduleRoute({ now = () => Date.now(), schedulePhaseMs = 0 } = {}) {
  return (req, res, url) => {
    if (url.pathname !== '/schedule.xml') return false
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n')
      return true
    }
    const wanted = url.searchParams.get('channel')
    const ids = wanted === null ? Object.keys(DEMO_SCHEDULE_CHANNELS) : [wanted]
    if (ids.some((id) => !DEMO_SCHEDULE_CHANNELS[id])) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`No schedule for channel "${wanted}"\n`)
      return true
    }
    const body = Buffer.from(demoScheduleXml(ids, now(), schedulePhaseMs), 'utf8')
    res.writeHead(200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'max-age=300',
      'Access-Control-Allow-Origin': '*',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}
