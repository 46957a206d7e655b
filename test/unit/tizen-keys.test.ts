import { describe, it, expect } from 'vitest'
import { registerTizenKeys } from '../../src/input/tizen-keys'
import type { Tizen, TizenInputDevice } from '../../src/input/tv-globals'

/** Names a 2018 Samsung TV lists in getSupportedKeys(), Return and Exit included. */
const TV_KEYS = [
  'MediaPlay', 'MediaPause', 'MediaPlayPause', 'MediaStop', 'MediaFastForward', 'MediaRewind',
  'ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue', 'ChannelUp', 'ChannelDown',
  'Info', 'Guide', 'Caption', 'MTS', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'Return', 'Exit', 'Tools',
]

interface FakeDevice extends TizenInputDevice {
  registered: string[]
  batchCalls: number
}

function fakeDevice(options: { supported?: string[]; batch?: 'ok' | 'error' | 'throws' | 'missing'; refuse?: string[] } = {}): FakeDevice {
  const supported = options.supported ?? TV_KEYS
  const device: FakeDevice = {
    registered: [],
    batchCalls: 0,
    getSupportedKeys: () => supported.map((name, index) => ({ name, code: 1000 + index })),
    registerKey(name) {
      if (options.refuse?.includes(name)) throw new Error(`InvalidValuesError: ${name}`)
      device.registered.push(name)
    },
  }
  if (options.batch !== 'missing') {
    device.registerKeyBatch = (names, onSuccess, onError) => {
      device.batchCalls++
      if (options.batch === 'throws') throw new Error('NotSupportedError')
      if (options.batch === 'error') return void setTimeout(() => onError?.(new Error('UnknownError')), 0)
      device.registered.push(...names)
      setTimeout(() => onSuccess?.(), 0)
    }
  }
  return device
}

describe('registerTizenKeys', () => {
  it('registers media, colour, channel, info, caption and digit keys in one batch', async () => {
    const device = fakeDevice({ batch: 'ok' })
    const result = await registerTizenKeys({ tvinputdevice: device })
    expect(device.batchCalls).toBe(1)
    for (const name of ['MediaPlayPause', 'ColorF0Red', 'ChannelUp', 'Info', 'Caption', 'MTS', '0', '9']) {
      expect(device.registered).toContain(name)
    }
    expect(result.registered).toEqual(device.registered)
    expect(result.failed).toEqual([])
  })

  it('never registers Return or Exit, so the long press still force-closes the app', async () => {
    const device = fakeDevice({ batch: 'ok' })
    await registerTizenKeys({ tvinputdevice: device })
    expect(device.registered).not.toContain('Return')
    expect(device.registered).not.toContain('Exit')
  })

  it("skips keys this TV doesn't have and says which", async () => {
    const device = fakeDevice({ supported: TV_KEYS.filter((name) => name !== 'Caption' && name !== 'Guide') })
    const result = await registerTizenKeys({ tvinputdevice: device })
    expect(device.registered).not.toContain('Caption')
    expect(result.unsupported.sort()).toEqual(['Caption', 'Guide'])
  })

  it('falls back to registering one by one on TVs without registerKeyBatch (pre-2016)', async () => {
    const device = fakeDevice({ batch: 'missing' })
    const result = await registerTizenKeys({ tvinputdevice: device })
    expect(result.registered).toContain('MediaPlay')
    expect(result.registered).toHaveLength(26)
  })

  it('when the batch fails or throws, registers one by one and keeps every key the TV accepts', async () => {
    for (const batch of ['error', 'throws'] as const) {
      const device = fakeDevice({ batch, refuse: ['Guide'] })
      const result = await registerTizenKeys({ tvinputdevice: device })
      expect(result.failed).toEqual(['Guide'])
      expect(result.registered).toContain('ColorF3Blue')
      expect(result.registered).not.toContain('Guide')
    }
  })

  it('tries every key when getSupportedKeys throws', async () => {
    const device = fakeDevice({ batch: 'missing' })
    device.getSupportedKeys = () => {
      throw new Error('SecurityError: privilege tv.inputdevice missing')
    }
    const result = await registerTizenKeys({ tvinputdevice: device })
    expect(result.registered).toHaveLength(26)
    expect(result.unsupported).toEqual([])
  })

  it('never throws or rejects, even with no tvinputdevice or no register functions', async () => {
    await expect(registerTizenKeys(undefined)).resolves.toMatchObject({ registered: [] })
    await expect(registerTizenKeys({} as Tizen)).resolves.toMatchObject({ registered: [] })
    const bare: TizenInputDevice = { getSupportedKeys: () => [{ name: 'MediaPlay', code: 415 }] }
    await expect(registerTizenKeys({ tvinputdevice: bare })).resolves.toEqual({
      registered: [],
      failed: ['MediaPlay'],
      unsupported: expect.arrayContaining(['ColorF0Red']),
    })
  })
})
