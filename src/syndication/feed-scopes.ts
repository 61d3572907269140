/**
 * Which pages have feeds, and where the feeds live: the site's at `/feed.xml`, `/rss.xml` and
 * `/feed.json`, and every section's beside its index (`/world/europe/feed.xml` …). A listing
 * kind gets its feeds with one line in {@link feedScopes}.
 */
import type { Archive, ArticleSummary } from "../model.ts";
import { topics } from "../navigation/topics.ts";
import { authors } from "../navigation/authors.ts";

/** How many entries each feed carries. */
export const FEED_SIZE = 50;

/** A page with feeds: its URL, its name and its articles, newest first. */
export interface FeedScope {
  /** Site-relative URL of the page the feed stands for, e.g. `/world/`. */
  url: string;
  title: string;
  description?: string;
  articles: readonly ArticleSummary[];
  /**
   * False: entries carry the article's summary, not its whole body. Topics and authors have
   * hundreds of feeds; full text in all of them would re-render most of the archive and hold
   * it in memory (measured at 5,000 articles: 43 s and 1 GB more).
   */
  fullText?: false;
}

/** The site-relative URLs of a page's feeds. */
export interface FeedUrls {
  atom: string;
  rss: string;
  json: string;
}

/**
 * The feed URLs of the page at `pageUrl`.
 * @example feedUrls("/world/europe/") // { atom: "/world/europe/feed.xml", rss: "/world/europe/rss.xml", json: "/world/europe/feed.json" }
 */
export function feedUrls(pageUrl: string): FeedUrls {
  return { atom: `${pageUrl}feed.xml`, rss: `${pageUrl}rss.xml`, json: `${pageUrl}feed.json` };
}

/** The updates feed's URLs (one entry per update or correction). */
export const UPDATES_FEED = { atom: "/updates.xml", json: "/updates.json" } as const;

/**
 * Every page with feeds: the site, then each section (a parent's feed lists its children's
 * articles, as its index does), then each topic and each author.
 * @example feedScopes(archive).map((s) => s.url) // ["/", "/politics/", "/world/", "/world/europe/"]
 */
export function feedScopes(archive: Archive): FeedScope[] {
  return [
    { url: "/", title: archive.site.title, description: archive.site.description, articles: archive.articles },
    ...[...archive.sections.values()].map((section) => ({
      url: section.url,
      title: `${section.title} – ${archive.site.title}`,
      articles: archive.articlesBySection.get(section.id) ?? [],
    })),
    ...topics(archive).map((topic) => ({ url: topic.url, title: `${topic.name} – ${archive.site.title}`, articles: topic.articles, fullText: false as const })),
    ...authors(archive).map((author) => ({ url: author.url, title: `${author.name} – ${archive.site.title}`, articles: author.articles, fullText: false as const })),
  ];
}
