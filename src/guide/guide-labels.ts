/**
 * What the Guide says: a cell's title, the details line of the focused cell (title, times,
 * description, what OK does), what voice guidance reads for it, what OK does, and the automation
 * snapshot's `guide`. Times are written by schedule-time.ts (the TV's zone and 12/24 h habit).
 */
import { programmeSpan } from '../schedule/schedule-time'
import type { GuideCell, GuideChannel } from './guide-grid'

export const NO_LISTING = 'No listing'
export const FROM_START_HINT = 'OK: Watch from start'

/** What OK on a cell does. */
export type GuideAction =
  | { type: 'fromStart'; at: number }
  | { type: 'live' }
  | { type: 'tune'; channelId: string }

export interface CellContext {
  channel: GuideChannel
  cell: GuideCell
  tunedChannelId: string
  /** canWatchFromStart for this cell (watch-from-start.ts). */
  fromStart: boolean
}

export function guideAction({ channel, cell, tunedChannelId, fromStart }: CellContext): GuideAction {
  if (channel.id !== tunedChannelId) return { type: 'tune', channelId: channel.id }
  if (fromStart && cell.programme) return { type: 'fromStart', at: cell.programme.start }
  return { type: 'live' }
}

/** The hint under the details: what OK does here. */
export function actionHint(action: GuideAction, channel: GuideChannel): string {
  if (action.type === 'fromStart') return FROM_START_HINT
  if (action.type === 'tune') return `OK: Watch ${channel.name}`
  return 'OK: Back to live TV'
}

export function cellTitle(cell: GuideCell): string {
  return cell.programme ? cell.programme.title : NO_LISTING
}

export interface DetailsLines {
  title: string
  /** "18:30 – 19:00" (the programme's own times, not the clipped cell's); '' for a gap. */
  times: string
  description: string
  hint: string
}

export function detailsLines(context: CellContext, format: (ms: number) => string): DetailsLines {
  const { cell, channel } = context
  const p = cell.programme
  return {
    title: p ? p.title : NO_LISTING,
    times: p ? programmeSpan(format, p) : '',
    description: p ? p.description : '',
    hint: actionHint(guideAction(context), channel),
  }
}

/** Voice guidance for the focused cell: "World Desk, Dispatches, 18:30 to 19:00, on now, OK: Watch from start". */
export function cellSpeech(context: CellContext, format: (ms: number) => string): string {
  const { cell, channel } = context
  const p = cell.programme
  const parts = [channel.name, p ? p.title : NO_LISTING]
  if (p) parts.push(`${format(p.start)} to ${format(p.end)}`)
  if (cell.current) parts.push('on now')
  parts.push(actionHint(guideAction(context), channel))
  return parts.join(', ')
}

/** The automation snapshot's `guide`: the focused cell and what OK would do. */
export interface SnapshotGuide {
  channelId: string
  title: string
  /** ISO 8601 (the programme's own, not clipped); null for a gap. */
  start: string | null
  end: string | null
  current: boolean
  canWatchFromStart: boolean
  action: GuideAction['type']
}

export function snapshotGuide(context: CellContext): SnapshotGuide {
  const { cell, channel } = context
  const p = cell.programme
  return {
    channelId: channel.id,
    title: cellTitle(cell),
    start: p ? new Date(p.start).toISOString() : null,
    end: p ? new Date(p.end).toISOString() : null,
    current: cell.current,
    canWatchFromStart: context.fromStart,
    action: guideAction(context).type,
  }
}
