/**
 * The staff's way out of kiosk mode: a sequence of remote keys. Matched against the last keys
 * pressed rather than with a progress counter, so a stray key (or a repeated first key, as in
 * Up Up Up Down…) never makes the right sequence fail.
 */
export class UnlockSequence {
  private readonly sequence: readonly string[]
  private recent: string[] = []

  constructor(sequence: readonly string[]) {
    if (sequence.length === 0) throw new RangeError('An unlock sequence needs at least one key')
    this.sequence = sequence.slice()
  }

  /** Feeds one key name; true when it completes the sequence (which then starts over). */
  press(name: string): boolean {
    this.recent.push(name)
    if (this.recent.length > this.sequence.length) this.recent.shift()
    const matched = this.recent.length === this.sequence.length && this.recent.every((key, i) => key === this.sequence[i])
    if (matched) this.recent = []
    return matched
  }
}
