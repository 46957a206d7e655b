/**
 * What voice guidance says for a focused component: its own `voiceLabel` when it has one (a
 * string, or a function for labels that change, e.g. "Captions: On"), otherwise the visible texts
 * inside it, in tree order, as a sighted viewer would read the card.
 */

/** The members of a Lightning element read here. */
export interface LabelledNode {
  voiceLabel?: string | (() => string)
  visible: boolean
  alpha: number
  childList?: { get(): LabelledNode[] } | null
  text?: { text?: string } | null
}

/** Long enough for a headline and its time; a whole article page is not a label. */
const MAX_LABEL_LENGTH = 200
/** Marks drawn for the eye that speech engines would read out by name: the ‹ › round a setting's value go, */
const DECORATIONS = /[‹›«»]/g
/** and a · or • between two facts becomes the pause of a comma. */
const SEPARATORS = /[·•|]/

export function focusLabel(node: LabelledNode): string {
  const own = typeof node.voiceLabel === 'function' ? node.voiceLabel() : node.voiceLabel
  if (typeof own === 'string' && own.trim()) return own.trim()
  const texts: string[] = []
  const visit = (n: LabelledNode) => {
    if (!n.visible || n.alpha <= 0.001) return
    const text = n.text && n.text.text && n.text.text.trim()
    if (text) texts.push(text)
    for (const child of n.childList ? n.childList.get() : []) visit(child)
  }
  visit(node)
  const label = texts
    .reduce<string[]>((parts, text) => parts.concat(text.split(SEPARATORS)), [])
    .map((part) => part.replace(DECORATIONS, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(', ')
  return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1).replace(/\s+$/, '')}…` : label
}
