import type { ChildProcess } from 'node:child_process'

export const WPE_WEBDRIVER_PATH: string
/** The browser WPEWebDriver launches (cog, the WPE reference launcher), found on PATH. */
export const WPE_BROWSER: string
/** cog's arguments: --platform=headless and --automation (the mode WebDriver needs). */
export const WPE_BROWSER_ARGS: string[]

/** A remote key as WebDriver sends it: the W3C key value; WebKit derives keyCode from it. */
export interface WebDriverKey {
  name: string
  /** The WebDriver "normalised key value" (a Private Use code point for special keys). */
  value: string
  /** The keyCode the page sees (the app's key map reads it: src/input/key-map.ts). */
  keyCode: number
}

export const WEBDRIVER_KEYS: Record<'Left' | 'Up' | 'Right' | 'Down' | 'Enter' | 'Back', WebDriverKey>

export interface PageError {
  kind: 'exception' | 'rejection' | 'console.error' | 'csp'
  text: string
}

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

export interface LaunchOptions {
  /** Extra cog arguments after WPE_BROWSER_ARGS. */
  browserArgs?: string[]
  /** Extra environment for the driver and the browser it starts (e.g. GST_DEBUG). */
  env?: NodeJS.ProcessEnv
  timeoutMs?: number
}

/** Throws with how to install WPE when it is missing: engine lanes never skip. */
export function assertWpeInstalled(): void

/** Starts WPEWebDriver on a free port and opens a session on headless cog. */
export function launchWpe(options?: LaunchOptions): Promise<WpeSession>

/** One WebDriver session on cog. */
export class WpeSession {
  constructor(base: string, capabilities: Record<string, unknown>, driver: ChildProcess, output: () => string)
  readonly capabilities: Record<string, unknown>
  /** What the driver, cog and WebKit printed so far (bounded), for failure messages. */
  readonly output: () => string
  /** Milliseconds a command may take before it is given up. */
  commandTimeoutMs: number
  /** Navigates and waits for the load event (WebDriver's "normal" page load strategy). */
  navigate(url: string): Promise<void>
  /** Runs a function body in the page (`return …` gives the result), with `arguments`. */
  execute<T>(body: string, ...args: unknown[]): Promise<T>
  /** Runs a function body whose last argument is the callback that ends it with a result. */
  executeAsync<T>(body: string, ...args: unknown[]): Promise<T>
  /** A key press (down, up) as trusted input: WebKit sets key, code and keyCode from the key value. */
  press(key: WebDriverKey): Promise<void>
  /** Keeps the page's exceptions, rejections and console.error calls from now on (call after navigate). */
  collectPageErrors(): Promise<void>
  pageErrors(): Promise<PageError[]>
  /** Starts keeping the pixels of an area of the Lightning canvas as each frame is drawn. */
  captureCanvas(area: Area, stageWidth?: number): Promise<void>
  /** The captured area of the latest frame Lightning drew, as a PNG (see captureCanvas). */
  capturedCanvasPng(): Promise<Buffer>
  stopCanvasCapture(): Promise<void>
  /** Ends the session (cog closes) and the driver with every process it started. */
  close(): Promise<void>
}
