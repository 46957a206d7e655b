import { describe, it, expect, vi, afterEach } from 'vitest'
import Hls from 'hls.js'
import { MemoryStore } from '../../src/lib/key-value-store'
import { ManualClock } from '../../src/lib/clock'
import { sdkStorageBeforeLaunch } from '../../src/lib/sdk-storage-before-launch'
import { LiveChannel, type HlsEngine } from '../../src/player/live-channel'
import {
  AUDIO_PREFERENCE_KEY,
  AudioChoice,
  audioOptions,
  languageCode,
  loadAudioPreference,
  pickAudioTrack,
  type HlsAudioTrack,
} from '../../src/player/audio-tracks'
import { audioRowText, nextAudioOption, ONLY_ONE_AUDIO } from '../../src/settings/audio-menu'
import { audioChoiceSpeech } from '../../src/voice/spoken-events'

/** As hls.js lists test/fixtures/streams/multi-audio/master.m3u8 (ffmpeg's master, edited as packagers do). */
const FIXTURE: HlsAudioTrack[] = [
  { name: 'English', lang: 'eng', default: true },
  { name: 'Español', lang: 'spa', default: false },
  { name: 'English (described)', lang: 'eng', default: false, characteristics: 'public.accessibility.describes-video' },
]

const labels = (tracks: HlsAudioTrack[], display: string) => audioOptions(tracks, display).map((o) => o.label)
const pickIn = (tvLanguage: string | null, preference: Parameters<typeof pickAudioTrack>[2] = null, tracks = FIXTURE) =>
  pickAudioTrack(tracks, audioOptions(tracks, tvLanguage || 'en'), preference, tvLanguage)

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('audio track labels', () => {
  it("name each language in the viewer's language, from LANGUAGE, and mark audio description", () => {
    expect(labels(FIXTURE, 'en-GB')).toEqual(['English', 'Spanish', 'English · Audio description'])
    expect(labels(FIXTURE, 'es-ES')).toEqual(['Inglés', 'Español', 'Inglés · Audio description'])
    const options = audioOptions(FIXTURE, 'en')
    expect(options.map((o) => [o.index, o.language, o.audioDescription])).toEqual([[0, 'en', false], [1, 'es', false], [2, 'en', true]])
  })

  it('use NAME where there is no LANGUAGE, and "Track n" where there is neither', () => {
    expect(labels([{ name: 'Director commentary' }, {}], 'en')).toEqual(['Director commentary', 'Track 2'])
    expect(audioOptions([{ name: 'Original' }], 'en')[0]!.language).toBeNull()
  })

  it("use NAME (then the code) on an engine without Intl.DisplayNames, and don't throw", () => {
    vi.stubGlobal('Intl', { getCanonicalLocales: undefined })
    expect(labels(FIXTURE, 'en')).toEqual(['English', 'Español', 'English (described) · Audio description'])
    expect(labels([{ lang: 'fra' }], 'en')).toEqual(['fra'])
    expect(languageCode('ger')).toBe('de')
    vi.stubGlobal('Intl', undefined)
    expect(labels([{ lang: 'spa', name: 'Castellano' }], 'en')).toEqual(['Castellano'])
  })

  it('tell two tracks of one language apart by NAME', () => {
    expect(labels([{ lang: 'en', name: 'Main' }, { lang: 'en', name: 'Commentary' }], 'en')).toEqual(['English (Main)', 'English (Commentary)'])
  })

  it('a malformed LANGUAGE is not a language', () => {
    expect(audioOptions([{ lang: 'en"; x', name: 'Odd' }], 'en')[0]).toMatchObject({ language: null, label: 'Odd' })
  })
})

describe('which audio track plays', () => {
  it("is the one in the TV's language, not its audio description", () => {
    expect(pickIn('es-ES')).toBe(1)
    expect(pickIn('en-US')).toBe(0)
    expect(pickIn('en', null, [FIXTURE[2]!, FIXTURE[0]!])).toBe(1)
  })

  it("is the playlist's DEFAULT when no track is in the TV's language", () => {
    expect(pickIn('de-DE')).toBe(0)
    expect(pickIn(null)).toBe(0)
    expect(pickIn('fr', null, [FIXTURE[1]!, FIXTURE[0]!])).toBe(1)
  })

  it("is the viewer's remembered choice over the TV's language, audio description included", () => {
    expect(pickIn('en-US', { language: 'es', audioDescription: false })).toBe(1)
    expect(pickIn('es-ES', { language: 'en', audioDescription: true })).toBe(2)
  })

  it("falls back to the chosen language where a channel has no description in it (a description in another language is no use)", () => {
    const spanishDescribed = [FIXTURE[1]!, FIXTURE[0]!, { ...FIXTURE[1]!, characteristics: 'public.accessibility.describes-video' }]
    expect(pickIn('es', { language: 'en', audioDescription: true }, spanishDescribed)).toBe(1)
    // A description whose language is not known still describes: taken for a viewer who wants one.
    const unlabelled = [FIXTURE[0]!, { name: 'Described', characteristics: 'public.accessibility.describes-video' }]
    expect(pickIn('en', { language: null, audioDescription: true }, unlabelled)).toBe(1)
  })

  it('is none when the stream lists none', () => {
    expect(pickIn('en', null, [])).toBe(-1)
  })
})

describe('the remembered audio choice', () => {
  it('survives a restart through the store and then wins', () => {
    const store = new MemoryStore()
    const first = new AudioChoice('en-US')
    first.useStore(store)
    expect(first.pick(FIXTURE)).toBe(0)
    first.choose(first.options(FIXTURE)[1]!)
    const next = new AudioChoice('en-US')
    expect(next.pick(FIXTURE)).toBe(0)
    next.useStore(store)
    expect(next.pick(FIXTURE)).toBe(1)
  })

  it.each([['not json'], ['[1]'], ['{"language":"en"}'], ['{"language":"<b>","audioDescription":true}']])(
    "is ignored with a reason when the store holds %s: the TV's language applies",
    (stored) => {
      const store = new MemoryStore()
      store.set(AUDIO_PREFERENCE_KEY, stored)
      const log: string[] = []
      expect(loadAudioPreference(store, (m) => log.push(m))).toBeNull()
      expect(log).toHaveLength(1)
      const choice = new AudioChoice('es', () => undefined)
      choice.useStore(store)
      expect(choice.pick(FIXTURE)).toBe(1)
    },
  )
})

describe('the Audio row and the Audio key', () => {
  const options = audioOptions(FIXTURE, 'en')

  it('show the track playing, or that there is only one', () => {
    expect(audioRowText(options, 2)).toBe('English · Audio description')
    expect(audioRowText(audioOptions([FIXTURE[0]!], 'en'), 0)).toBe(ONLY_ONE_AUDIO)
    expect(audioRowText([], -1)).toBe(ONLY_ONE_AUDIO)
  })

  it('step through the tracks: Left/Right stop at the ends, OK and the Audio key come round', () => {
    expect(nextAudioOption(options, 0, { direction: 1, wrap: false })!.index).toBe(1)
    expect(nextAudioOption(options, 2, { direction: 1, wrap: false })).toBeNull()
    expect(nextAudioOption(options, 2, { direction: 1, wrap: true })!.index).toBe(0)
    expect(nextAudioOption(options, 0, { direction: -1, wrap: false })).toBeNull()
    expect(nextAudioOption([], -1, { direction: 1, wrap: true })).toBeNull()
  })

  it('say the choice in words', () => {
    expect(audioChoiceSpeech('English · Audio description')).toBe('Audio, English, Audio description')
  })
})

/** The bit of hls.js the audio choice drives: its audio track list and the settable audioTrack. */
class AudioHls {
  handlers = new Map<string, Array<(event: string, data: unknown) => void>>()
  audioTracks: HlsAudioTrack[] = []
  audioTrack = -1
  switches: number[] = []
  levels = []
  currentLevel = -1
  latency = 0
  on(event: string, handler: (event: string, data: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
  }
  emit(event: string, data: unknown) {
    for (const h of this.handlers.get(event) ?? []) h(event, data)
  }
  loadSource() {}
  attachMedia() {}
  stopLoad() {}
  destroy() {}
}

function channelWith(picker: AudioChoice): { channel: LiveChannel; hls: AudioHls } {
  const hls = new AudioHls()
  let current = -1
  Object.defineProperty(hls, 'audioTrack', {
    get: () => current,
    set: (index: number) => { current = index; hls.switches.push(index) },
  })
  const channel = new LiveChannel({
    clock: new ManualClock(0),
    engine: 'hlsjs',
    hlsConfig: {},
    createHls: () => hls as unknown as HlsEngine,
    environment: null,
    probeFetch: null,
    isTypeSupported: null,
    audioPicker: picker,
  })
  const video = Object.assign(new EventTarget(), { play: () => Promise.resolve(), pause() {}, paused: false, muted: false, currentTime: 0, requestVideoFrameCallback: () => 1 })
  void channel.load('http://tv.example/master.m3u8', video as unknown as HTMLVideoElement)
  return { channel, hls }
}

describe('the live channel plays the chosen audio track', () => {
  it("switches hls.js to the TV's language when the stream lists its tracks, and reports them", () => {
    const { channel, hls } = channelWith(new AudioChoice('es-MX'))
    const reports: number[] = []
    channel.events.on('audioTracks', ({ current }) => reports.push(current))
    hls.audioTracks = FIXTURE
    hls.audioTrack = 0
    hls.switches = []
    hls.emit(Hls.Events.AUDIO_TRACKS_UPDATED, { audioTracks: FIXTURE })
    expect(hls.switches).toEqual([1])
    expect(channel.audioTracks()).toEqual({ tracks: FIXTURE, current: 1 })
    expect(reports).toEqual([1])
  })

  it("picks again once the viewer's remembered choice is read, and a channel with one track is left alone", () => {
    const store = new MemoryStore()
    store.set(AUDIO_PREFERENCE_KEY, JSON.stringify({ language: 'en', audioDescription: true }))
    const choice = new AudioChoice('en-US')
    const { channel, hls } = channelWith(choice)
    hls.audioTracks = FIXTURE
    hls.audioTrack = 0
    hls.emit(Hls.Events.AUDIO_TRACKS_UPDATED, { audioTracks: FIXTURE })
    expect(channel.audioTracks().current).toBe(0)
    choice.useStore(store)
    channel.pickAudioTrack()
    expect(channel.audioTracks().current).toBe(2)
    hls.audioTracks = [FIXTURE[1]!]
    hls.audioTrack = 0
    hls.switches = []
    hls.emit(Hls.Events.AUDIO_TRACKS_UPDATED, { audioTracks: [FIXTURE[1]!] })
    expect(hls.switches).toEqual([])
  })
})

describe('the remembered audio choice before the UI (and its SDK Storage) has loaded', () => {
  /** localStorage as the SDK's Storage plugin leaves it: `<platform id>.<key>`, the value JSON-encoded. */
  function sdkSaved(namespace: string, key: string, value: string): Pick<Storage, 'getItem'> {
    const data = new Map([[`${namespace}.${key}`, JSON.stringify(value)]])
    return { getItem: (k: string) => data.get(k) ?? null }
  }

  it('is read from the SDK Storage keys, so it plays from the first fragment', () => {
    const saved = sdkSaved('com.example.livenews', AUDIO_PREFERENCE_KEY, JSON.stringify({ language: 'es', audioDescription: false }))
    const choice = new AudioChoice('en-US')
    choice.useStore(sdkStorageBeforeLaunch('com.example.livenews', saved))
    expect(choice.pick(FIXTURE)).toBe(1)
  })

  it("is nothing (the TV's language) when storage is missing, throws, or holds another app's key", () => {
    const other = sdkSaved('com.other.app', AUDIO_PREFERENCE_KEY, JSON.stringify({ language: 'es', audioDescription: false }))
    const throwing = { getItem: () => { throw new Error('SecurityError') } }
    for (const storage of [null, other, throwing]) {
      const choice = new AudioChoice('en-US')
      choice.useStore(sdkStorageBeforeLaunch('com.example.livenews', storage))
      expect(choice.pick(FIXTURE)).toBe(0)
    }
  })
})
