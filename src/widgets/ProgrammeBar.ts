/**
 * How far through the programme on air: a thin track with its played part (ChannelBanner,
 * InfoOverlay). Hidden when nothing is on (a gap in the schedule).
 */
import { Lightning } from '@lightningjs/sdk'
import { theme } from '../app/theme'

export class ProgrammeBar extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      h: 8,
      Track: { rect: true, h: 8, color: 0x55ffffff },
      Played: { rect: true, h: 8, color: theme.color.focus },
    }
  }

  /** `progress` 0..1 of `width` px; null hides the bar. */
  show(progress: number | null, width: number): void {
    this.visible = progress !== null
    this.tag('Track').w = width
    this.tag('Played').w = Math.round(width * (progress ?? 0))
  }
}
