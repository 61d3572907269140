/**
 * The registry of page kinds the browser gates visit. Every kind of page the site has gets one
 * entry here with a finder for a representative URL; accessibility (light and dark), keyboard,
 * small-screen and screenshot checks then cover it, and Lighthouse too when `lighthouse` is set.
 * The HTML and link gates cover every file anyway. A new page kind joins by adding one line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { outputPathFor } from "../src/archive/permalinks.ts";
import type { Archive } from "../src/model.ts";
import type { SitePage } from "../src/archive/site-pages.ts";
import type { BuiltSite } from "./built-site.ts";

/** One kind of page and how to find an example of it in a built site. */
export interface PageKind {
  name: string;
  /** The kind in src/site-pages.ts it stands for; every kind there needs at least one entry here. */
  of: SitePage["kind"];
  /** Site-relative URL of a representative page, or undefined when the site has none. */
  find(site: BuiltSite): string | undefined;
  /** Whether the site must always have it (false: only some archives do, like a second page). */
  always: boolean;
  /** Run Lighthouse on it too (slow: keep to a few kinds). */
  lighthouse?: boolean;
}

/** A representative page of one kind. */
export interface KindPage {
  kind: string;
  /** Site-relative, e.g. `/politics/`. */
  url: string;
  lighthouse: boolean;
}

type SectionPage = Extract<SitePage, { kind: "section" }>;
const sectionPages = (site: BuiltSite) => site.pages.filter((p): p is SectionPage => p.kind === "section");

/** An article as the archive lists it (the body is not needed here). */
type ListedArticle = Archive["articles"][number];

/** The richest article: one with a correction and updates, else any updates, else the newest. */
function articleWithUpdates(site: BuiltSite): ListedArticle | undefined {
  const richness = (a: ListedArticle) =>
    (a.updates.some((u) => u.kind === "correction") ? 1000 : 0) + (a.updates.some((u) => u.kind === "update") ? 100 : 0) + a.updates.length;
  let best: ListedArticle | undefined;
  for (const article of site.archive.articles) if (!best || richness(article) > richness(best)) best = article;
  return best;
}

/** The newest article whose page has a table (read from the built page: summaries carry no body). */
function articleWithTable(site: BuiltSite): string | undefined {
  return site.archive.articles.find((a) => readFileSync(join(site.dir, outputPathFor(a.url)), "utf8").includes('class="table-scroll"'))?.url;
}

/** The registry: one line per page kind. */
export const PAGE_KINDS: readonly PageKind[] = [
  { name: "front", of: "front", always: true, lighthouse: true, find: (site) => site.pages.find((p) => p.kind === "front")?.url },
  // First page of a section, preferring one with sub-sections (more navigation on it).
  { name: "section", of: "section", always: true, find: (site) => (sectionPages(site).find((p) => p.page.number === 1 && p.section.children.length > 0) ?? sectionPages(site).find((p) => p.page.number === 1))?.url },
  // A second page of a section's index, preferring a top-level section (reachable from the masthead).
  { name: "section-page-2", of: "section", always: false, find: (site) => (sectionPages(site).find((p) => p.page.number === 2 && !p.section.parentId) ?? sectionPages(site).find((p) => p.page.number === 2))?.url },
  { name: "article", of: "article", always: true, lighthouse: true, find: (site) => articleWithUpdates(site)?.url },
  // An article with a table, for the 360 px check that tables scroll in their own box.
  { name: "article-with-table", of: "article", always: false, find: articleWithTable },
  // An article with a lead image (src/media/): its figure must keep Lighthouse performance at 95 or more.
  { name: "article-with-lead-image", of: "article", always: false, lighthouse: true, find: (site) => site.archive.articles.find((a) => a.image?.local)?.url },
  { name: "corrections", of: "corrections", always: true, find: (site) => site.pages.find((p) => p.kind === "corrections")?.url },
  { name: "tombstone", of: "tombstone", always: false, find: (site) => site.pages.find((p) => p.kind === "tombstone")?.url },
  { name: "redirect", of: "redirect", always: false, find: (site) => site.pages.find((p) => p.kind === "redirect")?.url },
  { name: "archive", of: "archive", always: true, find: (site) => site.pages.find((p) => p.kind === "archive")?.url },
  { name: "year", of: "year", always: true, find: (site) => site.pages.find((p) => p.kind === "year")?.url },
  // A month with periods either side, for the calendar and both period links.
  { name: "month", of: "month", always: true, find: (site) => (site.pages.find((p) => p.kind === "month" && p.previous && p.next) ?? site.pages.find((p) => p.kind === "month"))?.url },
  { name: "day", of: "day", always: true, find: (site) => (site.pages.find((p) => p.kind === "day" && p.previous && p.next) ?? site.pages.find((p) => p.kind === "day"))?.url },
  { name: "topics", of: "topics", always: true, find: (site) => site.pages.find((p) => p.kind === "topics")?.url },
  { name: "topic", of: "topic", always: false, find: (site) => site.pages.find((p) => p.kind === "topic")?.url },
  { name: "authors", of: "authors", always: true, find: (site) => site.pages.find((p) => p.kind === "authors")?.url },
  // An author site.yml describes, when there is one (bio and link on the page).
  { name: "author", of: "author", always: false, find: (site) => (site.pages.find((p) => p.kind === "author" && p.author.profile) ?? site.pages.find((p) => p.kind === "author"))?.url },
  { name: "search", of: "search", always: true, find: (site) => site.pages.find((p) => p.kind === "search")?.url },
  { name: "not-found", of: "not-found", always: true, find: (site) => site.pages.find((p) => p.kind === "not-found")?.url },
];

/**
 * The representative page of each kind in a site, and the kinds the site has none of.
 * @example representativePages(site).pages // [{ kind: "front", url: "/", lighthouse: true }, …]
 */
export function representativePages(site: BuiltSite, kinds: readonly PageKind[] = PAGE_KINDS): { pages: KindPage[]; missing: PageKind[] } {
  const pages: KindPage[] = [];
  const missing: PageKind[] = [];
  for (const kind of kinds) {
    const url = kind.find(site);
    if (url === undefined) missing.push(kind);
    else pages.push({ kind: kind.name, url, lighthouse: kind.lighthouse ?? false });
  }
  return { pages, missing };
}

/**
 * Kinds of page the site has that no registry entry stands for: a page kind added to
 * src/site-pages.ts without a line here is an error, not a page nobody checks.
 * @example unregisteredKinds(site) // [] when every kind is listed
 */
export function unregisteredKinds(site: BuiltSite, kinds: readonly PageKind[] = PAGE_KINDS): string[] {
  const known = new Set(kinds.map((k) => k.of));
  return [...new Set(site.pages.map((p) => p.kind))].filter((kind) => !known.has(kind));
}

/** The article the journeys follow: the one with the most telling update history. */
export { articleWithUpdates as journeyArticle };
