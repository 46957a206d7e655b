// Types for stage-app.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/package/tizen.mjs scripts/package/webos.mjs
export function isLeftOutOfPackages(relativePath: string): boolean;
export function listFiles(dir: string, prefix?: string): string[];
export function stageApp(distDir: string, stageDir: string): string[];
export function bundlesNamedBy(html: string): { module: string; legacy: string };
export function titleOf(html: string): string;
export function buildApp(outDir: string, settingsPath?: string): void;
export const REPO_ROOT: string;
