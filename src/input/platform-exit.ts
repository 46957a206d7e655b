/**
 * Leaving the app the way each platform expects (docs/platforms.md): Tizen closes through its
 * application API, webOS hands Back to the system (which returns to Live TV / the launcher), and
 * anything else closes the window. Only the "Exit?" dialog's Yes should call this.
 */
import { currentWindow, type TvWindow } from './tv-globals'

/** Which way out was taken; 'none' when every way failed (e.g. a tab the script did not open). */
export type ExitRoute = 'tizen' | 'webos' | 'window' | 'none'

/** Asks the platform to close the app. Never throws: a failing way falls through to the next. */
export function exitApp(win: TvWindow = currentWindow()): ExitRoute {
  const tizenApp = attempt(() => win.tizen?.application?.getCurrentApplication?.())
  if (tizenApp && attempt(() => call(tizenApp.exit, tizenApp))) return 'tizen'
  if (attempt(() => call(win.webOS?.platformBack, win.webOS))) return 'webos'
  if (attempt(() => call(win.PalmSystem?.platformBack, win.PalmSystem))) return 'webos'
  if (attempt(() => call(win.close, win))) return 'window'
  return 'none'
}

/** Calls `fn` on `self` if it is a function; true when it was called. */
function call(fn: (() => void) | undefined, self: unknown): boolean {
  if (typeof fn !== 'function') return false
  fn.call(self)
  return true
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch (error) {
    return undefined
  }
}
