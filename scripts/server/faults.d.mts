// Types for faults.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/server/index.mjs
export function createFaultSet({ now }?: {
    now?: () => number;
}): FaultSet;
export function parseFaultRequest(request: unknown): {
    fault: FaultKind;
    channel: string | null;
    seconds: number;
    bytesPerSecond?: number;
};
export const FAULT_KINDS: readonly FaultKind[];
export const DEFAULT_FAULT_SECONDS: 10;
export const MAX_FAULT_SECONDS: 3600;
export const DEFAULT_SLOW_BYTES_PER_SECOND: 20000;
export class FaultRequestError extends Error {
}
export type FaultKind = "segment404" | "playlist500" | "stall" | "slow" | "corrupt" | "sequenceReset" | "drop";
export type FaultRequest = {
    fault: string;
    seconds?: number | undefined;
    channel?: string | undefined;
    bytesPerSecond?: number | undefined;
};
export type ActiveFault = {
    id: number;
    fault: FaultKind;
    channel: string | null;
    seconds: number;
    startedAt: number;
    endsAt: number;
    bytesPerSecond?: number | undefined;
};
export type FaultSet = {
    add: (request: unknown) => ActiveFault;
    find: (kind: FaultKind, channel: string) => ActiveFault | undefined;
    list: () => Array<ActiveFault & {
        remainingSeconds: number;
    }>;
    clear: () => number;
    lastResetAt: (channel: string) => number | undefined;
    now: () => number;
};
