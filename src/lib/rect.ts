/** A rectangle on the 1920×1080 stage: top-left corner, width and height, in stage pixels. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}
