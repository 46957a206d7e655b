/**
 * Typing an alert area code on the remote's digits (the Settings row "Alert area"), for a viewer
 * whose area the alert source has not named yet: a SAME code is 6 digits (`006037`), a FIPS6 county
 * code 5 (`06037`, matched as SAME `006037`, src/alerts/cap-area.ts). Six digits finish the code at
 * once; OK finishes five; any other key (or OK on fewer digits) drops the entry. Pure.
 */
export const SAME_DIGITS = 6
export const FIPS_DIGITS = 5

export type AreaCodeStep =
  /** Still typing: show `typed`. */
  | { typing: string }
  /** A whole code: set it as the viewer's area. */
  | { code: string }
  /** Nothing typed, or the entry was dropped. */
  | { idle: true }

export class AreaCodeEntry {
  private digits = ''

  get typed(): string {
    return this.digits
  }

  digit(value: number): AreaCodeStep {
    if (!Number.isInteger(value) || value < 0 || value > 9) return this.step()
    this.digits += String(value)
    if (this.digits.length < SAME_DIGITS) return { typing: this.digits }
    return this.finish()
  }

  /** OK: a five- or six-digit code is taken; anything shorter is dropped. */
  commit(): AreaCodeStep {
    return this.digits.length >= FIPS_DIGITS ? this.finish() : this.cancel()
  }

  cancel(): AreaCodeStep {
    this.digits = ''
    return { idle: true }
  }

  /** How the row shows a code being typed: the digits so far, then a place for each one to come. */
  static placeholder(typed: string): string {
    return `${typed}${'_'.repeat(Math.max(0, SAME_DIGITS - typed.length))}`
  }

  private finish(): AreaCodeStep {
    const code = this.digits
    this.digits = ''
    return { code }
  }

  private step(): AreaCodeStep {
    return this.digits ? { typing: this.digits } : { idle: true }
  }
}
