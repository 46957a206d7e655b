import { describe, it, expect } from 'vitest'
import {
  createFaultSet,
  DEFAULT_SLOW_BYTES_PER_SECOND,
  FAULT_KINDS,
  FaultRequestError,
  parseFaultRequest,
} from '../../scripts/server/faults.mjs'

function faultsOnManualClock(start = 1_000_000) {
  let t = start
  const faults = createFaultSet({ now: () => t })
  return { faults, advance: (seconds: number) => (t += seconds * 1000), time: () => t }
}

describe('createFaultSet', () => {
  it('switches a fault on for one channel, for exactly its seconds', () => {
    const { faults, advance, time } = faultsOnManualClock()
    const added = faults.add({ fault: 'segment404', seconds: 10, channel: 'news' })
    expect(added).toMatchObject({ fault: 'segment404', channel: 'news', seconds: 10, startedAt: time(), endsAt: time() + 10_000 })
    expect(faults.find('segment404', 'news')).toEqual(added)
    expect(faults.find('segment404', 'world')).toBeUndefined()
    expect(faults.find('playlist500', 'news')).toBeUndefined()
    advance(9.999)
    expect(faults.find('segment404', 'news')).toBeDefined()
    advance(0.001)
    expect(faults.find('segment404', 'news')).toBeUndefined()
    expect(faults.list()).toEqual([])
  })

  it('applies a fault without a channel to every channel', () => {
    const { faults } = faultsOnManualClock()
    faults.add({ fault: 'drop', seconds: 5 })
    expect(faults.find('drop', 'news')?.channel).toBeNull()
    expect(faults.find('drop', 'world')).toBeDefined()
  })

  it('lists active faults with their remaining time, and clears them all at once', () => {
    const { faults, advance } = faultsOnManualClock()
    faults.add({ fault: 'stall', seconds: 20 })
    faults.add({ fault: 'slow', seconds: 5, channel: 'world' })
    advance(2.5)
    expect(faults.list().map((f) => [f.fault, f.remainingSeconds])).toEqual([['stall', 17.5], ['slow', 2.5]])
    expect(faults.clear()).toBe(2)
    expect(faults.find('stall', 'news')).toBeUndefined()
    expect(faults.list()).toEqual([])
  })

  it('finds the newest of overlapping faults of one kind', () => {
    const { faults, advance } = faultsOnManualClock()
    faults.add({ fault: 'slow', seconds: 30, bytesPerSecond: 5000 })
    advance(1)
    faults.add({ fault: 'slow', seconds: 5, bytesPerSecond: 1000 })
    expect(faults.find('slow', 'news')?.bytesPerSecond).toBe(1000)
    advance(5)
    expect(faults.find('slow', 'news')?.bytesPerSecond).toBe(5000)
  })

  it('remembers a sequence reset after the fault entry expires and after clear(): a restart is not undone', () => {
    const { faults, advance, time } = faultsOnManualClock()
    expect(faults.lastResetAt('news')).toBeUndefined()
    const resetAt = time()
    faults.add({ fault: 'sequenceReset', seconds: 1, channel: 'news' })
    advance(30)
    faults.clear()
    expect(faults.find('sequenceReset', 'news')).toBeUndefined()
    expect(faults.lastResetAt('news')).toBe(resetAt)
    expect(faults.lastResetAt('world')).toBeUndefined()
    faults.add({ fault: 'sequenceReset' })
    expect(faults.lastResetAt('world')).toBe(resetAt + 30_000)
    expect(faults.lastResetAt('news')).toBe(resetAt + 30_000)
  })
})

describe('parseFaultRequest', () => {
  it('defaults seconds to 10, channel to all, and the slow rate to 20000 B/s', () => {
    expect(parseFaultRequest({ fault: 'corrupt' })).toEqual({ fault: 'corrupt', channel: null, seconds: 10 })
    expect(parseFaultRequest({ fault: 'slow' })).toEqual({ fault: 'slow', channel: null, seconds: 10, bytesPerSecond: DEFAULT_SLOW_BYTES_PER_SECOND })
    expect(DEFAULT_SLOW_BYTES_PER_SECOND).toBe(20000)
  })

  it('knows exactly the seven documented faults', () => {
    expect([...FAULT_KINDS].sort()).toEqual(['corrupt', 'drop', 'playlist500', 'segment404', 'sequenceReset', 'slow', 'stall'])
    for (const fault of FAULT_KINDS) expect(parseFaultRequest({ fault }).fault).toBe(fault)
  })

  it.each([
    [null, /JSON object/],
    [[], /JSON object/],
    [{ fault: 'explode' }, /unknown fault "explode"/],
    [{ fault: 'stall', seconds: 0 }, /seconds/],
    [{ fault: 'stall', seconds: '10' }, /seconds/],
    [{ fault: 'stall', seconds: 7200 }, /seconds/],
    [{ fault: 'stall', channel: 3 }, /channel/],
    [{ fault: 'stall', channel: '' }, /channel/],
    [{ fault: 'slow', bytesPerSecond: 0 }, /bytesPerSecond/],
    [{ fault: 'stall', bytesPerSecond: 1000 }, /only applies to the "slow" fault/],
  ])('refuses %j', (request, message) => {
    expect(() => parseFaultRequest(request)).toThrow(FaultRequestError)
    expect(() => parseFaultRequest(request)).toThrow(message)
  })
})
