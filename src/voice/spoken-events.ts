/**
 * What voice guidance says when something changes without the focus moving: a channel change
 * ("Channel 2, World Desk"), a status banner ("Reconnecting"), a dialog ("Exit?"). Plain
 * functions and one small tracker; the components only pass on what they show.
 */

/** A channel change as the Live page shows it in the channel banner. */
export type ChannelChange = { number: number; name: string } | { unknownNumber: number }

export function channelChangeSpeech(change: ChannelChange): string {
  if ('unknownNumber' in change) return `Channel ${change.unknownNumber}, no such channel`
  const name = change.name.trim()
  return name ? `Channel ${change.number}, ${name}` : `Channel ${change.number}`
}

/**
 * A text drawn for the eye, in words for the ear: "Reconnecting…" → "Reconnecting",
 * "Paused · Play to resume" → "Paused, Play to resume".
 */
export function speakable(text: string): string {
  return text
    .replace(/…|\.{3}/g, '')
    .split(/[·•|]/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(', ')
}

/** What to do with voice guidance when the status banner changes. */
export type StatusSpeech = { say: string } | { withdraw: true } | null

/**
 * The status banner, for the ear: a banner is spoken when it appears or its text changes; the
 * same text shown again while it is up says nothing; when it goes away, anything about it not yet
 * spoken is withdrawn (a "Buffering…" that lasted a moment is not read out after the picture is
 * back), and the next banner, even with the same text, is new again.
 */
export class StatusAnnouncements {
  private showing: string | null = null

  next(text: string | null): StatusSpeech {
    const spoken = text === null ? '' : speakable(text)
    if (spoken === '') {
      if (this.showing === null) return null
      this.showing = null
      return { withdraw: true }
    }
    if (spoken === this.showing) return null
    this.showing = spoken
    return { say: spoken }
  }
}

/** The Audio key chose another audio rendition: "Audio, Spanish" / "Audio, English, Audio description". */
export function audioChoiceSpeech(label: string): string {
  return speakable(`Audio · ${label}`)
}
