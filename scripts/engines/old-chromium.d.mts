export interface EngineSource {
  pkg: string
  chromium: string
  gl: 'osmesa' | 'swiftshader'
  codecs: boolean
}
export interface OldChromium {
  /** The headless Chromium binary. */
  path: string
  /** Flags to launch it with; add a fresh --user-data-dir and the URL. */
  args: string[]
  major: number
  /** The engine's cache directory. */
  dir: string
  /** The full Chromium version, e.g. "79.0.3945.0". */
  version: string
  /** Whether the build plays H.264/AAC. */
  codecs: boolean
}
export const ENGINE_SOURCES: Record<number, EngineSource>
export const ENGINE_MAJORS: number[]
export const ENGINE_APT_PACKAGES: string[]
export const OSMESA_LIBRARY: string
export function engineCacheRoot(): string
export function engineDir(major: number): string
export function engineArgs(major: number): string[]
export function ensureOldChromium(major: number): Promise<OldChromium>
