/**
 * Runs parse steps (parse-feed.ts) on the page a slice at a time: steps run until the slice has
 * taken `sliceMs`, then the rest waits for a later task, so the frame loop (the crawl, the
 * picture) runs in between. For engines where the feed worker cannot run (docs/feed.md).
 */
export interface SliceOptions {
  /** Longest run of steps in one task, ms (default 8: half a frame at 60 fps). */
  sliceMs?: number
  now?: () => number
  /** Runs `next` in a later task (default setTimeout 0). */
  later?: (next: () => void) => void
  /** Stops the work between slices (the poller's timeout aborts). */
  signal?: AbortSignal | null
}

const defaultNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())

export function runInSlices<T>(steps: Generator<void, T, void>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 8
  const now = options.now ?? defaultNow
  const later = options.later ?? ((next: () => void) => void setTimeout(next, 0))
  return new Promise<T>((resolve, reject) => {
    const slice = () => {
      if (options.signal?.aborted) {
        reject(new Error('the feed parse was stopped'))
        return
      }
      const end = now() + sliceMs
      try {
        for (;;) {
          const step = steps.next()
          if (step.done) {
            resolve(step.value)
            return
          }
          if (now() >= end) break
        }
      } catch (error) {
        reject(error)
        return
      }
      later(slice)
    }
    slice()
  })
}
