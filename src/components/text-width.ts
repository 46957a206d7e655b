/**
 * Text widths as Lightning's text renderer will see them: the same 2D-canvas metrics with the
 * same font string (`<style> <size>px <face>`), so text wrapped by us is not wrapped again.
 */
import { theme } from '../app/theme'
import type { MeasureText } from '../browse/text-pages'

let context: CanvasRenderingContext2D | null | undefined

/** A measure for `fontSize` px text in the theme's face; rough (0.55 em a character) without a canvas. */
export function textWidthAt(fontSize: number, fontStyle = 'normal'): MeasureText {
  if (context === undefined) context = document.createElement('canvas').getContext('2d')
  const ctx = context
  if (!ctx) return (text) => text.length * fontSize * 0.55
  const font = `${fontStyle} ${fontSize}px ${theme.font.face}`
  return (text) => {
    ctx.font = font
    return ctx.measureText(text).width
  }
}
