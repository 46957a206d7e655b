/**
 * Where focus was on the Browse page: which rail, and which tile in each rail. It survives leaving
 * the page and coming back, and a feed update that rebuilds the rails: a remembered story is found
 * again by its id wherever it moved to; a story that left the feed leaves focus at the same place.
 */

export interface FocusableRail {
  id: string
  articles: ReadonlyArray<{ id: string }>
}

interface Spot {
  /** What was focused: a rail id, or an article id within a rail. */
  id: string
  /** Where it was, for when that id is gone. */
  index: number
}

function place(spot: Spot | undefined, ids: string[]): number {
  if (ids.length === 0) return -1
  if (!spot) return 0
  const found = ids.indexOf(spot.id)
  return found >= 0 ? found : Math.min(spot.index, ids.length - 1)
}

export class RailFocusMemory {
  private rail: Spot | undefined
  private readonly tiles = new Map<string, Spot>()

  /** The rail to focus among `rails`: the last one focused, else the first; -1 when there are none. */
  railIndex(rails: readonly FocusableRail[]): number {
    return place(this.rail, rails.map((r) => r.id))
  }

  /** The tile to focus in `rail`: the one focused last time in this rail, else the first. */
  tileIndex(rail: FocusableRail): number {
    return place(this.tiles.get(rail.id), rail.articles.map((a) => a.id))
  }

  /** Records that tile `tileIndex` of rail `railIndex` has the focus. */
  remember(rails: readonly FocusableRail[], railIndex: number, tileIndex: number): void {
    const rail = rails[railIndex]
    const article = rail && rail.articles[tileIndex]
    if (!rail || !article) return
    this.rail = { id: rail.id, index: railIndex }
    this.tiles.set(rail.id, { id: article.id, index: tileIndex })
  }
}
