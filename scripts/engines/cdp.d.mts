import type WebSocket from 'ws'
import type { OldChromium } from './old-chromium.mjs'

export interface RunningEngine {
  /** The DevTools HTTP/WebSocket port. */
  port: number
  /** Everything the engine printed on stderr so far (for failure messages). */
  stderr(): string
  close(): Promise<void>
}

/** Starts the engine on about:blank and waits for "DevTools listening on ws://…" on its stderr. */
export function launchEngine(engine: OldChromium, timeoutMs?: number): Promise<RunningEngine>

/** A remote key: what the DevTools protocol needs to send it as a trusted key event. */
export interface RemoteKey {
  keyCode: number
  key: string
  code: string
}

/** The app's key map (src/input/key-map.ts) reads keyCode: arrows 37–40, OK 13, Back 8/27. */
export const REMOTE_KEYS: Record<'Left' | 'Up' | 'Right' | 'Down' | 'Enter' | 'Back', RemoteKey>

export interface PageError {
  kind: 'exception' | 'console.error'
  text: string
}

/** One page target of an engine, driven over its own DevTools WebSocket. */
export class CdpPage {
  private constructor(ws: WebSocket)
  /** Exceptions the page threw and console.error calls, in order. */
  readonly errors: PageError[]
  /** Every console message (type: text), for failure messages. */
  readonly console: string[]
  /** Attaches to the engine's page (the about:blank it opened with) and enables what it collects. */
  static connect(port: number, timeoutMs?: number): Promise<CdpPage>
  send<T = any>(method: string, params?: Record<string, unknown>): Promise<T>
  /** Returns a function that removes the listener. */
  on(event: string, listener: (params: any) => void): () => void
  /** Resolves with the event's params the next time it arrives. */
  once<T = any>(event: string, timeoutMs?: number): Promise<T>
  /**
   * The value of a JavaScript expression in the page (awaited if it is a promise), as JSON.
   * The expression runs as the engine parses it: write it in syntax the oldest engine knows.
   */
  evaluate<T>(expression: string): Promise<T>
  /** Navigates and waits for the load event. */
  navigate(url: string, timeoutMs?: number): Promise<void>
  /** A trusted key press (down, then up) as a remote sends it. */
  press(key: RemoteKey): Promise<void>
  /** A PNG of the page, optionally cropped (in node: Chromium 64 has no screenshot clip). */
  screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer>
  close(): Promise<void>
}
