// @ts-check
/**
 * A tiny DevTools-protocol client for the old engines (Chromium 64–79), whose protocol is too old
 * for Playwright: launch the engine, attach to its one page over a WebSocket, evaluate, press
 * remote keys, take screenshots, and collect what the page throws or logs as an error. Used by the
 * engine lanes (test/engines/old-chromium.engine.test.ts) and the bench (scripts/bench/engines.mjs).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { PNG } from 'pngjs'
import { stopProcessGroup } from './process-group.mjs'

/**
 * @typedef {import('./old-chromium.mjs').OldChromium} OldChromium
 * @typedef {{ port: number, stderr(): string, close(): Promise<void> }} RunningEngine
 * @typedef {{ keyCode: number, key: string, code: string }} RemoteKey
 * @typedef {{ kind: 'exception' | 'console.error', text: string }} PageError
 * @typedef {{ x: number, y: number, width: number, height: number }} Clip
 * @typedef {{ resolve(result: unknown): void, reject(error: Error): void, method: string }} Pending
 * @typedef {{ type: string, url: string, webSocketDebuggerUrl?: string }} TargetInfo
 * @typedef {{ type: string, subtype?: string, value?: unknown, description?: string, unserializableValue?: string }} RemoteObject
 * @typedef {{ text: string, url?: string, lineNumber?: number, columnNumber?: number, exception?: RemoteObject }} ExceptionDetails
 */

/**
 * Starts the engine on about:blank and waits for "DevTools listening on ws://…" on its stderr.
 * @param {OldChromium} engine
 * @returns {Promise<RunningEngine>}
 */
export async function launchEngine(engine, timeoutMs = 20_000) {
  const userDataDir = mkdtempSync(join(tmpdir(), `chromium-${engine.major}-profile-`))
  const child = spawn(engine.path, [...engine.args, `--user-data-dir=${userDataDir}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: close() ends the engine and every child it started, and nothing else.
    detached: true,
  })
  const childStderr = /** @type {import('node:stream').Readable} */ (child.stderr)
  let stderr = ''
  childStderr.setEncoding('utf8')
  childStderr.on('data', (/** @type {string} */ chunk) => {
    // Keep the log bounded: a long run of a chatty engine must not grow without end.
    stderr = (stderr + chunk).slice(-200_000)
  })
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Chromium ${engine.major} printed no DevTools URL in ${timeoutMs} ms:\n${stderr}`)), timeoutMs)
    const onData = () => {
      const match = /DevTools listening on ws:\/\/[^:/]+:(\d+)\//.exec(stderr)
      if (match) {
        clearTimeout(timer)
        childStderr.off('data', onData)
        resolve(Number(match[1]))
      }
    }
    /** @param {Error} error */
    const fail = (error) => {
      clearTimeout(timer)
      reject(error)
    }
    childStderr.on('data', onData)
    child.once('exit', (code, signal) => fail(new Error(`Chromium ${engine.major} exited (${code ?? signal}) before DevTools was up:\n${stderr}`)))
    child.once('error', fail)
  }).catch(async (error) => {
    await stopProcessGroup(child)
    rmSync(userDataDir, { recursive: true, force: true })
    throw error
  })
  return {
    port,
    stderr: () => stderr,
    async close() {
      await stopProcessGroup(child)
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The app's key map (src/input/key-map.ts) reads keyCode: arrows 37–40, OK 13, Back 8/27.
 * @satisfies {Record<string, RemoteKey>}
 */
export const REMOTE_KEYS = {
  Left: { keyCode: 37, key: 'ArrowLeft', code: 'ArrowLeft' },
  Up: { keyCode: 38, key: 'ArrowUp', code: 'ArrowUp' },
  Right: { keyCode: 39, key: 'ArrowRight', code: 'ArrowRight' },
  Down: { keyCode: 40, key: 'ArrowDown', code: 'ArrowDown' },
  Enter: { keyCode: 13, key: 'Enter', code: 'Enter' },
  Back: { keyCode: 27, key: 'Escape', code: 'Escape' },
  /** A keyboard's G: the app's Guide key (src/input/key-map.ts). */
  Guide: { keyCode: 71, key: 'g', code: 'KeyG' },
}

/** One page target of an engine, driven over its own DevTools WebSocket. */
export class CdpPage {
  /** @param {WebSocket} ws */
  constructor(ws) {
    /** @private @readonly */
    this.ws = ws
    /** Exceptions the page threw and console.error calls, in order. @type {PageError[]} */
    this.errors = []
    /** Every console message (type: text), for failure messages. @type {string[]} */
    this.console = []
    /** @private */
    this.nextId = 0
    /** @private @type {Map<number, Pending>} */
    this.pending = new Map()
    /** @private @type {Map<string, Set<(params: any) => void>>} */
    this.listeners = new Map()
    ws.on('message', (data) => this.receive(JSON.parse(String(data))))
    ws.on('close', () => {
      for (const { reject, method } of this.pending.values()) reject(new Error(`DevTools connection closed during ${method}`))
      this.pending.clear()
    })
  }

  /**
   * Attaches to the engine's page (the about:blank it opened with) and enables what it collects.
   * @param {number} port
   * @returns {Promise<CdpPage>}
   */
  static async connect(port, timeoutMs = 10_000) {
    // DevTools answers a moment before the first page exists: ask until it is listed.
    const deadline = Date.now() + timeoutMs
    /** @type {TargetInfo[]} */
    let targets = []
    /** @type {TargetInfo | undefined} */
    let target
    for (;;) {
      targets = /** @type {TargetInfo[]} */ (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json())
      target = targets.find((t) => t.type === 'page' && t.webSocketDebuggerUrl)
      if (target || Date.now() > deadline) break
      await new Promise((r) => setTimeout(r, 100))
    }
    if (!target?.webSocketDebuggerUrl) throw new Error(`no page target on port ${port} within ${timeoutMs} ms: ${JSON.stringify(targets)}`)
    const ws = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 })
    await new Promise((resolve, reject) => {
      ws.once('open', () => resolve(undefined))
      ws.once('error', reject)
    })
    const page = new CdpPage(ws)
    page.on('Runtime.exceptionThrown', (/** @type {{ exceptionDetails: ExceptionDetails }} */ params) => {
      page.errors.push({ kind: 'exception', text: describeException(params.exceptionDetails) })
    })
    page.on('Runtime.consoleAPICalled', (/** @type {{ type: string, args: RemoteObject[] }} */ params) => {
      const text = params.args.map(remoteText).join(' ')
      page.console.push(`${params.type}: ${text}`)
      if (params.type === 'error' || params.type === 'assert') page.errors.push({ kind: 'console.error', text })
    })
    await Promise.all([page.send('Runtime.enable'), page.send('Page.enable')])
    return page
  }

  /**
   * @template [T=any]
   * @param {string} method
   * @param {Record<string, unknown>} [params]
   * @returns {Promise<T>}
   */
  send(method, params = {}) {
    const id = ++this.nextId
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: /** @type {(r: unknown) => void} */ (resolve), reject, method })
      this.ws.send(JSON.stringify({ id, method, params }), (error) => {
        if (error) {
          this.pending.delete(id)
          reject(error)
        }
      })
    })
  }

  /**
   * @param {string} event
   * @param {(params: any) => void} listener
   * @returns {() => void} removes the listener
   */
  on(event, listener) {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    const listeners = set
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  /**
   * Resolves with the event's params the next time it arrives.
   * @template [T=any]
   * @param {string} event
   * @returns {Promise<T>}
   */
  once(event, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off()
        reject(new Error(`no ${event} within ${timeoutMs} ms`))
      }, timeoutMs)
      const off = this.on(event, (params) => {
        clearTimeout(timer)
        off()
        resolve(params)
      })
    })
  }

  /**
   * @private
   * @param {{ id?: number, method?: string, params?: unknown, result?: unknown, error?: { message: string, data?: string } }} message
   */
  receive(message) {
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id)
      if (!pending) return
      this.pending.delete(message.id)
      if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}${message.error.data ? ` (${message.error.data})` : ''}`))
      else pending.resolve(message.result)
      return
    }
    if (message.method) for (const listener of this.listeners.get(message.method) ?? []) listener(message.params)
  }

  /**
   * The value of a JavaScript expression in the page (awaited if it is a promise), as JSON.
   * The expression runs as the engine parses it: write it in syntax the oldest engine knows.
   * @template T
   * @param {string} expression
   * @returns {Promise<T>}
   */
  async evaluate(expression) {
    /** @type {{ result: RemoteObject, exceptionDetails?: ExceptionDetails }} */
    const response = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })
    if (response.exceptionDetails) throw new Error(`evaluate(${expression.slice(0, 80)}): ${describeException(response.exceptionDetails)}`)
    return /** @type {T} */ (response.result.value)
  }

  /**
   * Navigates and waits for the load event.
   * @param {string} url
   */
  async navigate(url, timeoutMs = 30_000) {
    const loaded = this.once('Page.loadEventFired', timeoutMs)
    /** @type {{ errorText?: string }} */
    const result = await this.send('Page.navigate', { url })
    if (result.errorText) throw new Error(`navigating to ${url}: ${result.errorText}`)
    await loaded
  }

  /**
   * A trusted key press (down, then up) as a remote sends it.
   * @param {RemoteKey} key
   */
  async press(key) {
    const base = { windowsVirtualKeyCode: key.keyCode, nativeVirtualKeyCode: key.keyCode, key: key.key, code: key.code }
    // Sent back to back (DevTools keeps their order): one round trip per key press.
    await Promise.all([
      this.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base }),
      this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }),
    ])
  }

  /**
   * A PNG of the page, optionally cropped (in node: Chromium 64 has no screenshot clip).
   * @param {Clip} [clip]
   * @returns {Promise<Buffer>}
   */
  async screenshot(clip) {
    /** @type {{ data: string }} */
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' })
    const png = Buffer.from(data, 'base64')
    return clip ? crop(png, clip) : png
  }

  async close() {
    if (this.ws.readyState === WebSocket.CLOSED) return
    const closed = new Promise((resolve) => this.ws.once('close', () => resolve(undefined)))
    this.ws.close()
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))])
  }
}

/** @param {RemoteObject} object */
function remoteText(object) {
  if (object.type === 'string') return String(object.value)
  if (object.value !== undefined) return JSON.stringify(object.value)
  return object.description ?? object.unserializableValue ?? object.type
}

/** @param {ExceptionDetails} details */
function describeException(details) {
  const what = details.exception ? remoteText(details.exception) : details.text
  const where = details.url ? ` (${details.url}:${(details.lineNumber ?? 0) + 1}:${(details.columnNumber ?? 0) + 1})` : ''
  return `${what}${where}`
}

/**
 * @param {Buffer} png
 * @param {Clip} clip
 */
function crop(png, clip) {
  const source = PNG.sync.read(png)
  const out = new PNG({ width: clip.width, height: clip.height })
  PNG.bitblt(source, out, clip.x, clip.y, clip.width, clip.height, 0, 0)
  return PNG.sync.write(out)
}
