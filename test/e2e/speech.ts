/** What the app would say through speechSynthesis, recorded in order instead of spoken. */
import type { Page } from 'playwright-core'

/** Installs the recorder before the page's scripts run (call before goto). */
export async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __spoken: string[] }
    w.__spoken = []
    const synth = window.speechSynthesis
    if (synth) {
      synth.speak = (u: SpeechSynthesisUtterance) => { w.__spoken.push(u.text) }
      synth.cancel = () => undefined
    }
  })
}

/** Everything said so far. */
export function spokenSoFar(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.slice())
}

/** Forgets what was said so far: the next read starts from here. */
export async function forgetSpeech(page: Page): Promise<void> {
  await page.evaluate(() => { (window as unknown as { __spoken: string[] }).__spoken.length = 0 })
}
