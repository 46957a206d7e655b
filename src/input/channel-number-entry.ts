/**
 * Typing a channel number on the remote's digit keys, the way TVs do it: each digit waits a short
 * pause for the next one, and the number tunes when the viewer stops typing, presses OK, or has
 * typed as many digits as a channel number can have. Any other key abandons the entry.
 */
import type { Clock, TimerId } from '../lib/clock'

export interface ChannelNumberEntryOptions {
  /** How long after the last digit the number is taken as complete, ms. */
  pauseMs?: number
  /** Digits in the longest channel number; reaching it tunes at once. */
  maxDigits?: number
}

export class ChannelNumberEntry {
  private digits = ''
  private timer: TimerId | null = null
  private readonly pauseMs: number
  private readonly maxDigits: number

  constructor(
    private readonly clock: Clock,
    /** Receives the finished number, e.g. to tune the channel with that number. */
    private readonly onNumber: (channelNumber: number) => void,
    options: ChannelNumberEntryOptions = {},
  ) {
    this.pauseMs = options.pauseMs ?? 1500
    this.maxDigits = options.maxDigits ?? 3
  }

  /** What has been typed so far, for the on-screen banner ('' when nothing is pending). */
  get typed(): string {
    return this.digits
  }

  /** Adds one digit 0–9; anything else is ignored. */
  digit(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 9) return
    this.digits += String(value)
    this.stopTimer()
    if (this.digits.length >= this.maxDigits) this.commit()
    else this.timer = this.clock.setTimeout(() => this.commit(), this.pauseMs)
  }

  /** Finishes the entry now (OK pressed); does nothing when nothing is typed. */
  commit(): void {
    this.stopTimer()
    if (this.digits === '') return
    const channelNumber = Number(this.digits)
    this.digits = ''
    this.onNumber(channelNumber)
  }

  /** Drops what was typed (another key pressed, or the page is leaving). */
  cancel(): void {
    this.stopTimer()
    this.digits = ''
  }

  private stopTimer(): void {
    if (this.timer === null) return
    this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
