/**
 * A tiny DevTools-protocol client for the old engines (Chromium 64–79), whose protocol is too old
 * for Playwright: launch the engine, attach to its one page over a WebSocket, evaluate, press
 * remote keys, take screenshots, and collect what the page throws or logs as an error.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { PNG } from 'pngjs'
import type { OldChromium } from '../../scripts/engines/old-chromium.mjs'

export interface RunningEngine {
  /** The DevTools HTTP/WebSocket port. */
  port: number
  /** Everything the engine printed on stderr so far (for failure messages). */
  stderr(): string
  close(): Promise<void>
}

/** Starts the engine on about:blank and waits for "DevTools listening on ws://…" on its stderr. */
export async function launchEngine(engine: OldChromium, timeoutMs = 20_000): Promise<RunningEngine> {
  const userDataDir = mkdtempSync(join(tmpdir(), `chromium-${engine.major}-profile-`))
  const child = spawn(engine.path, [...engine.args, `--user-data-dir=${userDataDir}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: close() ends the engine and every child it started, and nothing else.
    detached: true,
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    // Keep the log bounded: a long run of a chatty engine must not grow without end.
    stderr = (stderr + chunk).slice(-200_000)
  })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Chromium ${engine.major} printed no DevTools URL in ${timeoutMs} ms:\n${stderr}`)), timeoutMs)
    const onData = () => {
      const match = /DevTools listening on ws:\/\/[^:/]+:(\d+)\//.exec(stderr)
      if (match) {
        clearTimeout(timer)
        child.stderr!.off('data', onData)
        resolve(Number(match[1]))
      }
    }
    const fail = (error: Error) => {
      clearTimeout(timer)
      reject(error)
    }
    child.stderr!.on('data', onData)
    child.once('exit', (code, signal) => fail(new Error(`Chromium ${engine.major} exited (${code ?? signal}) before DevTools was up:\n${stderr}`)))
    child.once('error', fail)
  }).catch(async (error: unknown) => {
    await stop(child)
    rmSync(userDataDir, { recursive: true, force: true })
    throw error
  })
  return {
    port,
    stderr: () => stderr,
    async close() {
      await stop(child)
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // already gone
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

/** A remote key: what the DevTools protocol needs to send it as a trusted key event. */
export interface RemoteKey {
  keyCode: number
  key: string
  code: string
}

/** The app's key map (src/input/key-map.ts) reads keyCode: arrows 37–40, OK 13, Back 8/27. */
export const REMOTE_KEYS = {
  Left: { keyCode: 37, key: 'ArrowLeft', code: 'ArrowLeft' },
  Up: { keyCode: 38, key: 'ArrowUp', code: 'ArrowUp' },
  Right: { keyCode: 39, key: 'ArrowRight', code: 'ArrowRight' },
  Down: { keyCode: 40, key: 'ArrowDown', code: 'ArrowDown' },
  Enter: { keyCode: 13, key: 'Enter', code: 'Enter' },
  Back: { keyCode: 27, key: 'Escape', code: 'Escape' },
} satisfies Record<string, RemoteKey>

export interface PageError {
  kind: 'exception' | 'console.error'
  text: string
}

interface Pending {
  resolve(result: unknown): void
  reject(error: Error): void
  method: string
}

interface TargetInfo {
  type: string
  url: string
  webSocketDebuggerUrl?: string
}

/** One page target of an engine, driven over its own DevTools WebSocket. */
export class CdpPage {
  /** Exceptions the page threw and console.error calls, in order. */
  readonly errors: PageError[] = []
  /** Every console message (type: text), for failure messages. */
  readonly console: string[] = []
  private nextId = 0
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Map<string, Set<(params: any) => void>>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.receive(JSON.parse(String(data))))
    ws.on('close', () => {
      for (const { reject, method } of this.pending.values()) reject(new Error(`DevTools connection closed during ${method}`))
      this.pending.clear()
    })
  }

  /** Attaches to the engine's page (the about:blank it opened with) and enables what it collects. */
  static async connect(port: number, timeoutMs = 10_000): Promise<CdpPage> {
    // DevTools answers a moment before the first page exists: ask until it is listed.
    const deadline = Date.now() + timeoutMs
    let targets: TargetInfo[] = []
    let target: TargetInfo | undefined
    for (;;) {
      targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as TargetInfo[]
      target = targets.find((t) => t.type === 'page' && t.webSocketDebuggerUrl)
      if (target || Date.now() > deadline) break
      await new Promise((r) => setTimeout(r, 100))
    }
    if (!target) throw new Error(`no page target on port ${port} within ${timeoutMs} ms: ${JSON.stringify(targets)}`)
    const ws = new WebSocket(target.webSocketDebuggerUrl!, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    const page = new CdpPage(ws)
    page.on('Runtime.exceptionThrown', (params: { exceptionDetails: ExceptionDetails }) => {
      page.errors.push({ kind: 'exception', text: describeException(params.exceptionDetails) })
    })
    page.on('Runtime.consoleAPICalled', (params: { type: string; args: RemoteObject[] }) => {
      const text = params.args.map(remoteText).join(' ')
      page.console.push(`${params.type}: ${text}`)
      if (params.type === 'error' || params.type === 'assert') page.errors.push({ kind: 'console.error', text })
    })
    await Promise.all([page.send('Runtime.enable'), page.send('Page.enable')])
    return page
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, method })
      this.ws.send(JSON.stringify({ id, method, params }), (error) => {
        if (error) {
          this.pending.delete(id)
          reject(error)
        }
      })
    })
  }

  on(event: string, listener: (params: any) => void): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => set!.delete(listener)
  }

  /** Resolves with the event's params the next time it arrives. */
  once<T = any>(event: string, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
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

  private receive(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string; data?: string } }): void {
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
   */
  async evaluate<T>(expression: string): Promise<T> {
    const response = await this.send<{ result: RemoteObject; exceptionDetails?: ExceptionDetails }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })
    if (response.exceptionDetails) throw new Error(`evaluate(${expression.slice(0, 80)}): ${describeException(response.exceptionDetails)}`)
    return response.result.value as T
  }

  /** Navigates and waits for the load event. */
  async navigate(url: string, timeoutMs = 30_000): Promise<void> {
    const loaded = this.once('Page.loadEventFired', timeoutMs)
    const result = await this.send<{ errorText?: string }>('Page.navigate', { url })
    if (result.errorText) throw new Error(`navigating to ${url}: ${result.errorText}`)
    await loaded
  }

  /** A trusted key press (down, then up) as a remote sends it. */
  async press(key: RemoteKey): Promise<void> {
    const base = { windowsVirtualKeyCode: key.keyCode, nativeVirtualKeyCode: key.keyCode, key: key.key, code: key.code }
    // Sent back to back (DevTools keeps their order): one round trip per key press.
    await Promise.all([
      this.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base }),
      this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }),
    ])
  }

  /** A PNG of the page, optionally cropped (in node: Chromium 64 has no screenshot clip). */
  async screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' })
    const png = Buffer.from(data, 'base64')
    return clip ? crop(png, clip) : png
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return
    const closed = new Promise<void>((resolve) => this.ws.once('close', () => resolve()))
    this.ws.close()
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))])
  }
}

interface RemoteObject {
  type: string
  subtype?: string
  value?: unknown
  description?: string
  unserializableValue?: string
}

interface ExceptionDetails {
  text: string
  url?: string
  lineNumber?: number
  columnNumber?: number
  exception?: RemoteObject
}

function remoteText(object: RemoteObject): string {
  if (object.type === 'string') return String(object.value)
  if (object.value !== undefined) return JSON.stringify(object.value)
  return object.description ?? object.unserializableValue ?? object.type
}

function describeException(details: ExceptionDetails): string {
  const what = details.exception ? remoteText(details.exception) : details.text
  const where = details.url ? ` (${details.url}:${(details.lineNumber ?? 0) + 1}:${(details.columnNumber ?? 0) + 1})` : ''
  return `${what}${where}`
}

function crop(png: Buffer, clip: { x: number; y: number; width: number; height: number }): Buffer {
  const source = PNG.sync.read(png)
  const out = new PNG({ width: clip.width, height: clip.height })
  PNG.bitblt(source, out, clip.x, clip.y, clip.width, clip.height, 0, 0)
  return PNG.sync.write(out)
}
