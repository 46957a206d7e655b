/**
 * The one focus look of the app's cards (tiles, settings rows): a thick ring in the theme's focus
 * colour (yellow on near-black, far above 3:1) and a lighter card, so focus reads from the sofa
 * by shape as well as colour.
 */
import type { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

const RING = 6
const CARD = 0xff1c2633
const CARD_FOCUSED = 0xff2c3a4d

type Template = Lightning.Component.Template<Lightning.Component.TemplateSpecLoose>

/** `Ring` and `Card` children for a w x h card; put them first so they sit behind its content. */
export function focusRingTemplate(w: number, h: number): Record<'Ring' | 'Card', Template> {
  return {
    Ring: { x: -RING, y: -RING, w: w + 2 * RING, h: h + 2 * RING, rect: true, color: theme.color.focus, visible: false },
    Card: { rect: true, w, h, color: CARD },
  }
}

export function showFocus(card: Lightning.Component, focused: boolean): void {
  card.patch({ Ring: { visible: focused }, Card: { color: focused ? CARD_FOCUSED : CARD } } as Template)
}
