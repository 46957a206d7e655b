/**
 * A titled row of story tiles that scrolls sideways to keep its focused tile in view. The page
 * decides which tile has the focus (it keeps the focus memory); the rail shows it.
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { Tile, TILE_W, TILE_H, type TileStory } from './Tile'

const GAP = 24
const STEP = TILE_W + GAP
const TITLE_H = 50
/**
 * Room for the focus ring, which the clipping viewport must not cut. Only on the left: the last
 * fully shown tile ends well inside the right edge, and a peeking next tile must stop at the
 * title-safe line.
 */
const RING_ROOM = 8
const VIEW_W = 1920 - 2 * theme.safe.x
const FULLY_VISIBLE = Math.floor((VIEW_W + GAP) / STEP)

export const RAIL_H = TITLE_H + TILE_H + 2 * RING_ROOM

export interface RailContent {
  title: string
  stories: TileStory[]
}

export class Rail extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      h: RAIL_H,
      Title: {
        text: { text: '', fontFace: theme.font.face, fontSize: theme.font.body, fontStyle: 'bold', wordWrap: false, textColor: theme.color.text },
      },
      Viewport: {
        x: -RING_ROOM,
        y: TITLE_H - RING_ROOM,
        w: VIEW_W + RING_ROOM,
        h: TILE_H + 2 * RING_ROOM,
        clipping: true,
        Items: { x: RING_ROOM, y: RING_ROOM },
      },
    }
  }

  private focusIndex = 0

  set content(content: RailContent) {
    this.tag('Title').text.text = content.title
    this.tag('Items').children = content.stories.map((story, i) => ({ type: Tile, ref: `Tile-${i}`, x: i * STEP, story }))
  }

  get focusedTile(): number {
    return this.focusIndex
  }

  get tileCount(): number {
    return this.tag('Items').children.length
  }

  /**
   * Makes tile `index` the rail's focused tile (the page checks the bounds, and refocuses) and
   * scrolls it into view with one tile of context on its left.
   */
  focusTile(index: number, animate = true): void {
    this.focusIndex = index
    const firstShown = Math.max(0, Math.min(index - 1, this.tileCount - FULLY_VISIBLE))
    this.tag('Items').setSmooth('x', RING_ROOM - firstShown * STEP, { duration: animate ? 0.2 : 0 })
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Items').children[this.focusIndex] as Lightning.Component | undefined
  }
}
