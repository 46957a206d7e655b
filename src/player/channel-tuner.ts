/**
 * Which configured channel is on air, and the one entry the UI tunes through: `tune` picks the
 * channel (next/previous, by number, by id) and plays it (live-playback.ts hands in LiveChannel.load
 * on the page's <video>). Tuning to the channel on air keeps it playing.
 */
import type { ChannelConfig } from '../config/app-config'

/** What a tune did: the channel now on air, or the number no channel has (nothing changed). */
export type TuneResult = { tuned: ChannelConfig } | { unknownNumber: number }

export type TuneRequest = { step: number } | { number: number } | { id: string }

export class ChannelTuner {
  private index: number

  /** @param play plays a channel's stream (none: picking only) */
  constructor(
    readonly channels: ChannelConfig[],
    start: ChannelConfig,
    private readonly play: (channel: ChannelConfig) => void = () => undefined,
  ) {
    this.index = Math.max(0, channels.indexOf(start))
  }

  get current(): ChannelConfig {
    return this.channels[this.index]!
  }

  /** Tunes to a channel: `step` places away (ChannelUp = +1), the one with a `number`, or by `id`. */
  tune(request: TuneRequest): TuneResult {
    let channel: ChannelConfig | null
    if ('step' in request) channel = this.step(request.step)
    else if ('number' in request) channel = this.byNumber(request.number)
    else channel = this.byId(request.id)
    if (!channel) return { unknownNumber: 'number' in request ? request.number : NaN }
    this.play(channel)
    return { tuned: channel }
  }

  /** The channel `step` places away, wrapping around the list (ChannelUp = +1). */
  private step(step: number): ChannelConfig {
    const n = this.channels.length
    this.index = (((this.index + step) % n) + n) % n
    return this.current
  }

  private byNumber(number: number): ChannelConfig | null {
    const index = this.channels.findIndex((c) => c.number === number)
    if (index < 0) return null
    this.index = index
    return this.current
  }

  private byId(id: string): ChannelConfig | null {
    const index = this.channels.findIndex((c) => c.id === id)
    if (index < 0) return null
    this.index = index
    return this.current
  }
}
