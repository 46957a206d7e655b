/** Which configured channel is on air, and which one is next/previous or has a given number. */
import type { ChannelConfig } from '../config/app-config'

export class ChannelTuner {
  private index: number

  constructor(readonly channels: ChannelConfig[], start: ChannelConfig) {
    this.index = Math.max(0, channels.indexOf(start))
  }

  get current(): ChannelConfig {
    return this.channels[this.index]!
  }

  /** The channel `step` places away, wrapping around the list (ChannelUp = +1). */
  step(step: number): ChannelConfig {
    const n = this.channels.length
    this.index = (((this.index + step) % n) + n) % n
    return this.current
  }

  byNumber(number: number): ChannelConfig | null {
    const index = this.channels.findIndex((c) => c.number === number)
    if (index < 0) return null
    this.index = index
    return this.current
  }

  byId(id: string): ChannelConfig | null {
    const index = this.channels.findIndex((c) => c.id === id)
    if (index < 0) return null
    this.index = index
    return this.current
  }
}
