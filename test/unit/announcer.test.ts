import { describe, it, expect, beforeEach } from 'vitest'
import { JSDOM } from 'jsdom'
import { ManualClock } from '../../src/lib/clock'
import { focusLabel, type LabelledNode } from '../../src/voice/focus-label'
import { Announcer, focusedElementSpeech, pickSpeechEngine, readPlatformVoiceSetting, webSpeech, type SpeechEngine } from '../../src/voice/announcer'

class FakeEngine implements SpeechEngine {
  log: string[] = []
  speak(text: string) {
    this.log.push(`speak ${text}`)
  }
  cancel() {
    this.log.push('cancel')
  }
}

describe('Announcer', () => {
  let clock: ManualClock
  let engine: FakeEngine
  let announcer: Announcer

  beforeEach(() => {
    clock = new ManualClock(0)
    engine = new FakeEngine()
    announcer = new Announcer(engine, clock, { focusDelayMs: 250 })
    announcer.setEnabled(true)
  })

  it('five focus moves within 200 ms speak only the last one, once', () => {
    for (const label of ['Top stories', 'World', 'Business', 'Science', 'Sport']) {
      announcer.announceFocus(label)
      clock.advance(50)
    }
    clock.advance(1000)
    expect(engine.log).toEqual(['speak Sport'])
  })

  it('a new focus cancels the current utterance at once, then speaks its own label', () => {
    announcer.announceFocus('Live')
    clock.advance(250)
    announcer.announceFocus('Browse')
    expect(engine.log).toEqual(['speak Live', 'cancel'])
    clock.advance(250)
    expect(engine.log).toEqual(['speak Live', 'cancel', 'speak Browse'])
  })

  it('speaks the page title before the focused item, as one utterance', () => {
    announcer.announcePage('Settings')
    announcer.announceFocus('Captions: Off')
    clock.advance(250)
    expect(engine.log).toEqual(['speak Settings. Captions: Off'])
    announcer.announcePage('Live')
    clock.advance(250)
    expect(engine.log).toEqual(['speak Settings. Captions: Off', 'cancel', 'speak Live'])
  })

  it('says nothing while off, drops what was pending when switched off, and ignores blank labels', () => {
    announcer.setEnabled(false)
    announcer.announceFocus('Hidden')
    clock.advance(500)
    announcer.setEnabled(true)
    announcer.announceFocus('   ')
    clock.advance(500)
    expect(engine.log).toEqual([])
    announcer.announceFocus('Pending')
    announcer.setEnabled(false)
    clock.advance(500)
    expect(engine.log).toEqual([])
    expect(clock.pendingTimers()).toBe(0)
  })

  it('is a no-op without a speech engine', () => {
    const mute = new Announcer(null, clock)
    mute.setEnabled(true)
    expect(mute.isEnabled).toBe(false)
    mute.announceFocus('Anything')
    expect(clock.pendingTimers()).toBe(0)
  })

  describe('events with no focus move', () => {
    it('speaks an event with no focus move', () => {
      announcer.announceEvent('channel', 'Channel 2, World Desk')
      clock.advance(250)
      expect(engine.log).toEqual(['speak Channel 2, World Desk'])
    })

    it('three quick channel changes speak the last one only; a status in between is kept', () => {
      announcer.announceEvent('channel', 'Channel 2, World Desk')
      clock.advance(100)
      announcer.announceEvent('status', 'Tuning')
      announcer.announceEvent('channel', 'Channel 1, Newsroom 24')
      clock.advance(100)
      announcer.announceEvent('channel', 'Channel 2, World Desk')
      clock.advance(250)
      expect(engine.log).toEqual(['speak Tuning. Channel 2, World Desk'])
    })

    it('a dialog: its question, then its focused button, in one utterance', () => {
      announcer.announceFocus('No')
      announcer.announceEvent('dialog', 'Exit?')
      clock.advance(250)
      expect(engine.log).toEqual(['speak Exit? No'])
    })

    it('page title, then events, then the focused item', () => {
      announcer.announcePage('Live TV')
      announcer.announceEvent('status', 'Reconnecting')
      announcer.announceFocus('Newsroom 24')
      clock.advance(250)
      expect(engine.log).toEqual(['speak Live TV. Reconnecting. Newsroom 24'])
    })

    it('a withdrawn event is not spoken; nothing while off', () => {
      announcer.announceEvent('status', 'Buffering')
      clock.advance(100)
      announcer.withdrawEvent('status')
      clock.advance(500)
      expect(engine.log).toEqual([])
      announcer.setEnabled(false)
      announcer.announceEvent('status', 'Reconnecting')
      clock.advance(500)
      expect(engine.log).toEqual([])
      expect(clock.pendingTimers()).toBe(0)
    })

    it('an event pending when voice is switched off is dropped', () => {
      announcer.announceEvent('channel', 'Channel 2, World Desk')
      announcer.setEnabled(false)
      announcer.setEnabled(true)
      clock.advance(500)
      expect(engine.log).toEqual([])
    })
  })
})

describe('speech engines', () => {
  it('webSpeech speaks an utterance through speechSynthesis, or is absent', () => {
    const spoken: unknown[] = []
    let cancelled = 0
    class Utterance {
      constructor(readonly text: string) {}
    }
    const engine = webSpeech({ speechSynthesis: { speak: (u) => spoken.push(u), cancel: () => cancelled++ }, SpeechSynthesisUtterance: Utterance })!
    engine.speak('Hello')
    engine.cancel()
    expect(spoken).toEqual([new Utterance('Hello')])
    expect(cancelled).toBe(1)
    expect(webSpeech({})).toBeNull()
  })

  it('focusedElementSpeech puts the text in an off-screen element and focuses it for the screen reader', () => {
    const { window } = new JSDOM('<!doctype html><body></body>')
    const engine = focusedElementSpeech(window.document)
    engine.speak('Channel 2, World Desk')
    const element = window.document.activeElement as HTMLElement
    expect(element.textContent).toBe('Channel 2, World Desk')
    expect(element.style.display).not.toBe('none')
    engine.cancel()
    expect(element.textContent).toBe('')
  })

  it('uses the Voice Guide element on a Samsung TV whose Voice Guide is on, Web Speech elsewhere', () => {
    const { window } = new JSDOM('<!doctype html><body></body>')
    const synth = { speak: () => undefined, cancel: () => undefined }
    class Utterance {
      constructor(readonly text: string) {}
    }
    const browser = { document: window.document, speechSynthesis: synth, SpeechSynthesisUtterance: Utterance }
    pickSpeechEngine({ ...browser, tizen: {} }, true)!.speak('Tizen')
    expect(window.document.activeElement!.textContent).toBe('Tizen')
    pickSpeechEngine(browser, null)!.speak('Browser')
    expect(window.document.activeElement!.textContent).toBe('Tizen')
  })
})

describe('readPlatformVoiceSetting', () => {
  const tizen = (value: unknown) => ({
    webapis: { tvinfo: { getMenuValue: () => value, TvInfoMenuKey: { VOICE_GUIDE_KEY: 'VOICE_GUIDE_KEY' }, TvInfoMenuValue: { ON: 1, OFF: 0 } } },
  })

  it("reads webOS audio guidance and Tizen's Voice Guide menu value", () => {
    expect(readPlatformVoiceSetting({ webOSSystem: { accessibility: { audioGuidance: true } } })).toBe(true)
    expect(readPlatformVoiceSetting({ webOSSystem: { accessibility: { audioGuidance: false } } })).toBe(false)
    expect(readPlatformVoiceSetting(tizen(1))).toBe(true)
    expect(readPlatformVoiceSetting(tizen(0))).toBe(false)
  })

  it('is null where nothing can be read, including a platform call that throws', () => {
    expect(readPlatformVoiceSetting({})).toBeNull()
    expect(readPlatformVoiceSetting({ webOSSystem: {} })).toBeNull()
    const throwing = { webapis: { tvinfo: { getMenuValue: () => { throw new Error('privilege') }, TvInfoMenuKey: { VOICE_GUIDE_KEY: 1 } } } }
    const warn = console.warn
    console.warn = () => undefined
    try {
      expect(readPlatformVoiceSetting(throwing)).toBeNull()
    } finally {
      console.warn = warn
    }
  })
})

describe('focusLabel', () => {
  const node = (spec: Partial<LabelledNode> & { kids?: LabelledNode[]; label?: string }): LabelledNode => ({
    visible: true,
    alpha: 1,
    text: spec.label ? { text: spec.label } : null,
    childList: { get: () => spec.kids ?? [] },
    ...spec,
  })

  it("reads the component's own voiceLabel, fixed or computed", () => {
    expect(focusLabel(node({ voiceLabel: 'Captions: On', kids: [node({ label: 'CC' })] }))).toBe('Captions: On')
    let on = false
    const toggle = node({ voiceLabel: () => `Voice guidance: ${on ? 'On' : 'Off'}` })
    on = true
    expect(focusLabel(toggle)).toBe('Voice guidance: On')
  })

  it('otherwise reads the visible texts inside it in order, capped in length', () => {
    const tile = node({ kids: [node({ label: 'Markets rally\non rate hopes' }), node({ label: 'hidden', visible: false }), node({ label: '5 min ago' })] })
    expect(focusLabel(tile)).toBe('Markets rally on rate hopes, 5 min ago')
    expect(focusLabel(node({ label: 'x'.repeat(500) }))).toHaveLength(200)
    expect(focusLabel(node({}))).toBe('')
    expect(focusLabel(node({ kids: [node({ label: 'Crawl speed' }), node({ label: '‹  Normal  ›' }), node({ label: '·' })] }))).toBe('Crawl speed, Normal')
    expect(focusLabel(node({ label: 'NEWSFRONT  ·  370 days ago' }))).toBe('NEWSFRONT, 370 days ago')
  })
})
