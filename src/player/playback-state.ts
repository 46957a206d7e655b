/**
 * The live channel's one state machine. A pure reducer: LiveChannel feeds it what hls.js and the
 * <video> element report, and the UI (buffering spinner, "Reconnecting…" banner) follows the state.
 */
export type PlaybackState = 'idle' | 'loading' | 'playing' | 'stalled' | 'recovering' | 'failed' | 'ended'

export type PlaybackEvent =
  /** A channel is being opened (or re-opened by the recovery policy's full reload). */
  | { type: 'open' }
  /** Frames are being presented (the video element's `playing`, or the first frame; for an audio-only stream, the sound's progress). */
  | { type: 'frames' }
  /** The stream ended (EXT-X-ENDLIST, played to its end): not the viewer's pause. */
  | { type: 'ended' }
  /** The buffer ran dry while playing (the element's `waiting`). */
  | { type: 'bufferEmpty' }
  /** A fatal error for which the recovery policy has an action under way. */
  | { type: 'recovering' }
  /** A fatal error with nothing left to try. */
  | { type: 'failed' }
  /** The channel was closed. */
  | { type: 'close' }

export function nextPlaybackState(state: PlaybackState, event: PlaybackEvent): PlaybackState {
  switch (event.type) {
    case 'open':
      // A reload during recovery stays "recovering" so the banner doesn't flicker to a spinner.
      return state === 'recovering' ? 'recovering' : 'loading'
    case 'frames':
      return state === 'idle' || state === 'failed' ? state : 'playing'
    case 'ended':
      return state === 'idle' || state === 'failed' ? state : 'ended'
    case 'bufferEmpty':
      return state === 'playing' ? 'stalled' : state
    case 'recovering':
      // An ended stream has nothing left to load: an error now is not worth a "Reconnecting…".
      return state === 'idle' || state === 'ended' ? state : 'recovering'
    case 'failed':
      return state === 'idle' ? state : 'failed'
    case 'close':
      return 'idle'
  }
}

/** What is known to be wrong with the channel, beyond its state (shown in the status banner). */
export type PlaybackProblem =
  /** The engine decodes none of the stream's renditions: `family` names the codecs ("HEVC", "H.264/AAC"). */
  | { type: 'format'; family: string }
  /** The playlist answered an HTTP error (404, 403, 5xx); the next try is `retryInSeconds` away (null: now). */
  | { type: 'http'; status: number; retryInSeconds: number | null }

/** What an ended stream (a live event over, a VOD played out) says, on screen and to voice guidance. */
export const ENDED_TEXT = 'This broadcast has ended'
/** Under it, where the remote can change channel (not in kiosk mode, which moves on by itself). */
export const ENDED_HINT = 'Press ▲/▼ for other channels'

/**
 * Why the element paused: at the end of the stream (the element's `ended`, which comes with a
 * `pause`) it is the end of the broadcast, never the viewer's pause.
 */
export function pauseReason(element: { ended: boolean }): 'ended' | 'paused' {
  return element.ended ? 'ended' : 'paused'
}

/** What the viewer sees for each state (the status banner's text; null shows nothing). */
export function playbackStatusText(state: PlaybackState, hasPlayedBefore: boolean, problem: PlaybackProblem | null = null): string | null {
  switch (state) {
    case 'loading':
      return hasPlayedBefore ? 'Tuning…' : 'Waiting for the channel…'
    case 'stalled':
      return 'Buffering…'
    case 'recovering':
      if (problem && problem.type === 'http') return httpProblemText(problem.status, problem.retryInSeconds)
      // Never played yet (e.g. launched with no network): nothing to reconnect to, from the viewer's side.
      return hasPlayedBefore ? 'Reconnecting…' : 'Waiting for the channel…'
    case 'failed':
      if (problem && problem.type === 'format') return `This channel uses a format this TV cannot play (${problem.family})`
      return 'This channel cannot be played right now'
    case 'ended':
      return ENDED_TEXT
    default:
      return null
  }
}

/** "The channel is not answering (HTTP 404). Trying again in 8 s": for a viewer and for whoever set the TV up. */
export function httpProblemText(status: number, retryInSeconds: number | null): string {
  const retry = retryInSeconds === null ? 'Trying again…' : `Trying again in ${retryInSeconds} s`
  return `The channel is not answering (HTTP ${status}). ${retry}`
}
