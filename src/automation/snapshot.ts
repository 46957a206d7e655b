/**
 * `window.automation.snapshot()`: plain JSON read from the live Lightning tree and the player, for
 * tests, benchmarks and QA tools. Nothing here keeps a model of its own.
 */
import type { LiveChannel } from '../player/live-channel'
import type { AudioOption, HlsAudioTrack } from '../player/audio-tracks'
import type { PlaybackFigures } from '../player/playback-figures'
import type { SnapshotProgramme } from '../schedule/programme-lines'
import type { SnapshotOnAir } from '../onair/on-air'
import type { SnapshotGuide } from '../guide/guide-labels'
import type { Timeshift } from '../player/live-channel'

/** The player as the snapshot reports it: LiveChannel's figures (position, height, bitrate, latency) and more. */
export interface SnapshotPlayer extends PlaybackFigures {
  state: string
  channelId: string | null
  /** The stream's alternate audio renditions as the viewer is offered them ([] for one). */
  audioTracks: AudioOption[]
  /** The `index` of the one playing, or null. */
  audioTrack: number | null
  /** Where the playhead is against the live edge ("Watch from start" plays behind it). */
  timeshift: Timeshift
}

export interface Snapshot {
  route: string
  focusPath: string[]
  focused: { ref: string; text: string | null }
  player: SnapshotPlayer
  ticker: { visible: boolean; items: string[] }
  texts: string[]
  qr: { url: string } | null
  /** Now and next on the tuned channel, on Live and in the Guide (src/schedule/programme-lines.ts); null elsewhere or without a schedule. */
  programme: SnapshotProgramme | null
  /** In the Guide: the focused programme and what OK does there (src/guide/guide-labels.ts); null elsewhere. */
  guide: SnapshotGuide | null
  /** Emergency alerts in force for the viewer's area (src/alerts/), most severe first. */
  alerts: SnapshotAlert[]
  /** The breaking story on the bar (src/crawl/breaking-news.ts), or null. */
  breaking: { id: string; headline: string } | null
  /** The playhead is in an ad break the stream marks (src/player/ad-break-watch.ts); false on native HLS. */
  adBreak: boolean
  /** The story on air (the On-air chip on Live, src/onair/): its article, headline and what its QR encodes; null: none. */
  onAir: SnapshotOnAir | null
}

export interface SnapshotAlert {
  id: string
  event: string
  severity: string
  headline: string
  area: string
}

/** The few members of a Lightning element the snapshot reads. */
export interface TreeNode {
  ref?: string
  visible: boolean
  alpha: number
  attached: boolean
  childList?: { get(): TreeNode[] } | null
  text?: { text?: string } | null
  core: { getCornerPoints(): number[]; _worldContext: { alpha: number } }
  constructor: { name: string }
  /** Set by the QR element: the URL it encodes. */
  qrUrl?: string
}

export interface SnapshotSources {
  root: TreeNode
  focusPath: TreeNode[]
  route: string
  live: LiveChannel
  channelId: string | null
  /** Labels the audio renditions (the app's AudioChoice). */
  audio: { options(tracks: ReadonlyArray<HlsAudioTrack>): AudioOption[] }
  stage: { w: number; h: number; precision: number }
  /** Now/next on the tuned channel; absent: none. */
  programme?: () => SnapshotProgramme | null
  /** The Guide's focused programme; absent: none. */
  guide?: () => SnapshotGuide | null
  /** The alerts in force (AlertService.current); none when no alert source is configured. */
  alerts?: () => readonly SnapshotAlert[]
  /** The breaking story on the bar; absent: none. */
  breaking?: () => { id: string; headline: string } | null
  /** Is the playhead in an ad break (AdBreakWatch.adBreak); absent: never. */
  adBreak?: () => boolean
  /** The story on air (OnAirService.snapshot); absent: none. */
  onAir?: () => SnapshotOnAir | null
}

interface Placed {
  node: TreeNode
  x: number
  y: number
}

function onScreen(node: TreeNode, stage: SnapshotSources['stage']): Placed | null {
  const c = node.core.getCornerPoints()
  const xs = [c[0]!, c[2]!, c[4]!, c[6]!].map((v) => v / stage.precision)
  const ys = [c[1]!, c[3]!, c[5]!, c[7]!].map((v) => v / stage.precision)
  const left = Math.min(...xs)
  const right = Math.max(...xs)
  const top = Math.min(...ys)
  const bottom = Math.max(...ys)
  if (right <= left || bottom <= top) return null
  if (right <= 0 || bottom <= 0 || left >= stage.w || top >= stage.h) return null
  return { node, x: left, y: top }
}

/** Every rendered text on screen, in tree order, with where it sits. */
function isShown(node: TreeNode): boolean {
  return node.visible && node.attached && node.alpha > 0.001 && node.core._worldContext.alpha > 0.001
}

function visibleTexts(root: TreeNode, stage: SnapshotSources['stage'], out: Placed[] = []): Placed[] {
  if (!isShown(root)) return out
  const text = root.text && root.text.text
  if (text) {
    const placed = onScreen(root, stage)
    if (placed) out.push(placed)
  }
  const children = root.childList ? root.childList.get() : []
  for (const child of children) visibleTexts(child, stage, out)
  return out
}

function findByRef(root: TreeNode, ref: string): TreeNode | null {
  if (root.ref === ref) return root
  for (const child of root.childList ? root.childList.get() : []) {
    const found = findByRef(child, ref)
    if (found) return found
  }
  return null
}

function findVisible(root: TreeNode, match: (node: TreeNode) => boolean): TreeNode | null {
  if (!isShown(root)) return null
  if (match(root)) return root
  for (const child of root.childList ? root.childList.get() : []) {
    const found = findVisible(child, match)
    if (found) return found
  }
  return null
}

const nameOf = (node: TreeNode) => node.ref || node.constructor.name

export function takeSnapshot(sources: SnapshotSources): Snapshot {
  const { root, stage, live } = sources
  const texts = visibleTexts(root, stage)
  const focused = sources.focusPath[sources.focusPath.length - 1] ?? root
  const focusedText = visibleTexts(focused, stage)[0]
  const ticker = findByRef(root, 'Ticker')
  const tickerVisible = !!ticker && findVisible(ticker, (n) => n === ticker) !== null
  const headlines = tickerVisible
    ? visibleTexts(ticker!, stage)
        .filter((p) => (p.node.ref || '').indexOf('Headline') === 0)
        .sort((a, b) => a.x - b.x)
        .map((p) => p.node.text!.text!)
    : []
  const qrNode = findVisible(root, (n) => typeof n.qrUrl === 'string' && n.qrUrl !== '')
  const figures = live.figures()
  const audio = live.audioTracks()
  return {
    route: sources.route,
    focusPath: sources.focusPath.map(nameOf),
    focused: { ref: nameOf(focused), text: focusedText ? focusedText.node.text!.text! : null },
    player: {
      state: live.state,
      ...figures,
      channelId: sources.channelId,
      audioTracks: audio.tracks.length > 1 ? sources.audio.options(audio.tracks) : [],
      audioTrack: audio.tracks.length > 1 && audio.current >= 0 ? audio.current : null,
      timeshift: live.timeshift(),
    },
    ticker: { visible: tickerVisible && headlines.length > 0, items: headlines },
    texts: texts.map((p) => p.node.text!.text!),
    qr: qrNode ? { url: qrNode.qrUrl! } : null,
    programme: (sources.route === 'live' || sources.route === 'guide') && sources.programme ? sources.programme() : null,
    guide: sources.route === 'guide' && sources.guide ? sources.guide() : null,
    alerts: (sources.alerts ? sources.alerts() : []).map(({ id, event, severity, headline, area }) => ({ id, event, severity, headline, area })),
    breaking: breakingOf(sources.breaking ? sources.breaking() : null),
    adBreak: sources.adBreak ? sources.adBreak() : false,
    onAir: sources.onAir ? sources.onAir() : null,
  }
}

function breakingOf(story: { id: string; headline: string } | null): Snapshot['breaking'] {
  return story ? { id: story.id, headline: story.headline } : null
}
