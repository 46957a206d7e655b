// @ts-check
/**
 * The demo server's fault knobs: which failures are switched on, for which channel, until when.
 * Kept apart from HTTP and given its own clock so tests can move time instead of sleeping.
 * What each fault does to the stream is described in FAULTS.md and applied in live-stream-routes.mjs.
 */

/** @typedef {'segment404' | 'playlist500' | 'stall' | 'slow' | 'corrupt' | 'sequenceReset' | 'drop'} FaultKind */
/**
 * @typedef {object} FaultRequest  the JSON body of POST /admin/faults
 * @property {string} fault  one of FAULT_KINDS
 * @property {number} [seconds]  how long the fault lasts (default 10, at most 3600)
 * @property {string} [channel]  a channel id; absent = every channel
 * @property {number} [bytesPerSecond]  "slow" only: the trickle rate (default 20000)
 */
/**
 * @typedef {object} ActiveFault
 * @property {number} id
 * @property {FaultKind} fault
 * @property {string | null} channel  null = every channel
 * @property {number} seconds
 * @property {number} startedAt  ms, by the fault set's clock
 * @property {number} endsAt  ms
 * @property {number} [bytesPerSecond]
 */
/**
 * @typedef {object} FaultSet
 * @property {(request: unknown) => ActiveFault} add  validates, then switches a fault on; throws FaultRequestError
 * @property {(kind: FaultKind, channel: string) => ActiveFault | undefined} find  the newest active fault of a kind for a channel
 * @property {() => Array<ActiveFault & { remainingSeconds: number }>} list  active faults, oldest first
 * @property {() => number} clear  switches every fault off; returns how many were on
 * @property {(channel: string) => number | undefined} lastResetAt  when the newest sequenceReset hit a channel, even if expired
 * @property {() => number} now  the clock the set runs on
 */

/** @type {readonly FaultKind[]} */
export const FAULT_KINDS = ['segment404', 'playlist500', 'stall', 'slow', 'corrupt', 'sequenceReset', 'drop']
export const DEFAULT_FAULT_SECONDS = 10
export const MAX_FAULT_SECONDS = 3600
/** 160 kbit/s: below the lowest demo rendition (~210 kbit/s with audio), so even it starves. */
export const DEFAULT_SLOW_BYTES_PER_SECOND = 20000

/** A fault request that cannot be honoured; the admin endpoint answers 400 with its message. */
export class FaultRequestError extends Error {}

/**
 * @param {{ now?: () => number }} [options]
 * @returns {FaultSet}
 */
export function createFaultSet({ now = Date.now } = {}) {
  /** @type {ActiveFault[]} */
  let active = []
  /** An encoder restart cannot be undone: resets outlive their fault entry and clear(). */
  /** @type {Array<{ channel: string | null, at: number }>} */
  const resets = []
  let nextId = 1

  const prune = () => {
    const t = now()
    active = active.filter((f) => f.endsAt > t)
  }

  return {
    now,
    add(request) {
      const parsed = parseFaultRequest(request)
      const startedAt = now()
      /** @type {ActiveFault} */
      const fault = { id: nextId++, ...parsed, startedAt, endsAt: startedAt + parsed.seconds * 1000 }
      if (fault.fault === 'sequenceReset') resets.push({ channel: fault.channel, at: startedAt })
      active.push(fault)
      return fault
    },
    find(kind, channel) {
      prune()
      for (let i = active.length - 1; i >= 0; i--) {
        const f = /** @type {ActiveFault} */ (active[i])
        if (f.fault === kind && (f.channel === null || f.channel === channel)) return f
      }
      return undefined
    },
    list() {
      prune()
      const t = now()
      return active.map((f) => ({ ...f, remainingSeconds: Math.round((f.endsAt - t) / 100) / 10 }))
    },
    clear() {
      const count = active.length
      active = []
      return count
    },
    lastResetAt(channel) {
      let at
      for (const r of resets) if (r.channel === null || r.channel === channel) at = r.at
      return at
    },
  }
}

/**
 * @param {unknown} request
 * @returns {{ fault: FaultKind, channel: string | null, seconds: number, bytesPerSecond?: number }}
 */
export function parseFaultRequest(request) {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new FaultRequestError('expected a JSON object like {"fault":"segment404","seconds":10,"channel":"news"}')
  }
  const r = /** @type {Record<string, unknown>} */ (request)
  const kind = /** @type {FaultKind} */ (r.fault)
  if (!FAULT_KINDS.includes(kind)) {
    throw new FaultRequestError(`unknown fault ${JSON.stringify(r.fault)}; one of ${FAULT_KINDS.join(', ')}`)
  }
  const seconds = r.seconds ?? DEFAULT_FAULT_SECONDS
  if (typeof seconds !== 'number' || !(seconds > 0) || seconds > MAX_FAULT_SECONDS) {
    throw new FaultRequestError(`seconds must be a number in (0, ${MAX_FAULT_SECONDS}], got ${JSON.stringify(r.seconds)}`)
  }
  const channel = r.channel ?? null
  if (channel !== null && (typeof channel !== 'string' || channel === '')) {
    throw new FaultRequestError(`channel must be a channel id, got ${JSON.stringify(r.channel)}`)
  }
  if (kind !== 'slow') {
    if (r.bytesPerSecond !== undefined) throw new FaultRequestError('bytesPerSecond only applies to the "slow" fault')
    return { fault: kind, channel, seconds }
  }
  const bytesPerSecond = r.bytesPerSecond ?? DEFAULT_SLOW_BYTES_PER_SECOND
  if (typeof bytesPerSecond !== 'number' || !(bytesPerSecond >= 100)) {
    throw new FaultRequestError(`bytesPerSecond must be a number >= 100, got ${JSON.stringify(r.bytesPerSecond)}`)
  }
  return { fault: kind, channel, seconds, bytesPerSecond }
}
