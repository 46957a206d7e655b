import { describe, it, expect, vi } from 'vitest'
import { exitApp } from '../../src/input/platform-exit'

describe('exitApp', () => {
  it('on Tizen exits through the current application', () => {
    const exit = vi.fn()
    const close = vi.fn()
    expect(exitApp({ tizen: { application: { getCurrentApplication: () => ({ exit }) } }, close })).toBe('tizen')
    expect(exit).toHaveBeenCalledOnce()
    expect(close).not.toHaveBeenCalled()
  })

  it('on webOS hands Back to the system with webOS.platformBack, or PalmSystem.platformBack on old firmware', () => {
    const platformBack = vi.fn()
    expect(exitApp({ webOS: { platformBack } })).toBe('webos')
    expect(platformBack).toHaveBeenCalledOnce()
    const palmBack = vi.fn()
    expect(exitApp({ webOS: {}, PalmSystem: { platformBack: palmBack } })).toBe('webos')
    expect(palmBack).toHaveBeenCalledOnce()
  })

  it('elsewhere closes the window', () => {
    const close = vi.fn()
    expect(exitApp({ close })).toBe('window')
    expect(close).toHaveBeenCalledOnce()
  })

  it('never throws: a failing Tizen exit falls back to closing the window', () => {
    const close = vi.fn()
    const broken = {
      getCurrentApplication: () => {
        throw new Error('UnknownError')
      },
    }
    expect(exitApp({ tizen: { application: broken }, close })).toBe('window')
    expect(close).toHaveBeenCalledOnce()
    const throwingClose = () => {
      throw new Error('not allowed')
    }
    expect(exitApp({ close: throwingClose })).toBe('none')
    expect(exitApp({})).toBe('none')
  })
})
