// @ts-check
/**
 * Who may use /admin/* (the fault knobs and the feed's story/fault endpoints):
 *   - `Host` must name this server: the address or name it is bound to, or, when bound to loopback,
 *     localhost / 127.0.0.1 / [::1]; when bound to every interface (0.0.0.0, ::), one of this
 *     machine's addresses, its hostname or localhost. A DNS-rebinding page (Host: evil.example) is refused.
 *   - a browser request from another origin is refused (`Origin` that is not `http://<Host>`, or
 *     `Sec-Fetch-Site` cross-site / same-site), and admin responses carry no CORS headers, so no
 *     web page can drive the knobs with a "simple" text/plain POST.
 *   - the client must be on loopback, or else send `Authorization: Bearer <token>` where the token
 *     is the server's `adminToken` (DEMO_ADMIN_TOKEN in the environment for `npm start`). Without a
 *     token configured, admin is loopback-only.
 */
import { timingSafeEqual } from 'node:crypto'
import { hostname, networkInterfaces } from 'node:os'

/** @param {string} pathname */
export const isAdminPath = (pathname) => pathname === '/admin' || pathname.startsWith('/admin/')

/**
 * @param {string | undefined} address  a socket's remoteAddress
 * @returns {boolean}
 */
export function isLoopbackAddress(address) {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4.startsWith('127.') || address === '::1'
}

/** @param {string} host  a bound host, as given to listen() */
const isWildcard = (host) => host === '' || host === '0.0.0.0' || host === '::' || host === '[::]'

/** @param {string} name */
const bare = (name) => name.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '')

/**
 * The host names a `Host` header may carry for admin requests.
 * @param {string} boundHost
 * @returns {Set<string>}
 */
export function allowedAdminHosts(boundHost) {
  const names = new Set([bare(boundHost)])
  const loopbackNames = ['localhost', '127.0.0.1', '::1']
  if (isWildcard(boundHost)) {
    for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) names.add(bare(info.address))
    const own = bare(hostname())
    names.add(own)
    names.add(`${own}.local`)
    for (const n of loopbackNames) names.add(n)
  } else if (isLoopbackAddress(bare(boundHost)) || bare(boundHost) === 'localhost') {
    for (const n of loopbackNames) names.add(n)
  }
  return names
}

/**
 * The host name of a `Host` header (port and IPv6 brackets removed), or null if malformed.
 * @param {string | undefined} header
 * @returns {string | null}
 */
function hostNameOf(header) {
  if (!header) return null
  try {
    return bare(new URL(`http://${header}`).hostname)
  } catch {
    return null
  }
}

/**
 * @param {{ host: string, token?: string }} options
 * @returns {(req: import('node:http').IncomingMessage) => { status: number, error: string } | null}
 *   null when the request may go on to the admin routes
 */
export function createAdminGuard({ host, token }) {
  const allowed = allowedAdminHosts(host)
  const expected = token ? Buffer.from(`Bearer ${token}`, 'utf8') : null
  return (req) => {
    const hostHeader = req.headers.host
    const name = hostNameOf(hostHeader)
    if (name === null || !allowed.has(name)) {
      return { status: 403, error: `admin: Host ${JSON.stringify(hostHeader ?? '')} is not this server` }
    }
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${hostHeader}`) {
      return { status: 403, error: 'admin: cross-origin requests are refused' }
    }
    const site = req.headers['sec-fetch-site']
    if (site === 'cross-site' || site === 'same-site') return { status: 403, error: 'admin: cross-origin requests are refused' }
    if (isLoopbackAddress(req.socket.remoteAddress)) return null
    if (!expected) return { status: 403, error: 'admin: only from this machine (start the server with DEMO_ADMIN_TOKEN to allow others)' }
    const given = Buffer.from(String(req.headers.authorization ?? ''), 'utf8')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { status: 401, error: 'admin: send Authorization: Bearer <DEMO_ADMIN_TOKEN>' }
    }
    return null
  }
}
