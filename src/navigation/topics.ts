/**
 * Topics: one page per tag, `/topics/<slug>/`, tags that differ only in case or accents
 * sharing it (see name-groups.ts). Pure; computed once per archive.
 */
import type { Archive, ArticleSummary } from "../model.ts";
import { slugify } from "../content/slugs.ts";
import { groupByName } from "./name-groups.ts";

/** A topic: a tag in its shown spelling, its page and its articles newest first. */
export interface Topic {
  slug: string;
  name: string;
  url: string;
  articles: ArticleSummary[];
}

/** The topics index. */
export const TOPICS_URL = "/topics/";

/**
 * The URL of a tag's topic page (a pure function of the tag, so an article page can link it
 * without the index).
 * @example topicUrl("Élections") // "/topics/elections/"
 * @example topicUrl("Brexit", 2) // "/topics/brexit/page/2/"
 */
export function topicUrl(tag: string, page = 1): string {
  return topicSlugUrl(slugify(tag), page);
}

/**
 * The URL of a page of the topic with `slug`.
 * @example topicSlugUrl("brexit") // "/topics/brexit/"
 */
export function topicSlugUrl(slug: string, page = 1): string {
  return page <= 1 ? `${TOPICS_URL}${slug}/` : `${TOPICS_URL}${slug}/page/${page}/`;
}

const cache = new WeakMap<Archive, Topic[]>();

/**
 * Every topic of the archive, sorted by name; each topic's articles newest first.
 * @example topics(archive).map((t) => [t.name, t.articles.length]) // [["Brexit", 3], ["Élections", 2]]
 */
export function topics(archive: Archive): Topic[] {
  let result = cache.get(archive);
  if (!result) {
    result = groupByName(archive.articles, (a) => a.tags).map((g) => ({ slug: g.slug, name: g.name, url: topicSlugUrl(g.slug), articles: g.items }));
    cache.set(archive, result);
  }
  return result;
}
