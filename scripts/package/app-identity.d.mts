// Types for app-identity.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/package/tizen.mjs scripts/package/webos.mjs
export function appIdentity(settings: {
    appSettings?: {
        id?: unknown;
        version?: unknown;
    };
}, { title, vendor, tizenPackageId }: {
    title: string;
    vendor?: string;
    tizenPackageId?: string;
}): AppIdentity;
export function tizenPackageIdFor(appId: string): string;
export function domainOf(appId: string): string;
export function relativeUrlsIn(settings: {
    appSettings?: {
        channels?: Array<{
            url?: unknown;
        }>;
        feed?: {
            url?: unknown;
        };
    };
}): string[];
export type AppIdentity = {
    id: string;
    version: string;
    title: string;
    vendor: string;
    tizenPackageId: string;
    tizenApplicationId: string;
};
