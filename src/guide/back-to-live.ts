/**
 * Leaving the Guide for Live (OK on a programme): the Router's history as it was when Live was
 * left, so that one step back lands on Live and Back there asks "Exit?" as usual, whether the Guide
 * was opened from Live or from Browse (Live → Browse → Guide). Null: Live is not in the history
 * (the Guide opened from a link): navigate there instead.
 */
export function historyUpToLive<E extends { hash: string }>(history: readonly E[]): E[] | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.hash.replace(/^\//, '') === 'live') return history.slice(0, i + 1)
  return null
}
