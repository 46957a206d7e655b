/**
 * The one named failure of the feed module. Every way a feed can fail ends up as a FeedError with
 * a `code` the UI can branch on and a message a person can read in the log.
 */
export type FeedErrorCode = 'malformed' | 'unsupported' | 'too-large' | 'http' | 'timeout' | 'network'

export class FeedError extends Error {
  readonly code: FeedErrorCode
  /** The HTTP status, for code 'http'. */
  readonly status: number | null

  constructor(code: FeedErrorCode, message: string, status: number | null = null) {
    super(message)
    this.name = 'FeedError'
    this.code = code
    this.status = status
    // The legacy build transpiles classes to ES5, where extending Error loses the prototype.
    Object.setPrototypeOf(this, FeedError.prototype)
  }
}

export function isFeedError(value: unknown): value is FeedError {
  return value instanceof FeedError
}
