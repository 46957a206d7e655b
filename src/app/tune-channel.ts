/** Changing channel: the tuner picks the channel, the SDK VideoPlayer opens it through LiveChannel. */
import { appContext } from './app-context'
import { videoPlayer } from '../player/sdk-video-player'
import type { ChannelConfig } from '../config/app-config'

export type TuneResult = { tuned: ChannelConfig } | { unknownNumber: number }

export function tuneChannel(request: { step: number } | { number: number } | { id: string }): TuneResult {
  const { tuner } = appContext()
  let channel: ChannelConfig | null
  if ('step' in request) channel = tuner.step(request.step)
  else if ('number' in request) channel = tuner.byNumber(request.number)
  else channel = tuner.byId(request.id)
  if (!channel) return { unknownNumber: 'number' in request ? request.number : NaN }
  videoPlayer.open(channel.url)
  return { tuned: channel }
}
