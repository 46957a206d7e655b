// @ts-check
/**
 * Serves files from a folder, and refuses any path that would leave it, by `..` or by a symlink
 * that points out of it. Caching: a file with a content hash in its name (`app-ya21tvOz.js`,
 * `launch-ui-Bo_8lhWl.js`, their maps) is immutable for a year when the caller says the folder has
 * such names (the built app); HTML, playlists and JSON are `no-cache`.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/** @type {Record<string, string>} */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.vtt': 'text/vtt; charset=utf-8',
  '.mp4': 'video/mp4',
}

/**
 * @param {string} filePath
 * @returns {string}
 */
export function mimeTypeOf(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * True if a raw request path has a `..` segment, plainly or percent-encoded (`%2e%2e`, `..%2f`,
 * `..%5c`). Checked on the raw path, because URL parsing would quietly resolve it away.
 * @param {string} rawPath
 * @returns {boolean}
 */
export function hasDotDotSegment(rawPath) {
  let decoded
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return true
  }
  return decoded.split(/[/\\]/).includes('..')
}

/**
 * The file under `rootDir` that a URL path names, or null if the path is malformed or would
 * escape `rootDir` (`..`, encoded `%2e%2e%2f`, backslashes, NUL bytes).
 * @param {string} rootDir
 * @param {string} urlPath  the path part of the URL, still percent-encoded
 * @returns {string | null}
 */
export function resolveInside(rootDir, urlPath) {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || hasDotDotSegment(urlPath)) return null
  const root = path.resolve(rootDir)
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  // normalize('/' + …) already clamps '..' at the root; the check below guards the guard.
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null
  return resolved
}

/**
 * True for a bundle name with rollup's content hash: `<name>-<8+ base64url chars>.js` (or `.js.map`,
 * `.css`), the hash holding a digit, an upper-case letter, `_` or `-` so that a plain word
 * (`demo-channels.js`) is not taken for one.
 * @param {string} fileName
 * @returns {boolean}
 */
export function isHashedBundleName(fileName) {
  const match = /^[\w.-]+?-([A-Za-z0-9_-]{8,})\.(?:js|css)(?:\.map)?$/.exec(fileName)
  return !!match && /[0-9A-Z_-]/.test(/** @type {string} */ (match[1]))
}

export const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Answers with the file `urlPath` names under `rootDir` (index.html for a folder).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} rootDir
 * @param {string} urlPath
 * @param {{ hashedNames?: boolean }} [options]  hashedNames: hashed bundle names are immutable
 * @returns {Promise<boolean>} false if there is no such file (the caller answers 404)
 */
export async function serveStaticFile(req, res, rootDir, urlPath, { hashedNames = false } = {}) {
  let filePath = resolveInside(rootDir, urlPath)
  if (filePath === null) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden\n')
    return true
  }
  let info = await stat(filePath).catch(() => null)
  if (info?.isDirectory()) {
    filePath = path.join(filePath, 'index.html')
    info = await stat(filePath).catch(() => null)
  }
  if (!info?.isFile()) return false
  // A symlink (of the file or a folder on the way) may point anywhere: what it resolves to must still be inside.
  const [realRoot, realFile] = await Promise.all([realpath(path.resolve(rootDir)).catch(() => null), realpath(filePath).catch(() => null)])
  if (!realRoot || !realFile || !realFile.startsWith(realRoot + path.sep)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden\n')
    return true
  }
  /** @type {Record<string, string | number>} */
  const headers = { 'Content-Type': mimeTypeOf(filePath), 'Content-Length': info.size }
  if (/\.(html|m3u8|json)$/.test(filePath)) headers['Cache-Control'] = 'no-cache'
  else if (hashedNames && isHashedBundleName(path.basename(filePath))) headers['Cache-Control'] = IMMUTABLE
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return true
  }
  await new Promise((resolve) => {
    const stream = createReadStream(realFile)
    stream.on('error', () => res.destroy())
    res.on('close', () => {
      stream.destroy()
      resolve(undefined)
    })
    stream.pipe(res)
  })
  return true
}
