// Types for index.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/server/index.mjs
export function startDemoServer({ port, host, distDir, staticDir, routes, now, prerollSeconds, windowSize, }?: DemoServerOptions): Promise<DemoServer>;
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
