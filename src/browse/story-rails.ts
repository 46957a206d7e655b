/**
 * The rails of the Browse page, from the feed's articles: one rail per section (the newsroom's
 * own sections first, in their running order), then one per popular tag. Rails keep the feed's
 * order, which the headline store already sorts newest first.
 */
import type { Article } from '../feed/article'

export interface StoryRail {
  /** Stable across feed updates (focus memory is keyed by it): `section:<name>` or `tag:<name>`. */
  id: string
  title: string
  articles: Article[]
}

export interface StoryRailOptions {
  /** Sections in the order the channel runs them; other sections follow alphabetically. */
  sectionOrder: readonly string[]
  /** How many tag rails at most, most common tags first. */
  maxTagRails: number
  /** A tag needs this many articles for a rail of its own: a rail of one story is not browsing. */
  minTagArticles: number
  /** Tiles per rail at most: a TV has no use for the 200th story of a section. */
  maxPerRail: number
}

export const DEFAULT_STORY_RAIL_OPTIONS: StoryRailOptions = {
  sectionOrder: ['Newsfront', 'Health', 'Money', 'World'],
  maxTagRails: 4,
  minTagArticles: 2,
  maxPerRail: 30,
}

/** The title of the rail for articles the feed gave no section. */
export const NO_SECTION_TITLE = 'More stories'

interface Group {
  title: string
  articles: Article[]
}

/** Articles grouped by a case-insensitive key, in first-seen order; the title is the first spelling seen. */
function groupBy(articles: Article[], keysOf: (article: Article) => string[]): Map<string, Group> {
  const groups = new Map<string, Group>()
  for (const article of articles) {
    const seen = new Set<string>()
    for (const name of keysOf(article)) {
      const key = name.trim().toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      let group = groups.get(key)
      if (!group) {
        group = { title: name.trim(), articles: [] }
        groups.set(key, group)
      }
      group.articles.push(article)
    }
  }
  return groups
}

function sectionRails(articles: Article[], options: StoryRailOptions): StoryRail[] {
  const groups = groupBy(articles, (a) => [a.section])
  const preferred = options.sectionOrder.map((s) => s.toLowerCase())
  const rank = (key: string) => (preferred.indexOf(key) >= 0 ? preferred.indexOf(key) : preferred.length)
  const keys = Array.from(groups.keys()).sort((a, b) => rank(a) - rank(b) || (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
  return keys.map((key) => {
    const group = groups.get(key)!
    return { id: `section:${key}`, title: key === '' ? NO_SECTION_TITLE : group.title, articles: group.articles }
  })
}

function tagRails(articles: Article[], sections: Set<string>, options: StoryRailOptions): StoryRail[] {
  const groups = groupBy(articles, (a) => a.tags.filter((t) => t.trim() !== ''))
  const popular = Array.from(groups.keys())
    // A tag that repeats a section name would repeat that section's rail.
    .filter((key) => !sections.has(key) && groups.get(key)!.articles.length >= options.minTagArticles)
    .sort((a, b) => groups.get(b)!.articles.length - groups.get(a)!.articles.length || a.localeCompare(b))
    .slice(0, options.maxTagRails)
  return popular.map((key) => {
    const group = groups.get(key)!
    return { id: `tag:${key}`, title: capitalise(group.title), articles: group.articles }
  })
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The Browse rails for `articles`: never an empty rail; no rails at all when there are no articles. */
export function buildStoryRails(articles: Article[], options: Partial<StoryRailOptions> = {}): StoryRail[] {
  const settings: StoryRailOptions = Object.assign({}, DEFAULT_STORY_RAIL_OPTIONS, options)
  const bySection = sectionRails(articles, settings)
  const sections = new Set(bySection.map((rail) => rail.id.slice('section:'.length)))
  return bySection
    .concat(tagRails(articles, sections, settings))
    .map((rail) => ({ id: rail.id, title: rail.title, articles: rail.articles.slice(0, settings.maxPerRail) }))
}
