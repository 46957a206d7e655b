/**
 * Live (home): the full-screen channel. The page itself is transparent so the <video> under the
 * canvas shows through; OK turns the sound on when the browser started the picture muted.
 */
import { Lightning } from '@lightningjs/sdk'
import { appContext } from '../app/app-context'

export class LivePage extends Lightning.Component<Lightning.Component.TemplateSpecLoose> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return { w: 1920, h: 1080 }
  }

  override _handleEnter(): boolean | void {
    const { live } = appContext()
    if (live.soundBlocked) {
      live.unmute()
      return true
    }
    return false
  }
}
