/**
 * The short attention tone of an urgent alert: the two tones broadcasters' emergency signals use
 * (853 Hz + 960 Hz) for one second, through WebAudio. Nothing where the engine has no WebAudio
 * or refuses to start it (no user gesture yet): the bar and the voice still tell the viewer.
 */
interface ToneWindow {
  AudioContext?: new () => AudioContextLike
  webkitAudioContext?: new () => AudioContextLike
}
interface AudioContextLike {
  currentTime: number
  destination: unknown
  createOscillator(): { frequency: { value: number }; connect(node: unknown): void; start(at: number): void; stop(at: number): void }
  createGain(): { gain: { value: number; setValueAtTime(v: number, t: number): void; linearRampToValueAtTime(v: number, t: number): void }; connect(node: unknown): void }
  close?(): Promise<void>
}

export const TONE_HZ = [853, 960] as const
export const TONE_SECONDS = 1

export function playAlertTone(win: ToneWindow = window as unknown as ToneWindow): boolean {
  const Context = win.AudioContext ?? win.webkitAudioContext
  if (typeof Context !== 'function') return false
  try {
    const ctx = new Context()
    const gain = ctx.createGain()
    const t = ctx.currentTime
    gain.gain.setValueAtTime(0.0001, t)
    gain.gain.linearRampToValueAtTime(0.3, t + 0.05)
    gain.gain.setValueAtTime(0.3, t + TONE_SECONDS - 0.05)
    gain.gain.linearRampToValueAtTime(0.0001, t + TONE_SECONDS)
    gain.connect(ctx.destination)
    for (const hz of TONE_HZ) {
      const osc = ctx.createOscillator()
      osc.frequency.value = hz
      osc.connect(gain)
      osc.start(t)
      osc.stop(t + TONE_SECONDS)
    }
    setTimeout(() => void ctx.close?.().catch(() => {}), (TONE_SECONDS + 0.5) * 1000)
    return true
  } catch {
    return false
  }
}
