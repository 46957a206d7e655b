// @ts-check
/** The demo server's extra routes beyond the live channels: filled in as the demo feed lands. */
export function demoRoutes() {
  return []
}
