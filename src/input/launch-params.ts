/**
 * Deep links: which channel or article the app was asked to open. The platform's launch parameters
 * carry them, which a TV home screen passes when the viewer picks a preview tile; the URL query
 * (`?channel=<id>&article=<id>`) may too, and config/app-config.ts merges the two (the platform's
 * win, field by field). Launch parameters are foreign text: anything malformed is dropped with a
 * reason (shown with the settings errors), and nothing here throws.
 */
import { describeValue } from '../config/field-readers'
import { isRecord } from '../lib/values'
import { currentWindow, type Tizen, type TvWindow } from './tv-globals'

export interface DeepLink {
  channel?: string
  article?: string
}

export interface DeepLinkReading {
  link: DeepLink
  /** One line per parameter that was present but unusable, naming its source and why. */
  ignored: string[]
}

/** The fields a deep link may set, whatever its source. */
export const DEEP_LINK_FIELDS = ['channel', 'article'] as const
const MAX_ID_LENGTH = 200
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/** This launch's platform parameters (Tizen app control, webOS launchParams); webOS's override Tizen's. */
export function readPlatformLaunch(win: TvWindow = currentWindow()): DeepLinkReading {
  const reading = new ReadingBuilder()
  reading.merge(deepLinkFromTizen(win.tizen))
  reading.merge(deepLinkFromWebOS(win))
  return reading.result()
}

/** `later` over `earlier`, field by field; both sources' reasons kept. */
export function mergeDeepLinks(earlier: DeepLinkReading, later: DeepLinkReading): DeepLinkReading {
  const reading = new ReadingBuilder()
  reading.merge(earlier)
  reading.merge(later)
  return reading.result()
}

/** A deep link from named values (`params.channel`, `params.article`) given by `source`. */
export function deepLinkFromParams(params: Record<string, unknown>, source: string): DeepLinkReading {
  const reading = new ReadingBuilder()
  reading.addParams(params, source)
  return reading.result()
}

/**
 * Tizen passes launch data as app-control entries. A Smart Hub preview tile sends one entry keyed
 * `PAYLOAD` whose JSON carries the tile's action data as JSON text in `values`; other launchers
 * may send `channel` / `article` entries directly.
 */
export function deepLinkFromTizen(tizen: Tizen | undefined): DeepLinkReading {
  const reading = new ReadingBuilder()
  if (!tizen?.application) return reading.result()
  let data: unknown
  try {
    data = tizen.application.getCurrentApplication?.().getRequestedAppControl?.()?.appControl?.data
  } catch (error) {
    reading.ignore(`Tizen app control could not be read: ${describeError(error)}`)
  }
  if (!Array.isArray(data)) return reading.result()
  for (const entry of data as unknown[]) {
    if (!isRecord(entry) || typeof entry.key !== 'string') continue
    const first: unknown = Array.isArray(entry.value) ? entry.value[0] : undefined
    if (entry.key === 'PAYLOAD') {
      const payload = reading.parse(first, 'Tizen PAYLOAD')
      const actionData = payload && typeof payload.values === 'string' ? reading.parse(payload.values, 'Tizen PAYLOAD.values') : payload
      if (actionData) reading.addParams(actionData, 'Tizen PAYLOAD')
    } else if (entry.key === 'channel' || entry.key === 'article') {
      reading.addParams({ [entry.key]: first }, 'Tizen app control')
    }
  }
  return reading.result()
}

/** webOS keeps the launch parameters as JSON text in `PalmSystem.launchParams` (webOSTV.js may mirror them). */
export function deepLinkFromWebOS(win: TvWindow): DeepLinkReading {
  const reading = new ReadingBuilder()
  const sources: Array<[unknown, string]> = [
    [win.webOS?.launchParams, 'webOS.launchParams'],
    [win.PalmSystem?.launchParams, 'PalmSystem.launchParams'],
  ]
  for (const [value, source] of sources) {
    const params = reading.parse(value, source)
    if (params) reading.addParams(params, source)
  }
  return reading.result()
}

/**
 * Calls `listener` when the app, already running, is launched again with new parameters: webOS
 * fires `webOSRelaunch` on the document, Tizen fires `appcontrol` on the window. Returns the
 * unsubscribe function.
 */
export function onRelaunch(listener: (reading: DeepLinkReading) => void, win: TvWindow = currentWindow()): () => void {
  const onWebOSRelaunch = (event: Event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail
    const reading = new ReadingBuilder()
    if (detail === undefined || detail === null) {
      reading.merge(deepLinkFromWebOS(win))
    } else {
      const params = reading.parse(detail, 'webOSRelaunch')
      if (params) reading.addParams(params, 'webOSRelaunch')
    }
    // A relaunched webOS app stays in the background until it asks to come forward.
    try {
      win.PalmSystem?.activate?.()
    } catch (error) {
      reading.ignore(`PalmSystem.activate failed: ${describeError(error)}`)
    }
    listener(reading.result())
  }
  const onTizenAppControl = () => listener(deepLinkFromTizen(win.tizen))

  win.document?.addEventListener('webOSRelaunch', onWebOSRelaunch)
  win.addEventListener?.('appcontrol', onTizenAppControl)
  return () => {
    win.document?.removeEventListener('webOSRelaunch', onWebOSRelaunch)
    win.removeEventListener?.('appcontrol', onTizenAppControl)
  }
}

/** Accumulates a link from several sources; later sources override earlier ones per field. */
class ReadingBuilder {
  private readonly link: DeepLink = {}
  private readonly ignored: string[] = []

  result(): DeepLinkReading {
    return { link: Object.assign({}, this.link), ignored: this.ignored.slice() }
  }

  ignore(reason: string): void {
    this.ignored.push(reason)
  }

  merge(other: DeepLinkReading): void {
    Object.assign(this.link, other.link)
    this.ignored.push(...other.ignored)
  }

  addParams(params: Record<string, unknown>, source: string): void {
    for (const field of DEEP_LINK_FIELDS) {
      if (!(field in params)) continue
      const id = asId(params[field])
      if (id === null) this.ignore(`${source}: ${field} must be a short id, got ${describeValue(params[field])}`)
      else this.link[field] = id
    }
  }

  /** Launch parameters as an object: given as one, as JSON text, or as `key=value&…` text. */
  parse(value: unknown, source: string): Record<string, unknown> | null {
    if (value === undefined || value === null) return null
    if (isRecord(value)) return value
    if (typeof value !== 'string') return this.refuse(source, `expected text or an object, got ${typeof value}`)
    const text = value.trim()
    if (text === '') return null
    if (text.charAt(0) === '{') {
      try {
        const parsed: unknown = JSON.parse(text)
        return isRecord(parsed) ? parsed : this.refuse(source, 'JSON is not an object')
      } catch (error) {
        return this.refuse(source, `not valid JSON (${describeError(error)})`)
      }
    }
    if (text.indexOf('=') < 0) return this.refuse(source, `neither JSON nor key=value: ${describeValue(text)}`)
    const params: Record<string, unknown> = {}
    new URLSearchParams(text).forEach((paramValue, key) => {
      params[key] = paramValue
    })
    return params
  }

  private refuse(source: string, reason: string): null {
    this.ignore(`${source}: ${reason}`)
    return null
  }
}

/** An id as the app's channels and articles use them, or null for anything else. */
function asId(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  if (typeof text !== 'string' || CONTROL_CHARACTERS.test(text)) return null
  const id = text.trim()
  return id === '' || id.length > MAX_ID_LENGTH ? null : id
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
