/**
 * Entry of the legacy bundle (one classic ES5 script for Chromium 53–60, i.e. webOS 4 / Tizen 4).
 * Babel adds the core-js polyfills the code uses; this adds what core-js does not cover:
 * AbortController (Chromium 66), patched into fetch so an aborted feed request settles at once.
 * fetch itself is native from Chromium 42, so no fetch polyfill is shipped.
 */
import 'abortcontroller-polyfill/dist/polyfill-patch-fetch'
import './index'
