export type Route = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => boolean | Promise<boolean>
export function demoRoutes(options?: { now?: () => number; newItemEverySeconds?: number }): Route[]
