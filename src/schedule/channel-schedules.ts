/**
 * Every channel's schedule while the app runs: the listing (settings.json's inline list, or its URL
 * fetched when the channel is first asked for and again every `refreshMinutes`; a failed fetch is
 * reported and retried after a few minutes, the last good listing kept) merged with the programmes
 * the stream announces (EXT-X-DATERANGE, handed in by the player), the stream winning where both
 * cover the same time (merge-schedules.ts). Channels that share a listing URL (one XMLTV for all)
 * share its fetch: one request per URL per refresh.
 */
import { Emitter } from '../lib/emitter'
import type { Clock, TimerId } from '../lib/clock'
import type { FeedFetch } from '../feed/feed-http'
import type { XmlReader } from '../feed/xml-document'
import type { ChannelConfig } from '../config/app-config'
import { fetchListingText, readListing } from './read-listing'
import { mergeSchedules } from './merge-schedules'
import { nowNext, type NowNext } from './now-next'
import type { Programme } from './programme'

const RETRY_MS = 5 * 60_000
const TIMEOUT_MS = 15_000

export interface ChannelSchedulesOptions {
  channels: readonly ChannelConfig[]
  fetch: FeedFetch
  clock: Clock
  refreshMinutes: number
  maxBytes: number
  /** Where problems go (the console): a failed fetch, a listing's bad programmes. */
  report: (message: string) => void
  xml?: XmlReader
}

interface Entry {
  channel: ChannelConfig
  listing: Programme[]
  stream: Programme[]
  started: boolean
  timer: TimerId | null
  /** Why the listing gave nothing (the last fetch failed, or named no programme for the channel); null when it did. */
  problem: string | null
}

export class ChannelSchedules {
  /** `changed`: the channel whose programmes changed. */
  readonly events = new Emitter<{ changed: string }>()
  private readonly entries = new Map<string, Entry>()
  /** Each listing URL's latest fetch, shared by the channels that name it. */
  private readonly texts = new Map<string, { at: number; text: Promise<string> }>()

  constructor(private readonly options: ChannelSchedulesOptions) {
    for (const channel of options.channels) {
      this.entries.set(channel.id, { channel, listing: channel.schedule?.programmes ?? [], stream: [], started: false, timer: null, problem: null })
    }
  }

  /** Starts loading `channelId`'s listing (once; later calls do nothing). */
  load(channelId: string): void {
    const entry = this.entries.get(channelId)
    if (!entry || entry.started) return
    entry.started = true
    if (entry.channel.schedule?.url) void this.fetchListing(entry)
  }

  /** The stream's own programmes for `channelId` (replacing the ones it announced before). */
  setStreamProgrammes(channelId: string, programmes: Programme[]): void {
    const entry = this.entries.get(channelId)
    if (!entry) return
    entry.stream = programmes
    this.events.emit('changed', channelId)
  }

  programmes(channelId: string): Programme[] {
    const entry = this.entries.get(channelId)
    return entry ? mergeSchedules(entry.listing, entry.stream) : []
  }

  /** Now and next on `channelId` at `at` (default: the clock's now); null for a channel with no schedule at all. */
  nowNext(channelId: string, at = this.options.clock.now()): NowNext | null {
    const programmes = this.programmes(channelId)
    return programmes.length === 0 ? null : nowNext(programmes, at)
  }

  /**
   * What to tell the viewer when `channelId` has no programme to show because its listing failed
   * ("Programme listing unavailable (the schedule answered HTTP 404)"); null when it has programmes
   * or its listing is fine.
   */
  problem(channelId: string): string | null {
    const entry = this.entries.get(channelId)
    return entry && entry.problem && this.programmes(channelId).length === 0 ? entry.problem : null
  }

  stop(): void {
    for (const entry of this.entries.values()) {
      if (entry.timer !== null) this.options.clock.clearTimeout(entry.timer)
      entry.timer = null
    }
    this.events.removeAll()
  }

  private async fetchListing(entry: Entry): Promise<void> {
    const { clock, fetch, maxBytes, report, refreshMinutes, xml } = this.options
    const schedule = entry.channel.schedule!
    let nextIn = refreshMinutes * 60_000
    try {
      const text = await this.fetchText(schedule.url!)
      const parsed = readListing(text, { xmltvId: schedule.xmltvId, channelId: entry.channel.id, channelName: entry.channel.name }, xml)
      for (const issue of parsed.issues.slice(0, 5)) report(`[schedule] ${entry.channel.id}: ${issue.where}: ${issue.message}`)
      if (parsed.issues.length > 5) report(`[schedule] ${entry.channel.id}: ${parsed.issues.length - 5} more problems`)
      if (parsed.programmes.length === 0) report(`[schedule] ${entry.channel.id}: no programmes for this channel in ${schedule.url}`)
      entry.listing = [...(schedule.programmes ?? []), ...parsed.programmes]
      entry.problem = parsed.programmes.length === 0 ? 'Programme listing has nothing for this channel' : null
      this.events.emit('changed', entry.channel.id)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      report(`[schedule] ${entry.channel.id}: ${schedule.url}: ${message} (trying again in ${RETRY_MS / 60_000} min)`)
      nextIn = RETRY_MS
      // On screen where the programme would be, while there is no listing to show (the last good one is kept).
      entry.problem = `Programme listing unavailable (${message})`
      this.events.emit('changed', entry.channel.id)
    }
    entry.timer = clock.setTimeout(() => void this.fetchListing(entry), nextIn)
  }

  /** The listing at `url`: the one fetched for another channel within the last minute, else fetched now. */
  private fetchText(url: string): Promise<string> {
    const { clock, fetch, maxBytes } = this.options
    const recent = this.texts.get(url)
    if (recent && clock.now() - recent.at < 60_000) return recent.text
    const text = fetchListingText(fetch, url, maxBytes, TIMEOUT_MS)
    this.texts.set(url, { at: clock.now(), text })
    text.catch(() => this.texts.delete(url))
    return text
  }
}
