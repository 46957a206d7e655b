/**
 * The Router's pages, each handed only the services it uses (app/with-services.ts). Live is home
 * (the root of the history). Built by the composition root (app/composition-root.ts).
 */
import type { Router } from '@lightningjs/sdk'
import { LivePage, type LivePageServices } from '../pages/LivePage'
import { BrowsePage, type BrowsePageServices } from '../pages/BrowsePage'
import { ArticlePage, type ArticlePageServices } from '../pages/ArticlePage'
import { SettingsPage, type SettingsPageServices } from '../pages/SettingsPage'
import { GuidePage, type GuidePageServices } from '../pages/GuidePage'
import { ARTICLE_ROUTE } from '../browse/article-path'
import { withServices } from './with-services'

export interface PageServices {
  live: LivePageServices
  browse: BrowsePageServices
  article: ArticlePageServices
  settings: SettingsPageServices
  guide: GuidePageServices
}

const page = (component: unknown) => component as Router.PageConstructor

/** The paths a location fragment may name (the special `*` route is not one). */
export const routePaths: readonly string[] = ['live', 'browse', ARTICLE_ROUTE, 'settings', 'guide']

/** `routeOpened` hears each route the Router has opened (its afterEachRoute hook). */
export function pageRoutes(services: PageServices, routeOpened: (path: string) => void): Router.Config {
  return {
    root: 'live',
    routes: [
      { path: 'live', component: page(withServices(LivePage, services.live)), widgets: ['ticker'] },
      // The crawl stays on Live: these pages hold their own text where it would run.
      { path: 'browse', component: page(withServices(BrowsePage, services.browse)), widgets: [] },
      { path: ARTICLE_ROUTE, component: page(withServices(ArticlePage, services.article)), widgets: [] },
      { path: 'settings', component: page(withServices(SettingsPage, services.settings)), widgets: [] },
      { path: 'guide', component: page(withServices(GuidePage, services.guide)), widgets: [] },
      // Not found: a path no route matches opens Live instead of leaving no page at all. The App
      // already turns a bad location fragment into Live before the Router sees it; this covers a
      // navigate() in code, and platforms whose router settings keep the hash out of the address.
      { path: '*', beforeNavigate: () => Promise.resolve('live') } as unknown as Router.RouteDefinition,
    ],
    afterEachRoute: (request) => {
      if (request.route) routeOpened(request.route.path)
    },
  } as Router.Config
}
