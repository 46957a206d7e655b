export function makeLargeRssFeed(options: { items: number; bodyChars?: number; newest?: number }): string
