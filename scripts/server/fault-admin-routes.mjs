// @ts-check
/**
 * /admin/faults: switch the demo stream's faults on and off over HTTP (see FAULTS.md).
 *   GET    -> 200 { faults: [...active, with remainingSeconds], kinds, channels }
 *   POST   {"fault":"segment404","seconds":10,"channel":"news"} -> 201 { added }  (400 { error } if invalid)
 *   DELETE -> 200 { cleared: <count> }
 */
import { FAULT_KINDS, FaultRequestError } from './faults.mjs'
import { readJsonBody, sendJson } from './http-json.mjs'

const MAX_BODY_BYTES = 4096

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {{ faults: import('./faults.mjs').FaultSet, channelIds: string[] }} ctx
 * @returns {Promise<boolean>} false if the URL is not the admin endpoint
 */
export async function handleFaultAdmin(req, res, url, { faults, channelIds }) {
  if (url.pathname !== '/admin/faults' && url.pathname !== '/admin/faults/') return false
  switch (req.method) {
    case 'GET':
      return sendJson(res, 200, { faults: faults.list(), kinds: FAULT_KINDS, channels: channelIds })
    case 'DELETE':
      return sendJson(res, 200, { cleared: faults.clear() })
    case 'POST': {
      try {
        const request = /** @type {any} */ (await readJsonBody(req, MAX_BODY_BYTES, FaultRequestError))
        const channel = request?.channel
        if (channel !== undefined && channel !== null && !channelIds.includes(channel)) {
          throw new FaultRequestError(`unknown channel ${JSON.stringify(channel)}; one of ${channelIds.join(', ')}`)
        }
        return sendJson(res, 201, { added: faults.add(request) })
      } catch (error) {
        const known = error instanceof FaultRequestError
        return sendJson(res, 400, { error: known ? error.message : 'bad request' })
      }
    }
    default:
      res.setHeader('Allow', 'GET, POST, DELETE, OPTIONS')
      return sendJson(res, 405, { error: `method ${req.method} not allowed` })
  }
}
