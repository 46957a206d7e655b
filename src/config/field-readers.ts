/**
 * Small typed readers for settings: each returns the value or records an error that names the
 * field and the value, and falls back to the default so the app keeps running. FieldReader reads
 * JSON (settings.json's appSettings), QueryReader the page's URL query; both record the same
 * ConfigIssue, which the app shows on screen (widgets/ConfigErrorPanel.ts).
 */
import { isRecord, resolveHttpUrl } from '../lib/values'

export interface ConfigIssue {
  field: string
  value: unknown
  message: string
}

export class FieldReader {
  constructor(
    private readonly source: Record<string, unknown>,
    private readonly prefix: string,
    /** Shared by a reader and its children, so one list names every bad field. */
    readonly issues: ConfigIssue[] = [],
  ) {}

  fail(field: string, value: unknown, expected: string): void {
    const name = this.prefix ? `${this.prefix}.${field}` : field
    this.issues.push({ field: name, value, message: `${name} must be ${expected}, got ${describeValue(value)}` })
  }

  raw(field: string): unknown {
    return this.source[field]
  }

  child(field: string): FieldReader {
    const value = this.source[field]
    if (value !== undefined && !isRecord(value)) this.fail(field, value, 'an object')
    const name = this.prefix ? `${this.prefix}.${field}` : field
    return new FieldReader(isRecord(value) ? value : {}, name, this.issues)
  }

  string(field: string, fallback: string, opts: { nonEmpty?: boolean } = {}): string {
    const value = this.source[field]
    if (value === undefined) return fallback
    if (typeof value !== 'string' || (opts.nonEmpty && value.trim() === '')) {
      this.fail(field, value, opts.nonEmpty ? 'a non-empty string' : 'a string')
      return fallback
    }
    return value
  }

  number(field: string, fallback: number, min: number, max: number): number {
    const value = this.source[field]
    if (value === undefined) return fallback
    if (typeof value !== 'number' || !isFinite(value) || value < min || value > max) {
      this.fail(field, value, `a number from ${min} to ${max}`)
      return fallback
    }
    return value
  }

  boolean(field: string, fallback: boolean): boolean {
    const value = this.source[field]
    if (value === undefined) return fallback
    if (typeof value !== 'boolean') {
      this.fail(field, value, 'true or false')
      return fallback
    }
    return value
  }

  /** An http(s) URL, resolved against `base` (so "/live/x.m3u8" works on the hosted build). */
  url(field: string, fallback: string | null, base: string): string | null {
    const value = this.source[field]
    if (value === undefined || value === null) return fallback
    const resolved = typeof value === 'string' ? resolveHttpUrl(value, base) : null
    if (resolved === null) {
      this.fail(field, value, 'an http(s) URL')
      return fallback
    }
    return resolved
  }

  stringMap(field: string): Record<string, string> {
    const value = this.source[field]
    if (value === undefined) return {}
    if (!isRecord(value) || Object.keys(value).some((k) => typeof value[k] !== 'string')) {
      this.fail(field, value, 'an object of strings')
      return {}
    }
    return value as Record<string, string>
  }
}

/** The one on/off parser for text: 1/true/on (or the bare name: `?kiosk`) and 0/false/off, any case; null otherwise. */
export function readFlag(text: string): boolean | null {
  const value = text.trim().toLowerCase()
  if (value === '1' || value === 'true' || value === 'on' || value === '') return true
  if (value === '0' || value === 'false' || value === 'off') return false
  return null
}

/** `?name=` values of the page's query string; a value present but unusable becomes a ConfigIssue. */
export class QueryReader {
  private readonly params: URLSearchParams

  constructor(
    query: string,
    /** Shared with the settings readers, so one list names every bad value. */
    readonly issues: ConfigIssue[] = [],
  ) {
    this.params = new URLSearchParams(query)
  }

  fail(name: string, value: string, expected: string): void {
    this.issues.push({ field: `?${name}`, value, message: `?${name}= must be ${expected}, got ${describeValue(value)}` })
  }

  /** The raw text, or null when the URL does not name it. */
  text(name: string): string | null {
    return this.params.get(name)
  }

  flag(name: string): boolean | null {
    const raw = this.params.get(name)
    if (raw === null) return null
    const on = readFlag(raw)
    if (on === null) this.fail(name, raw, '1 or 0')
    return on
  }

  number(name: string, min: number, max: number, unit: string): number | null {
    const raw = this.params.get(name)
    if (raw === null) return null
    const value = Number(raw)
    if (raw.trim() !== '' && isFinite(value) && value >= min && value <= max) return value
    this.fail(name, raw, `a number of ${unit} from ${min} to ${max}`)
    return null
  }

  url(name: string, base: string): string | null {
    const raw = this.params.get(name)
    if (raw === null) return null
    const url = resolveHttpUrl(raw, base)
    if (url === null) this.fail(name, raw, 'an http(s) URL')
    return url
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    const raw = this.params.get(name)
    if (raw === null) return null
    if ((allowed as readonly string[]).indexOf(raw) >= 0) return raw as T
    this.fail(name, raw, `one of ${allowed.join(', ')}`)
    return null
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 80 ? text.slice(0, 77) + '…' : text
}
