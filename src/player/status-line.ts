/**
 * What the status banner says about the live channel (docs/architecture.md, "Player → where to
 * change"): a pure decision over what LiveChannel reports. The viewer's pause and the sound prompt
 * come first while the picture plays; otherwise the state's text (playback-state.ts
 * playbackStatusText); under an ended broadcast, where to go next. The App only shows it.
 */
import { ENDED_HINT, playbackStatusText, type PlaybackProblem, type PlaybackState } from './playback-state'

export const PAUSED_TEXT = 'Paused · Play to resume · OK to go live'
export const SOUND_BLOCKED_TEXT = 'Press OK for sound'
/** Playing a programme from its start (the Guide's "Watch from start"), behind live until OK or Play. */
export const FROM_START_TEXT = 'From start · Go live: OK/▶'
/** Playing on from where the viewer paused, behind live until OK or Play. */
export const BEHIND_LIVE_TEXT = 'Behind live · Go live: OK/▶'
/** Under an ended broadcast in a locked kiosk, which moves on by itself (kiosk/ended-move-on.ts). */
export const KIOSK_ENDED_HINT = 'The next channel follows in a moment'

/** What the status line reads from the channel (a LiveChannel has all of it). */
export interface ChannelStatus {
  state: PlaybackState
  /** The viewer paused live. */
  paused: boolean
  /** The browser refused sound: playing muted until OK. */
  soundBlocked: boolean
  timeToFirstFrameMs: number | null
  problem: PlaybackProblem | null
  /** "Watch from start" sought to this program date-time (ms); null or absent: at live. */
  watchingFrom?: number | null
  /** Play after a pause resumed behind live; absent: no. */
  resumedBehindLive?: boolean
}

/** The banner's text (null: nothing shown) and the hint under it (null: none). */
export interface StatusLine {
  text: string | null
  hint: string | null
}

/** @param kioskLocked a locked kiosk is showing (nobody changes channel: it moves on by itself) */
export function statusLine(channel: ChannelStatus, kioskLocked: boolean): StatusLine {
  const playing = channel.state === 'playing'
  const text =
    playing && channel.paused
      ? PAUSED_TEXT
      : playing && channel.soundBlocked
        ? SOUND_BLOCKED_TEXT
        : playing && channel.watchingFrom != null
          ? FROM_START_TEXT
          : playing && channel.resumedBehindLive
            ? BEHIND_LIVE_TEXT
            : playbackStatusText(channel.state, channel.timeToFirstFrameMs !== null, channel.problem)
  const hint = channel.state === 'ended' ? (kioskLocked ? KIOSK_ENDED_HINT : ENDED_HINT) : null
  return { text, hint }
}
