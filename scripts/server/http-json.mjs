// @ts-check
/** The demo server's JSON requests and answers (admin routes, the feed's /admin/items). */

/**
 * The request body as JSON, refused past `maxBytes` or when it does not parse.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} maxBytes
 * @param {new (message: string) => Error} RequestError  the route's own "400" error class
 * @returns {Promise<unknown>}
 */
export async function readJsonBody(req, maxBytes, RequestError) {
  let size = 0
  /** @type {Buffer[]} */
  const chunks = []
  for await (const chunk of req) {
    size += chunk.length
    if (size > maxBytes) throw new RequestError(`body over ${maxBytes} bytes`)
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new RequestError('the body is not JSON')
  }
}

/**
 * Answers `value` as JSON, never cached.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [headers]  e.g. the feed's CORS headers (never on admin answers)
 * @returns {true}
 */
export function sendJson(res, status, value, headers = {}) {
  const body = Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8')
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' })
  res.end(body)
  return true
}
