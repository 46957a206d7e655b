// @ts-check
/**
 * index.html's Content-Security-Policy, as a <meta http-equiv> (a TV package opened from file://
 * has no server to send a header). The build fills it in last, once the legacy build has written the
 * legacy bundle's name into the inline bundle loader: the loader and the inline <style> are allowed
 * by the sha256 of their final text, so nothing on the page needs 'unsafe-inline'.
 *
 * Hashes in a policy are CSP level 2: Chromium 40+ and every WPE WebKit the app supports. A meta
 * policy cannot carry frame-ancestors, report-uri or sandbox (browsers ignore them there): a host
 * that wants them sends its own header, which then applies on top of this one (both must allow a
 * load), so it must allow at least what this one does.
 */
import { createHash } from 'node:crypto'

export const CSP_PLACEHOLDER = '__CONTENT_SECURITY_POLICY__'

/** @param {string} text @returns {string} a CSP hash source for an inline element with exactly this text */
export function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** The text of each inline `<script>` (without src) and `<style>` in `html`, as the parser sees it. @param {string} html */
export function inlineTexts(html) {
  return {
    scripts: [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? ''),
    styles: [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? ''),
  }
}

/**
 * The policy for a page with these inline scripts and styles.
 * @param {{ scripts: string[], styles: string[] }} inline
 */
export function contentSecurityPolicy({ scripts, styles }) {
  return [
    "default-src 'none'",
    // The bundles, the UI chunk and its modulepreload come from the app's own folder. 'unsafe-eval':
    // Lightning core builds its property getters with new Function (and the loader's import()
    // feature test is a new Function too).
    `script-src 'self' 'unsafe-eval' ${scripts.map(sha256Source).join(' ')}`,
    // hls.js's transmuxer worker (./hls.worker.js) and Lightning's image worker (a blob: URL).
    // child-src: engines before worker-src (Chromium < 59, older WebKit) govern workers by it.
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    // Streams, feeds and the QoE beacon are any http(s) URL: settings.json names them per build, but
    // ?stream= and ?feed= name others at run time and a playlist names its own segment hosts (CDNs),
    // so no list of origins known at build time would do.
    "connect-src 'self' https: http:",
    // MSE plays from blob: URLs; engines with native HLS play the playlist URL itself.
    "media-src 'self' blob: https: http:",
    // Feed images from any host; data:/blob: for decoded and generated images.
    "img-src 'self' data: blob: https: http:",
    `style-src ${styles.map(sha256Source).join(' ')}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * `html` with its CSP placeholder replaced by the policy for its final inline scripts and styles.
 * @param {string} html
 */
export function withContentSecurityPolicy(html) {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} to fill in`)
  return html.replace(CSP_PLACEHOLDER, contentSecurityPolicy(inlineTexts(html)))
}

/**
 * `html` (a built page some tool rewrote, e.g. with an inline script of its own) with its meta
 * policy recomputed for its inline scripts and styles as they now are.
 * @param {string} html
 */
export function rehashContentSecurityPolicy(html) {
  const meta = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/
  if (!meta.test(html)) throw new Error('the page has no Content-Security-Policy meta tag')
  return html.replace(meta, (_all, open, close) => open + contentSecurityPolicy(inlineTexts(html)) + close)
}

/**
 * Checks that `html`'s meta policy allows exactly its inline scripts and styles by hash, and no
 * 'unsafe-inline'. Throws with the reason otherwise.
 * @param {string} html
 */
export function checkContentSecurityPolicy(html) {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)
  if (!meta) throw new Error('index.html has no Content-Security-Policy meta tag')
  const policy = meta[1] ?? ''
  if (policy.includes('unsafe-inline')) throw new Error(`the policy allows 'unsafe-inline': ${policy}`)
  const expected = contentSecurityPolicy(inlineTexts(html))
  if (policy !== expected) throw new Error(`index.html's policy does not match its inline scripts and styles:\n  found    ${policy}\n  expected ${expected}`)
  return policy
}
