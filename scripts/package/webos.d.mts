// Types for webos.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/package/tizen.mjs scripts/package/webos.mjs
export function webosAppInfo(app: import("./app-identity.mjs").AppIdentity): {
    id: string;
    version: string;
    vendor: string;
    type: string;
    main: string;
    title: string;
    icon: string;
    largeIcon: string;
    disableBackHistoryAPI: boolean;
    resolution: string;
    accessibility: {
        supportsAudioGuidance: boolean;
    };
};
export function makeIpk({ distDir, outDir, app }: {
    distDir: string;
    outDir: string;
    app: import("./app-identity.mjs").AppIdentity;
}): string;
