// Types for caption-segments.mjs, generated from its JSDoc so TypeScript tests can import it. Regenerate after
// changing the JSDoc: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --removeComments --strict --target es2022 --module nodenext --types node --outDir /tmp/decl scripts/server/caption-segments.mjs
export function msToStamp(ms: number): string;
export function parseWebVtt(text: string): Cue[];
export function webVttSegment(cues: Cue[], { startMs, durationMs, pts }: {
    startMs: number;
    durationMs: number;
    pts: number;
}): string;
export function webVttSegments(cues: Cue[], segments: TimedSegment[]): Map<string, string>;
export function subtitleUriOf(videoUri: string): string;
export type Cue = {
    id: string;
    startMs: number;
    endMs: number;
    text: string;
};
export type TimedSegment = {
    uri: string;
    duration: number;
    pts: number;
};

