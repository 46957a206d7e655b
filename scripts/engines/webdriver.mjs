// @ts-check
/**
 * A small W3C WebDriver client (plain fetch) for WPE WebKit, the engine of RDK set-top boxes:
 * starts WPEWebDriver on a free port, opens a session on cog (headless), navigates, runs scripts,
 * presses remote keys as real input actions, reads the Lightning canvas's pixels, and ends every
 * process it started. Used by the WPE lane (test/engines/wpe.engine.test.ts) and the bench
 * (scripts/bench/engines.mjs).
 *
 * What WPE 2.38 + cog do differently from Chromium, and how this client deals with it:
 * - cog's headless view is 800×600 and cannot be resized (no setWindowRect). The app's stage and
 *   its canvas stay 1920×1080 (the stage size is fixed), so the snapshot's coordinates and the
 *   canvas pixels are the app's own; only what is "on screen" is cropped.
 * - Screenshots of the WebGL layer can be stale and only show the 800×600 view: `captureCanvas`
 *   reads the canvas with gl.readPixels right after Lightning draws each frame instead.
 * - In automation mode cog does not write console messages to stdout (its
 *   --enable-write-console-messages-to-stdout is ignored), and WebDriver has no init scripts:
 *   `collectPageErrors` installs collectors once the page has loaded, so errors before that show
 *   up only as an app that does not come up.
 * - Without the gstreamer1.0-gl package the renderer crashes.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { PNG } from 'pngjs'
import { stopProcessGroup } from './process-group.mjs'

/**
 * @typedef {{ name: string, value: string, keyCode: number }} WebDriverKey
 * @typedef {{ kind: 'exception' | 'rejection' | 'console.error' | 'csp', text: string }} PageError
 * @typedef {{ x: number, y: number, width: number, height: number }} Area
 * @typedef {{ browserArgs?: string[], env?: NodeJS.ProcessEnv, timeoutMs?: number }} LaunchOptions
 * @typedef {'GET' | 'POST' | 'DELETE'} Method
 */

export const WPE_WEBDRIVER_PATH = process.env.WPE_WEBDRIVER_PATH || '/usr/bin/WPEWebDriver'
/** The browser WPEWebDriver launches (cog, the WPE reference launcher), found on PATH. */
export const WPE_BROWSER = process.env.WPE_BROWSER || 'cog'

/**
 * cog's arguments. WPEWebDriver passes only these, so --automation (the mode WebDriver needs) must
 * be among them; --platform=headless needs no display.
 */
export const WPE_BROWSER_ARGS = ['--platform=headless', '--automation']

/**
 * A remote key as WebDriver sends it: the W3C "normalised key value" (a Private Use code point for
 * special keys); WebKit derives the keyCode the page sees (the app's key map reads it:
 * src/input/key-map.ts) from it. Back is Escape: the keyboard Back (27) of browsers, kiosks and
 * RDK remotes.
 * @satisfies {Record<string, WebDriverKey>}
 */
export const WEBDRIVER_KEYS = {
  Left: { name: 'Left', value: '\uE012', keyCode: 37 },
  Up: { name: 'Up', value: '\uE013', keyCode: 38 },
  Right: { name: 'Right', value: '\uE014', keyCode: 39 },
  Down: { name: 'Down', value: '\uE015', keyCode: 40 },
  Enter: { name: 'Enter', value: '\uE007', keyCode: 13 },
  Back: { name: 'Back', value: '\uE00C', keyCode: 27 },
  /** A keyboard's G: the app's Guide key (src/input/key-map.ts). */
  Guide: { name: 'Guide', value: 'g', keyCode: 71 },
}

/** Throws with how to install WPE when it is missing: engine lanes never skip. */
export function assertWpeInstalled() {
  if (!existsSync(WPE_WEBDRIVER_PATH)) {
    throw new Error(
      `WPEWebDriver not found at ${WPE_WEBDRIVER_PATH}. Install WPE WebKit with "sudo apt-get install -y wpewebkit-driver cog ` +
        'gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav gstreamer1.0-gl" ' +
        '(or set WPE_WEBDRIVER_PATH). Engine lanes need the real engine and never skip.',
    )
  }
}

/** @returns {Promise<number>} */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts WPEWebDriver on a free port and opens a session on headless cog.
 * `browserArgs`: extra cog arguments after WPE_BROWSER_ARGS; `env`: extra environment for the
 * driver and the browser it starts (e.g. GST_DEBUG).
 * @param {LaunchOptions} [options]
 * @returns {Promise<WpeSession>}
 */
export async function launchWpe(options = {}) {
  assertWpeInstalled()
  const timeoutMs = options.timeoutMs ?? 20_000
  const port = await freePort()
  const child = spawn(WPE_WEBDRIVER_PATH, [`--port=${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: close() ends the driver, cog and WebKit's processes, and nothing else.
    detached: true,
    env: { ...process.env, ...options.env },
  })
  let output = ''
  const keep = (/** @type {string} */ chunk) => {
    // Bounded: a long run of a chatty engine (GST_DEBUG) must not grow without end.
    output = (output + chunk).slice(-200_000)
  }
  child.stdout.setEncoding('utf8').on('data', keep)
  child.stderr.setEncoding('utf8').on('data', keep)
  const origin = `http://127.0.0.1:${port}`
  try {
    /** @type {Promise<never>} */
    const exited = new Promise((_, reject) => {
      child.once('exit', (code, signal) => reject(new Error(`WPEWebDriver exited (${code ?? signal}):\n${output}`)))
      child.once('error', reject)
    })
    exited.catch(() => undefined)
    await Promise.race([waitUntilReady(origin, timeoutMs), exited])
    /** @type {{ sessionId: string, capabilities: Record<string, unknown> }} */
    const created = await Promise.race([
      command(origin, 'POST', '/session', {
        capabilities: {
          alwaysMatch: {
            'wpe:browserOptions': { binary: WPE_BROWSER, args: [...WPE_BROWSER_ARGS, ...(options.browserArgs ?? [])] },
          },
        },
      }, timeoutMs),
      exited,
    ])
    return new WpeSession(`${origin}/session/${created.sessionId}`, created.capabilities, child, () => output)
  } catch (error) {
    await stopProcessGroup(child)
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nWPEWebDriver output:\n${output.slice(-4000)}`)
  }
}

/**
 * @param {string} origin
 * @param {number} timeoutMs
 */
async function waitUntilReady(origin, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      /** @type {{ ready?: boolean }} */
      const status = await command(origin, 'GET', '/status', undefined, 2000)
      if (status.ready !== false) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WPEWebDriver did not answer /status within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * @param {string} base
 * @param {Method} method
 * @param {string} path
 * @param {unknown} body
 * @param {number} timeoutMs
 * @returns {Promise<any>} the answer's `value`
 */
async function command(base, method, path, body, timeoutMs) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await response.text()
  /** @type {{ value?: any }} */
  let json
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${method} ${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`)
  }
  if (!response.ok) {
    /** @type {{ error?: string, message?: string }} */
    const value = json.value ?? {}
    throw new Error(`${method} ${path}: ${value.error ?? `HTTP ${response.status}`}: ${value.message ?? text.slice(0, 200)}`)
  }
  return json.value
}

/** One WebDriver session on cog. */
export class WpeSession {
  /**
   * @param {string} base
   * @param {Record<string, unknown>} capabilities
   * @param {import('node:child_process').ChildProcess} driver
   * @param {() => string} output What the driver, cog and WebKit printed so far (bounded), for failure messages.
   */
  constructor(base, capabilities, driver, output) {
    /** @private @readonly */
    this.base = base
    /** @readonly */
    this.capabilities = capabilities
    /** @private @readonly */
    this.driver = driver
    /** @readonly */
    this.output = output
    /** Milliseconds a command may take before it is given up. */
    this.commandTimeoutMs = 60_000
  }

  /**
   * @private
   * @param {Method} method
   * @param {string} path
   * @param {unknown} [body]
   */
  send(method, path, body) {
    return command(this.base, method, path, body, this.commandTimeoutMs)
  }

  /**
   * Navigates and waits for the load event (WebDriver's "normal" page load strategy).
   * @param {string} url
   */
  async navigate(url) {
    await this.send('POST', '/url', { url })
  }

  /**
   * Runs a function body in the page (`return …` gives the result), with `arguments`.
   * @template T
   * @param {string} body
   * @param {...unknown} args
   * @returns {Promise<T>}
   */
  execute(body, ...args) {
    return /** @type {Promise<T>} */ (this.send('POST', '/execute/sync', { script: body, args }))
  }

  /**
   * Runs a function body whose last argument is the callback that ends it with a result.
   * @template T
   * @param {string} body
   * @param {...unknown} args
   * @returns {Promise<T>}
   */
  executeAsync(body, ...args) {
    return /** @type {Promise<T>} */ (this.send('POST', '/execute/async', { script: body, args }))
  }

  /**
   * A key press (down, up) as trusted input: WebKit sets key, code and keyCode from the key value.
   * @param {WebDriverKey} key
   */
  async press(key) {
    await this.send('POST', '/actions', {
      actions: [{ type: 'key', id: 'remote', actions: [{ type: 'keyDown', value: key.value }, { type: 'keyUp', value: key.value }] }],
    })
    await this.send('DELETE', '/actions')
  }

  /**
   * From now on, the page's uncaught exceptions, unhandled rejections, console.error calls and
   * Content-Security-Policy violations are kept for `pageErrors`. (WebDriver has no init script: call it right after `navigate`.)
   */
  async collectPageErrors() {
    await this.execute(`
      if (window.__wpeErrors) return;
      var errors = window.__wpeErrors = [];
      window.addEventListener('error', function (e) {
        errors.push({ kind: 'exception', text: String(e.message) + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : '') });
      });
      window.addEventListener('unhandledrejection', function (e) {
        errors.push({ kind: 'rejection', text: String(e.reason && e.reason.stack || e.reason) });
      });
      document.addEventListener('securitypolicyviolation', function (e) {
        errors.push({ kind: 'csp', text: e.violatedDirective + ' refused ' + e.blockedURI });
      });
      var consoleError = console.error;
      console.error = function () {
        errors.push({ kind: 'console.error', text: Array.prototype.map.call(arguments, String).join(' ') });
        return consoleError.apply(console, arguments);
      };`)
  }

  /** @returns {Promise<PageError[]>} */
  pageErrors() {
    return this.execute('return (window.__wpeErrors || []).slice()')
  }

  /**
   * Starts keeping the pixels of an area of the Lightning canvas (in stage pixels of a
   * `stageWidth`-wide stage) as each frame is drawn; `capturedCanvasPng` reads the latest. The
   * canvas cannot simply be read when asked: Lightning's WebGL context keeps no drawing buffer
   * (preserveDrawingBuffer false), so between frames its pixels are gone, and Lightning draws only
   * when something changes — a settled page draws nothing more. So: start capturing before the
   * key press that changes the screen, then read once the snapshot says the screen is there.
   * @param {Area} area
   */
  async captureCanvas(area, stageWidth = 1920) {
    /** @type {string | null} */
    const error = await this.execute(
      `
      var area = arguments[0], stageWidth = arguments[1];
      var canvas = document.querySelector('canvas');
      var gl = canvas && (canvas.getContext('webgl') || canvas.getContext('experimental-webgl'));
      if (!gl) return 'no WebGL canvas on the page';
      var scale = canvas.width / stageWidth;
      var x = Math.round(area.x * scale), y = Math.round(area.y * scale);
      var w = Math.round(area.width * scale), h = Math.round(area.height * scale);
      var capture = window.__wpeCanvas = { frames: 0, width: w, height: h, pixels: null, gl: gl };
      var reading = false;
      gl.drawElements = function () {
        var result = WebGLRenderingContext.prototype.drawElements.apply(this, arguments);
        if (!reading) {
          reading = true;
          // A microtask runs once Lightning's frame callback has returned: the frame is complete
          // and not yet handed to the compositor (which discards it).
          Promise.resolve().then(function () {
            reading = false;
            var pixels = new Uint8Array(w * h * 4);
            gl.readPixels(x, canvas.height - y - h, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
            capture.pixels = pixels;
            capture.frames++;
          });
        }
        return result;
      };
      return null;`,
      area,
      stageWidth,
    )
    if (error) throw new Error(error)
  }

  /**
   * The captured area of the latest frame Lightning drew, as a PNG (see captureCanvas).
   * @returns {Promise<Buffer>}
   */
  async capturedCanvasPng() {
    /** @type {{ error?: string, width: number, height: number, rgba: string }} */
    const result = await this.execute(`
      var capture = window.__wpeCanvas;
      if (!capture) return { error: 'captureCanvas was not started' };
      if (!capture.pixels) return { error: 'Lightning has drawn no frame since captureCanvas' };
      var pixels = capture.pixels, binary = '';
      for (var i = 0; i < pixels.length; i += 0x8000) binary += String.fromCharCode.apply(null, pixels.subarray(i, i + 0x8000));
      return { width: capture.width, height: capture.height, rgba: btoa(binary) };`)
    if (result.error) throw new Error(result.error)
    return rgbaBottomUpToPng(Buffer.from(result.rgba, 'base64'), result.width, result.height)
  }

  async stopCanvasCapture() {
    await this.execute('var capture = window.__wpeCanvas; if (capture) { delete capture.gl.drawElements; window.__wpeCanvas = null; }')
  }

  /** Ends the session (cog closes) and the driver with every process it started. */
  async close() {
    try {
      await command(this.base, 'DELETE', '', undefined, 5000)
    } catch {
      // cog may be gone already; the process group is ended below either way
    }
    await stopProcessGroup(this.driver)
  }
}

/**
 * WebGL rows run bottom-up; PNG rows top-down.
 * @param {Buffer} rgba
 * @param {number} width
 * @param {number} height
 */
function rgbaBottomUpToPng(rgba, width, height) {
  const png = new PNG({ width, height })
  const row = width * 4
  for (let y = 0; y < height; y++) rgba.copy(png.data, y * row, (height - 1 - y) * row, (height - y) * row)
  return PNG.sync.write(png)
}
