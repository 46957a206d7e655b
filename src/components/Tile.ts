/** One story on a Browse rail: picture (or the section name on a plain block), headline, time ago. */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'
import { focusRingTemplate, showFocus } from './focus-ring'

export const TILE_W = 400
export const TILE_H = 264
const IMAGE_H = 132
const PAD = 14
const PLACEHOLDER = 0xff26303d

export interface TileStory {
  headline: string
  timeAgo: string
  section: string
  image: string | null
}

export class Tile extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return Object.assign({ w: TILE_W, h: TILE_H }, focusRingTemplate(TILE_W, TILE_H), {
      // First text in the tree: the automation snapshot reads a focused tile's text from it.
      Headline: {
        x: PAD,
        y: IMAGE_H + 10,
        text: {
          text: '',
          fontFace: theme.font.face,
          fontSize: theme.font.small,
          lineHeight: 32,
          wordWrapWidth: TILE_W - 2 * PAD,
          maxLines: 2,
          textColor: theme.color.text,
        },
      },
      Age: {
        x: PAD,
        y: TILE_H - 44,
        text: { text: '', fontFace: theme.font.face, fontSize: 24, wordWrap: false, textColor: theme.color.textDim },
      },
      Picture: {
        rect: true,
        w: TILE_W,
        h: IMAGE_H,
        color: PLACEHOLDER,
        Section: {
          x: TILE_W / 2,
          y: IMAGE_H / 2,
          mount: 0.5,
          text: { text: '', fontFace: theme.font.face, fontSize: 24, fontStyle: 'bold', wordWrap: false, textColor: theme.color.textDim },
        },
        // A failed or missing image leaves the section block showing.
        Image: { w: TILE_W, h: IMAGE_H, visible: false },
      },
    })
  }

  set story(story: TileStory) {
    this.patch({
      Headline: { text: { text: story.headline } },
      Age: { text: { text: story.timeAgo } },
      Picture: {
        Section: { text: { text: story.section.toUpperCase() } },
        Image: story.image
          ? { visible: true, texture: { type: Lightning.textures.ImageTexture, src: story.image, resizeMode: { type: 'cover', w: TILE_W, h: IMAGE_H } } }
          : { visible: false, texture: null },
      },
    })
  }

  override _focus(): void {
    showFocus(this, true)
  }

  override _unfocus(): void {
    showFocus(this, false)
  }
}
