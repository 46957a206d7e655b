/**
 * Small typed readers for settings: each returns the value or records an error that names the
 * field and the value, and falls back to the default so the app keeps running.
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
