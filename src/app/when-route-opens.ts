/**
 * Runs work once a route has opened: the deep link's story opens after Live (the root), so Live is
 * in the history and Back from the story leads there. Fed by the Router's afterEachRoute hook
 * (app/routes.ts); work asked for after the route has opened runs at the next turn of the event
 * loop, once the Router has finished that navigation.
 */
export class WhenRouteOpens {
  private opened = false
  private waiting: Array<() => void> = []

  constructor(
    private readonly path: string,
    private readonly later: (run: () => void) => void = (run) => setTimeout(run, 0),
  ) {}

  /** The Router resolved a navigation to `path`. */
  routeOpened(path: string): void {
    if (path !== this.path || this.opened) return
    this.opened = true
    const waiting = this.waiting
    this.waiting = []
    for (const run of waiting) this.later(run)
  }

  /** Runs `work` once the route has opened (at once, if it has). */
  then(work: () => void): void {
    if (this.opened) this.later(work)
    else this.waiting.push(work)
  }
}
