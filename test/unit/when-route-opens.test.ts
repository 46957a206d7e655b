import { describe, it, expect } from 'vitest'
import { WhenRouteOpens } from '../../src/app/when-route-opens'

describe('WhenRouteOpens (a deep link waits for Live)', () => {
  const manual = () => {
    const queued: Array<() => void> = []
    return { queued, later: (run: () => void) => queued.push(run), flush: () => queued.splice(0).forEach((run) => run()) }
  }

  it('holds work until the route opens, then runs it once, after the navigation', () => {
    const loop = manual()
    const live = new WhenRouteOpens('live', loop.later)
    const ran: string[] = []
    live.then(() => ran.push('article'))
    live.routeOpened('settings')
    expect(loop.queued).toHaveLength(0)
    live.routeOpened('live')
    expect(ran).toEqual([])
    loop.flush()
    expect(ran).toEqual(['article'])
    live.routeOpened('live')
    loop.flush()
    expect(ran).toEqual(['article'])
  })

  it('work asked for after the route opened (a relaunch) runs without waiting for another visit', () => {
    const loop = manual()
    const live = new WhenRouteOpens('live', loop.later)
    live.routeOpened('live')
    const ran: string[] = []
    live.then(() => ran.push('relaunch'))
    loop.flush()
    expect(ran).toEqual(['relaunch'])
  })
})
