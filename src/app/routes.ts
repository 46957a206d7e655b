/** The Router's pages: Live is home (the root of the history). */
import type { Router } from '@lightningjs/sdk'
import { LivePage } from '../pages/LivePage'

export const routes: Router.Config = {
  root: 'live',
  routes: [{ path: 'live', component: LivePage as unknown as Router.PageConstructor, widgets: ['ticker'] }],
}
