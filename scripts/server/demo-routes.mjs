// @ts-check
/**
 * The demo server's routes beyond the live channels: the demo article feed (/feed.rss,
 * /feed.json and its /admin/feed/* fault knobs, see FEED-FAULTS.md) and the channels' programme
 * schedule (/schedule.xml, demo-schedule.mjs).
 */
import { createDemoFeed } from './demo-feed.mjs'
import { demoScheduleRoute } from './demo-schedule.mjs'

/**
 * @param {{ now?: () => number, newItemEverySeconds?: number, schedulePhaseMs?: number }} [options]
 * @returns {import('./index.mjs').Route[]}
 */
export function demoRoutes(options = {}) {
  const feed = createDemoFeed(options)
  return [(req, res, url) => feed.handle(req, res, url), demoScheduleRoute(options)]
}
