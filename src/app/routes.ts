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
    // Not found: a path no route matches opens Live instead of leaving no page at all. The App
    // already turns a bad location fragment into Live before the Router sees it; this covers a
    // navigate() in code, and platforms whose router settings keep the hash out of the address.
    { path: '*', beforeNavigate: () => Promise.resolve('live') } as unknown as Router.RouteDefinition,
  ],
}

/** The paths a location fragment may name (the special `*` route is not one). */
export const routePaths: readonly string[] = routes.routes.map((r) => r.path)
