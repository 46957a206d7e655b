// Types for tizen.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/package/tizen.mjs scripts/package/webos.mjs
export function tizenConfigXml(app: import("./app-identity.mjs").AppIdentity): string;
export function makeWgt({ distDir, outDir, app }: {
    distDir: string;
    outDir: string;
    app: import("./app-identity.mjs").AppIdentity;
}): string;
