/**
 * The site's listing pages as plain data: the list Eleventy paginates over, one entry per
 * output file. (Article pages are rendered by the article stage, one per article, as the
 * articles are read.) Pure and ordered, so the output is the same on every run.
 */
import type { Archive, ArticleSummary, Section } from "../model.ts";
import { paginate, type Page } from "./pagination.ts";
import { sectionPageUrl } from "./permalinks.ts";
import { topLevelSections } from "./sections.ts";
import { updateNotes, type UpdateNote } from "./update-notes.ts";
import { redirectPages, type RedirectPage } from "../publishing/redirects.ts";
import * as nav from "../navigation/navigation-pages.ts";
import { searchListing, type SearchListing } from "../search/search-listing.ts";

/** The URL of a page of the corrections listing. */
export function correctionsPageUrl(page = 1): string {
  return page <= 1 ? "/corrections/" : `/corrections/page/${page}/`;
}

/** The front page's lead stories and its blocks per top-level section. */
export interface FrontPage {
  kind: "front";
  url: "/";
  latest: ArticleSummary[];
  blocks: { section: Section; articles: ArticleSummary[] }[];
}

/** One listing page of the site. */
export type ListingPage =
  | FrontPage
  | { kind: "section"; url: string; section: Section; page: Page<ArticleSummary> }
  | { kind: "corrections"; url: string; page: Page<UpdateNote> }
  | RedirectPage
  | nav.NavigationPage
  | SearchListing
  | { kind: "not-found"; url: "/404.html" };

/** One kind of listing page: the pages of that kind an archive has, in site order. */
export interface ListingKind {
  kind: ListingPage["kind"];
  pages(archive: Archive): ListingPage[];
}

/**
 * The registry of listing kinds, in the order their pages are listed (the 404 page last). A new
 * kind of listing is one line here, one member of {@link ListingPage}, one layout in
 * `layouts/render-page.ts` and one line in `verify/page-kinds.ts`.
 */
export const LISTING_KINDS: readonly ListingKind[] = [
  { kind: "front", pages: (archive) => [frontPage(archive)] },
  { kind: "section", pages: sectionPages },
  { kind: "corrections", pages: (archive) => paginate(updateNotes(archive, ["correction"]), archive.site.perPage, correctionsPageUrl).map((page) => ({ kind: "corrections", url: page.url, page })) },
  { kind: "redirect", pages: redirectPages },
  { kind: "archive", pages: (archive) => [nav.archiveIndexPage(archive)] },
  { kind: "year", pages: nav.yearPages },
  { kind: "month", pages: nav.monthPages },
  { kind: "day", pages: nav.dayPages },
  { kind: "topics", pages: (archive) => [nav.topicsIndexPage(archive)] },
  { kind: "topic", pages: nav.topicPages },
  { kind: "authors", pages: (archive) => [nav.authorsIndexPage(archive)] },
  { kind: "author", pages: nav.authorPages },
  { kind: "search", pages: (archive) => [searchListing(archive)] },
  { kind: "not-found", pages: () => [{ kind: "not-found", url: "/404.html" }] },
];

/**
 * Lists every listing page, kind by kind in the order of {@link LISTING_KINDS}: the front page,
 * every page of every section, the pages of the corrections listing, …, then the 404 page.
 * @example listingPages(archive).map((p) => p.url) // ["/", "/politics/", "/politics/page/2/", …, "/404.html"]
 */
export function listingPages(archive: Archive): ListingPage[] {
  return LISTING_KINDS.flatMap((kind) => kind.pages(archive));
}

/** Every page of every section's index, sections in declaration order. */
function sectionPages(archive: Archive): ListingPage[] {
  const pages: ListingPage[] = [];
  for (const section of archive.sections.values()) {
    const articles = archive.articlesBySection.get(section.id) ?? [];
    for (const page of paginate(articles, archive.site.perPage, (n) => sectionPageUrl(section.id, n))) {
      pages.push({ kind: "section", url: page.url, section, page });
    }
  }
  return pages;
}

/**
 * The front page: the newest articles overall, then the newest few of each top-level section
 * (leaving out those already in the lead, so no story shows twice).
 * @example frontPage(archive).latest.length // site.frontPage.latest, or fewer
 */
export function frontPage(archive: Archive): FrontPage {
  const { latest: leadCount, perSection } = archive.site.frontPage;
  const latest = archive.articles.slice(0, leadCount);
  const shown = new Set(latest);
  const blocks = topLevelSections(archive.sections)
    .map((section) => ({
      section,
      articles: (archive.articlesBySection.get(section.id) ?? []).filter((a) => !shown.has(a)).slice(0, perSection),
    }))
    .filter((block) => block.articles.length > 0);
  return { kind: "front", url: "/", latest, blocks };
}

/** Any page of the site: a listing page, an article's page or a withdrawn article's tombstone. */
export type SitePage = ListingPage | { kind: "article" | "tombstone"; url: string; article: ArticleSummary };

/**
 * The inventory of every HTML page the site has: listing pages, then articles newest first.
 * @example sitePages(archive).filter((p) => p.kind === "article").length // archive.articles.length
 */
export function sitePages(archive: Archive): SitePage[] {
  const listings = listingPages(archive);
  const notFound = listings.pop()!;
  const tombstones = (archive.withdrawn ?? []).map((article) => ({ kind: "tombstone" as const, url: article.url, article }));
  return [...listings, ...archive.articles.map((article) => ({ kind: "article" as const, url: article.url, article })), ...tombstones, notFound];
}
