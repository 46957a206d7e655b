import { describe, it, expect, vi } from 'vitest'
import { deepLinkFromParams, deepLinkFromTizen, deepLinkFromWebOS, onRelaunch, readPlatformLaunch } from '../../src/input/launch-params'
import type { Tizen, TizenAppControlData, TvWindow } from '../../src/input/tv-globals'

function tizenWith(data: TizenAppControlData[] | (() => never)): Tizen {
  return {
    application: {
      getCurrentApplication: () => ({
        getRequestedAppControl: () => (typeof data === 'function' ? data() : { appControl: { data } }),
      }),
    },
  }
}

/** What a Samsung Smart Hub preview tile sends: the tile's action_data as JSON text inside `values`. */
function smartHubPayload(actionData: object): TizenAppControlData {
  return { key: 'PAYLOAD', value: [JSON.stringify({ values: JSON.stringify(actionData) })] }
}

describe('deep links from named values (the URL query: config/app-config.ts)', () => {
  it('channel and article open that channel and article', () => {
    expect(deepLinkFromParams({ channel: 'world', article: 'a-123' }, 'URL query')).toEqual({ link: { channel: 'world', article: 'a-123' }, ignored: [] })
  })

  it('no values means no deep link', () => {
    expect(deepLinkFromParams({}, 'URL query')).toEqual({ link: {}, ignored: [] })
    expect(deepLinkFromParams({ kiosk: '1' }, 'URL query')).toEqual({ link: {}, ignored: [] })
  })

  it('an empty or absurd id is ignored with a reason, the other field still works', () => {
    const reading = deepLinkFromParams({ channel: '', article: 'x'.repeat(500) }, 'URL query')
    expect(reading.link).toEqual({})
    expect(reading.ignored).toHaveLength(2)
    expect(reading.ignored[0]).toMatch(/URL query: channel/)
    expect(deepLinkFromParams({ channel: '\nnews', article: 'ok' }, 'URL query').link).toEqual({ article: 'ok' })
  })
})

describe('deep links from Tizen app control', () => {
  it('reads a Smart Hub preview PAYLOAD', () => {
    expect(deepLinkFromTizen(tizenWith([smartHubPayload({ article: 'story-9' })])).link).toEqual({ article: 'story-9' })
  })

  it('reads a PAYLOAD of plain JSON or key=value, and direct channel / article entries', () => {
    expect(deepLinkFromTizen(tizenWith([{ key: 'PAYLOAD', value: ['{"channel":"world"}'] }])).link).toEqual({ channel: 'world' })
    expect(deepLinkFromTizen(tizenWith([{ key: 'PAYLOAD', value: ['channel=news&article=a1'] }])).link).toEqual({
      channel: 'news',
      article: 'a1',
    })
    expect(deepLinkFromTizen(tizenWith([{ key: 'article', value: ['a2'] }])).link).toEqual({ article: 'a2' })
  })

  it('ignores broken payloads with a reason and never throws', () => {
    const broken = deepLinkFromTizen(tizenWith([{ key: 'PAYLOAD', value: ['{"channel":'] }]))
    expect(broken.link).toEqual({})
    expect(broken.ignored[0]).toMatch(/Tizen PAYLOAD: not valid JSON/)
    expect(deepLinkFromTizen(tizenWith([{ key: 'PAYLOAD', value: ['garbage'] }])).ignored[0]).toMatch(/neither JSON nor key=value/)
    const throwing = deepLinkFromTizen(tizenWith(() => { throw new Error('NotFoundError') }))
    expect(throwing.ignored[0]).toMatch(/NotFoundError/)
    expect(deepLinkFromTizen(tizenWith([null as never, { key: 'PAYLOAD', value: [] }]))).toEqual({ link: {}, ignored: [] })
    expect(deepLinkFromTizen(undefined)).toEqual({ link: {}, ignored: [] })
  })
})

describe('deep links from webOS launch parameters', () => {
  it('reads PalmSystem.launchParams JSON text', () => {
    expect(deepLinkFromWebOS({ PalmSystem: { launchParams: '{"channel":"world","contentTarget":"x"}' } }).link).toEqual({
      channel: 'world',
    })
  })

  it('reads webOS.launchParams given as an object', () => {
    expect(deepLinkFromWebOS({ webOS: { launchParams: { article: 'a7' } } }).link).toEqual({ article: 'a7' })
  })

  it('an empty launch ("" or {}) is no deep link and no complaint', () => {
    expect(deepLinkFromWebOS({ PalmSystem: { launchParams: '' } })).toEqual({ link: {}, ignored: [] })
    expect(deepLinkFromWebOS({ PalmSystem: { launchParams: '{}' } })).toEqual({ link: {}, ignored: [] })
  })

  it('a non-object JSON or a wrong-typed id is ignored with a reason', () => {
    expect(deepLinkFromWebOS({ PalmSystem: { launchParams: '[1,2]' } }).ignored).toHaveLength(1)
    const reading = deepLinkFromWebOS({ PalmSystem: { launchParams: '{"channel":{"id":"news"}}' } })
    expect(reading.link).toEqual({})
    expect(reading.ignored[0]).toMatch(/PalmSystem.launchParams: channel must be a short id/)
  })
})

describe('readPlatformLaunch', () => {
  it("webOS's launch parameters (the URL query is config's: config-sources.test.ts)", () => {
    const win: TvWindow = {
      location: { search: '?channel=news&article=from-url' },
      PalmSystem: { launchParams: '{"article":"from-launcher"}' },
    }
    expect(readPlatformLaunch(win).link).toEqual({ article: 'from-launcher' })
  })

  it('in node (no window) there is nothing to read', () => {
    expect(readPlatformLaunch()).toEqual({ link: {}, ignored: [] })
  })
})

describe('onRelaunch', () => {
  it('on webOS, a relaunch from a tile delivers the new link and brings the app forward', () => {
    const document = new EventTarget()
    const activate = vi.fn()
    const win: TvWindow = { document, PalmSystem: { activate, launchParams: '{}' } }
    const listener = vi.fn()
    const stop = onRelaunch(listener, win)
    document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: { channel: 'world' } }))
    expect(listener).toHaveBeenCalledWith({ link: { channel: 'world' }, ignored: [] })
    expect(activate).toHaveBeenCalledOnce()
    stop()
    document.dispatchEvent(new CustomEvent('webOSRelaunch', { detail: { channel: 'news' } }))
    expect(listener).toHaveBeenCalledOnce()
  })

  it('on webOS without event detail, re-reads PalmSystem.launchParams', () => {
    const document = new EventTarget()
    const listener = vi.fn()
    onRelaunch(listener, { document, PalmSystem: { launchParams: '{"article":"a9"}' } })
    document.dispatchEvent(new Event('webOSRelaunch'))
    expect(listener).toHaveBeenCalledWith({ link: { article: 'a9' }, ignored: [] })
  })

  it('on Tizen, the appcontrol event re-reads the requested app control', () => {
    const target = new EventTarget()
    const win: TvWindow = {
      tizen: tizenWith([smartHubPayload({ channel: 'world' })]),
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
    }
    const listener = vi.fn()
    const stop = onRelaunch(listener, win)
    target.dispatchEvent(new Event('appcontrol'))
    expect(listener).toHaveBeenCalledWith({ link: { channel: 'world' }, ignored: [] })
    stop()
    target.dispatchEvent(new Event('appcontrol'))
    expect(listener).toHaveBeenCalledOnce()
  })
})
