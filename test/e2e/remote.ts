/**
 * Real remote keys: trusted key events through the DevTools protocol with the platform's own key
 * codes (Tizen Back 10009, webOS Back 461, …), and fake platform globals so the app detects the TV.
 */
import type { Page, CDPSession } from 'playwright-core'

export type Platform = 'browser' | 'tizen' | 'webos'

export const KEYS: Record<Platform, Record<'Left' | 'Right' | 'Up' | 'Down' | 'Enter' | 'Back' | 'ChannelUp' | 'ChannelDown', number>> = {
  browser: { Left: 37, Up: 38, Right: 39, Down: 40, Enter: 13, Back: 27, ChannelUp: 33, ChannelDown: 34 },
  tizen: { Left: 37, Up: 38, Right: 39, Down: 40, Enter: 13, Back: 10009, ChannelUp: 427, ChannelDown: 428 },
  webos: { Left: 37, Up: 38, Right: 39, Down: 40, Enter: 13, Back: 461, ChannelUp: 33, ChannelDown: 34 },
}

/** Globals that make the app detect Tizen or webOS, recording exits and key registrations. */
export async function fakePlatform(page: Page, platform: Platform): Promise<void> {
  await page.addInitScript((p) => {
    const w = window as unknown as Record<string, unknown>
    w.__exits = 0
    w.__registeredKeys = [] as string[]
    // A monkey pressing "Yes" must not close the test's page.
    window.close = () => { (w.__exits as number)++ }
    if (p === 'tizen') {
      w.tizen = {
        tvinputdevice: {
          getSupportedKeys: () => ['MediaPlay', 'MediaPause', 'MediaPlayPause', 'MediaStop', 'MediaFastForward', 'MediaRewind', 'ChannelUp', 'ChannelDown', 'ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue', 'Info', '1', '2'].map((name) => ({ name, code: 0 })),
          registerKeyBatch: (names: string[], ok?: () => void) => { (w.__registeredKeys as string[]).push(...names); ok && ok() },
          registerKey: (name: string) => { (w.__registeredKeys as string[]).push(name) },
        },
        application: { getCurrentApplication: () => ({ exit: () => { (w.__exits as number)++ }, getRequestedAppControl: () => null }) },
      }
    }
    if (p === 'webos') {
      w.webOS = { platformBack: () => { (w.__exits as number)++ } }
      w.PalmSystem = { launchParams: '{}' }
    }
  }, platform)
}

export async function pressCode(cdp: CDPSession, keyCode: number): Promise<void> {
  const base = { windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, key: keyCode === 13 ? 'Enter' : '' }
  // Sent back to back (DevTools keeps their order): one round trip per key press, not two.
  await Promise.all([
    cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }),
  ])
}
