/**
 * The aliases of an indexed archive checked against every page it has: articles, tombstones
 * and listing pages (other than the redirect pages themselves), and against each other.
 */
import type { ContentIssue } from "../issues/content-issue.ts";
import type { Archive } from "../model.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import { listingPages, type ListingPage } from "../archive/site-pages.ts";
import { aliasCollisions, type DeclaredAlias, type OwnedPath } from "./alias-collisions.ts";

/** Who a listing page belongs to, for the message. */
function ownerOf(page: ListingPage): string {
  if (page.kind === "section") return `site.yml (section ${page.section.id})`;
  return `the site (its ${page.kind} page)`;
}

/**
 * Every `alias-collision` in `archive`.
 * @example archiveCollisions(archive) // [] when every alias names a free address
 */
export function archiveCollisions(archive: Archive): ContentIssue[] {
  const articles = [...archive.articles, ...(archive.withdrawn ?? [])];
  const declared: DeclaredAlias[] = articles.flatMap((a) => (a.aliases ?? []).map((alias, i) => ({ alias, file: a.file, line: a.aliasLines?.[i] })));
  if (declared.length === 0) return [];
  const pages: OwnedPath[] = [
    ...articles.map((a) => ({ path: outputPathFor(a.url), owner: a.file, url: a.url })),
    ...listingPages(archive).filter((p) => p.kind !== "redirect").map((p) => ({ path: outputPathFor(p.url), owner: ownerOf(p), url: p.url })),
  ];
  return aliasCollisions(declared, pages);
}

/**
 * Collisions of redirect pages with the build's other output files (feeds, sitemaps, host
 * files, the stylesheet), which only the build knows.
 * @example outputCollisions(archive, ["feed.xml"]) // [] unless an alias is /feed.xml
 */
export function outputCollisions(archive: Archive, files: readonly string[]): ContentIssue[] {
  const articles = [...archive.articles, ...(archive.withdrawn ?? [])];
  const declared: DeclaredAlias[] = articles.flatMap((a) => (a.aliases ?? []).map((alias, i) => ({ alias, file: a.file, line: a.aliasLines?.[i] })));
  if (declared.length === 0) return [];
  const pages = files.map((path) => ({ path, owner: "the build (a file it writes)", url: `/${path}` }));
  // Alias-to-alias collisions are reported by archiveCollisions already.
  return aliasCollisions(declared, pages, false);
}
