// Types for live-window.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/server/index.mjs
export function parseVodPlaylist(text: string): LoopSegment[];
export function liveWindow({ segments, epochMs, nowMs, windowSize }: LiveWindowInput): LiveWindow;
export function renderLivePlaylist(window: LiveWindow, uriOf?: (segment: WindowSegment) => string): string;
export function liveMediaPlaylist(input: LiveWindowInput): string;
export function masterPlaylist(variants: Variant[], subtitles?: SubtitleRendition | null): string;
export const DEFAULT_WINDOW_SIZE: 6;
export type LoopSegment = {
    uri: string;
    duration: number;
};
export type WindowSegment = {
    sequence: number;
    pass: number;
    segment: LoopSegment;
    startMs: number;
    durationMs: number;
    discontinuity: boolean;
};
export type LiveWindow = {
    mediaSequence: number;
    discontinuitySequence: number;
    targetDuration: number;
    segments: WindowSegment[];
};
export type LiveWindowInput = {
    segments: LoopSegment[];
    epochMs: number;
    nowMs: number;
    windowSize?: number;
};
export type Variant = {
    uri: string;
    bandwidth: number;
    averageBandwidth?: number;
    width: number;
    height: number;
    codecs: string;
    frameRate?: number;
};
export type SubtitleRendition = {
    groupId: string;
    name: string;
    language: string;
    uri: string;
};
