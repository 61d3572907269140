/**
 * Authors: one page per byline name, `/authors/<slug>/`, spellings that differ only in case or
 * accents sharing it, described by `site.yml`'s `authors:` when it has an entry of that slug.
 * Pure; computed once per archive.
 */
import type { Archive, ArticleSummary, AuthorProfile } from "../model.ts";
import { slugify } from "../content/slugs.ts";
import { groupByName } from "./name-groups.ts";

/** An author: the shown name, the page, the articles newest first, and what site.yml says. */
export interface Author {
  slug: string;
  name: string;
  url: string;
  articles: ArticleSummary[];
  profile?: AuthorProfile;
}

/** The authors index. */
export const AUTHORS_URL = "/authors/";

/**
 * The URL of an author's page (a pure function of the name).
 * @example authorUrl("Zoë Müller") // "/authors/zoe-muller/"
 */
export function authorUrl(name: string, page = 1): string {
  return authorSlugUrl(slugify(name), page);
}

/**
 * The URL of a page of the author with `slug`.
 * @example authorSlugUrl("zoe-muller", 2) // "/authors/zoe-muller/page/2/"
 */
export function authorSlugUrl(slug: string, page = 1): string {
  return page <= 1 ? `${AUTHORS_URL}${slug}/` : `${AUTHORS_URL}${slug}/page/${page}/`;
}

const cache = new WeakMap<Archive, Author[]>();

/**
 * Every author with articles, sorted by name; a site.yml entry of the same slug gives the
 * shown name, bio and link.
 * @example authors(archive).map((a) => a.name) // ["Ana Ruiz", "Zoë Müller"]
 */
export function authors(archive: Archive): Author[] {
  let result = cache.get(archive);
  if (!result) {
    const profiles = new Map((archive.site.authors ?? []).map((p) => [slugify(p.name), p]));
    result = groupByName(archive.articles, (a) => a.authors).map((g) => {
      const profile = profiles.get(g.slug);
      return { slug: g.slug, name: profile?.name ?? g.name, url: authorSlugUrl(g.slug), articles: g.items, ...(profile ? { profile } : {}) };
    });
    cache.set(archive, result);
  }
  return result;
}
