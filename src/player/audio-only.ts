/**
 * Audio-only channels (AAC and no video track): no frame is ever presented, so the first-frame
 * wait never ends. Their sound advancing (currentTime moving while not paused) is what "playing"
 * means instead, for the state, time to first frame and the frozen-picture watch alike.
 */

/** The element has its metadata and no picture: the stream has no video track. */
export function hasNoPicture(element: { videoWidth: number; videoHeight: number }): boolean {
  return !(element.videoWidth > 0) && !(element.videoHeight > 0)
}

/** The sound moved on since `lastTime` (-1: nothing seen yet) while not paused. */
export function audioProgressed(lastTime: number, sample: { currentTime: number; paused: boolean }): boolean {
  return !sample.paused && lastTime >= 0 && sample.currentTime > lastTime
}

/** The Live page's still card ("Audio only") shows while an audio-only channel plays or is on its way. */
export function showsAudioOnlyCard(audioOnly: boolean, state: string): boolean {
  return audioOnly && (state === 'loading' || state === 'playing' || state === 'stalled' || state === 'recovering')
}

/**
 * Calls `onProgress` when the sound of `video` moves on while `audioOnly()` says the stream has no
 * picture (its first "frame"); stops by itself once `done()` says so. Returns the stop.
 */
export function watchAudioProgress(video: HTMLVideoElement, audioOnly: () => boolean, onProgress: () => void, done: () => boolean): () => void {
  let lastTime = -1
  const stop = () => video.removeEventListener('timeupdate', onTime)
  function onTime(): void {
    if (audioOnly() && audioProgressed(lastTime, video)) onProgress()
    lastTime = video.currentTime
    if (done()) stop()
  }
  video.addEventListener('timeupdate', onTime)
  return stop
}
