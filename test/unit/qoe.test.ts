import { describe, it, expect } from 'vitest'
import { ManualClock } from '../../src/lib/clock'
import { QoeStats } from '../../src/player/qoe-stats'
import { QoeBeacon } from '../../src/player/qoe-beacon'

describe('QoeStats', () => {
  it('counts rebuffers after the first frame, with their time', () => {
    const clock = new ManualClock(0)
    const qoe = new QoeStats(clock)
    qoe.state('loading')
    clock.advance(800)
    qoe.firstFrame(812.4)
    qoe.state('playing')
    clock.advance(10_000)
    qoe.state('stalled')
    clock.advance(1500)
    qoe.state('playing')
    qoe.state('recovering')
    clock.advance(2000)
    expect(qoe.snapshot()).toMatchObject({ timeToFirstFrameMs: 812, rebufferCount: 2, rebufferMs: 3500 })
    qoe.state('playing')
    clock.advance(5000)
    expect(qoe.snapshot().rebufferMs).toBe(3500)
  })

  it('does not call the start-up wait a rebuffer', () => {
    const qoe = new QoeStats(new ManualClock(0))
    qoe.state('loading')
    qoe.state('recovering')
    expect(qoe.snapshot().rebufferCount).toBe(0)
  })

  it('counts bitrate switches and fatal errors', () => {
    const qoe = new QoeStats(new ManualClock(0))
    qoe.bitrateChanged(200_000)
    qoe.bitrateChanged(600_000)
    qoe.bitrateChanged(600_000)
    qoe.bitrateChanged(1_500_000)
    qoe.fatalError()
    expect(qoe.snapshot()).toMatchObject({ bitrateSwitches: 2, fatalErrors: 1, bitrate: 1_500_000 })
  })
})

describe('QoeBeacon', () => {
  it('sends one batched report per interval, numbered, without waiting on the network', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1))
    const sent: Array<{ url: string; body: any }> = []
    const qoe = new QoeStats(clock)
    const beacon = new QoeBeacon('https://qoe.example.com/b', 30_000, clock, { send: (url, body) => sent.push({ url, body: JSON.parse(body) }) },
      { appId: 'app', version: '1.0.0', sessionId: 's1', channelId: () => 'news' }, () => qoe.snapshot())
    beacon.start()
    clock.advance(29_999)
    expect(sent).toHaveLength(0)
    clock.advance(1)
    qoe.fatalError()
    clock.advance(30_000)
    expect(sent.map((s) => s.body.sequence)).toEqual([0, 1])
    expect(sent[1]).toMatchObject({ url: 'https://qoe.example.com/b', body: { app: 'app', session: 's1', channel: 'news', fatalErrors: 1 } })
    beacon.stop()
    clock.advance(120_000)
    expect(sent).toHaveLength(2)
  })
})

describe('QoeStats: ad breaks counted apart', () => {
  it('counts seconds played inside ad breaks as adSeconds, the rest as watchedSeconds, only while playing', () => {
    const clock = new ManualClock(0)
    const qoe = new QoeStats(clock)
    qoe.state('loading')
    clock.advance(1000)
    qoe.state('playing')
    clock.advance(10_000)
    qoe.adBreak(true)
    clock.advance(20_000)
    expect(qoe.snapshot()).toMatchObject({ watchedSeconds: 10, adSeconds: 20 })
    qoe.state('stalled')
    clock.advance(5000)
    qoe.state('playing')
    clock.advance(2500)
    qoe.adBreak(false)
    clock.advance(3000)
    expect(qoe.snapshot()).toMatchObject({ watchedSeconds: 13, adSeconds: 22.5 })
  })
})

