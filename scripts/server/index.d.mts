// Types for index.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/server/index.mjs
export function startDemoServer({ port, host, distDir, staticDir, routes, now, prerollSeconds, windowSize, adminToken, headersTimeoutMs, requestTimeoutMs, }?: DemoServerOptions): Promise<DemoServer>;
export const DEFAULT_HEADERS_TIMEOUT_MS: 5000;
export const DEFAULT_REQUEST_TIMEOUT_MS: 10000;
export type Route = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, url: URL) => boolean | Promise<boolean>;
export type DemoServerOptions = {
    port?: number | undefined;
    host?: string | undefined;
    distDir?: string | undefined;
    staticDir?: string | undefined;
    routes?: Route[] | undefined;
    now?: (() => number) | undefined;
    prerollSeconds?: number | undefined;
    windowSize?: number | undefined;
    adminToken?: string | undefined;
    headersTimeoutMs?: number | undefined;
    requestTimeoutMs?: number | undefined;
};
export type DemoServer = {
    url: string;
    origin: string;
    port: number;
    close: () => Promise<void>;
    faults: import("./faults.mjs").FaultSet;
    channels: Array<{
        id: string;
        name: string;
        number: number;
        url: string;
    }>;
};
