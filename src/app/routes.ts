/** The Router's pages: Live is home (the root of the history). */
import type { Router } from '@lightningjs/sdk'
import { LivePage } from '../pages/LivePage'
import { BrowsePage } from '../pages/BrowsePage'
import { ArticlePage } from '../pages/ArticlePage'
import { SettingsPage } from '../pages/SettingsPage'
import { ARTICLE_ROUTE } from '../browse/article-path'

const page = (component: unknown) => component as Router.PageConstructor

export const routes: Router.Config = {
  root: 'live',
  routes: [
    { path: 'live', component: page(LivePage), widgets: ['ticker'] },
    // The crawl stays on Live: these pages hold their own text where it would run.
    { path: 'browse', component: page(BrowsePage), widgets: [] },
    { path: ARTICLE_ROUTE, component: page(ArticlePage), widgets: [] },
    { path: 'settings', component: page(SettingsPage), widgets: [] },
  ],
}
