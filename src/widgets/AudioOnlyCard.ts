/**
 * The still card over the (black) picture of an audio-only channel: the channel's name and
 * "Audio only", centred above the crawl (which keeps running). The Live page decides when
 * (see audio-only.ts and LiveChannel's `audioOnly`).
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

export const AUDIO_ONLY_TEXT = 'Audio only'

export class AudioOnlyCard extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      x: 960,
      y: 400,
      mountX: 0.5,
      w: 900,
      h: 220,
      visible: false,
      Box: { rect: true, w: 900, h: 220, color: theme.color.panel, shader: { type: Lightning.shaders.RoundedRectangle, radius: 16 } },
      Name: {
        x: 450,
        y: 44,
        mountX: 0.5,
        text: {
          text: '',
          fontFace: theme.font.face,
          fontSize: theme.font.huge,
          fontStyle: 'bold',
          textColor: theme.color.text,
          textAlign: 'center',
          wordWrapWidth: 840,
          maxLines: 1,
        },
      },
      Kind: {
        x: 450,
        y: 138,
        mountX: 0.5,
        text: { text: AUDIO_ONLY_TEXT, fontFace: theme.font.face, fontSize: theme.font.title, textColor: theme.color.textDim, textAlign: 'center' },
      },
    }
  }

  /** Shows the card for `channelName`, or hides it (null). */
  show(channelName: string | null): void {
    if (channelName === null) {
      this.visible = false
      return
    }
    this.tag('Name').text.text = channelName
    this.visible = true
  }
}
