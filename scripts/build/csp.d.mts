/** Types for csp.mjs (the tests import it; tsconfig has no allowJs). */
export const CSP_PLACEHOLDER: string
export function sha256Source(text: string): string
export function inlineTexts(html: string): { scripts: string[]; styles: string[] }
export function contentSecurityPolicy(inline: { scripts: string[]; styles: string[] }): string
export function withContentSecurityPolicy(html: string): string
export function checkContentSecurityPolicy(html: string): string
export function rehashContentSecurityPolicy(html: string): string
