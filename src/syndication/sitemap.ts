/**
 * `/sitemap.xml`: every article and listing page exactly once, with the time it last changed
 * (never the build time). Above a threshold of URLs it becomes a sitemap index over
 * `/sitemaps/sitemap-N.xml`, each within the protocol's 50,000 URLs and 50 MB.
 */
import type { DateTime } from "luxon";
import { isoDateTime } from "../content/dates.ts";
import type { Archive, ArticleSummary } from "../model.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import { lastModified } from "../archive/update-notes.ts";
import { xmlText } from "./xml-text.ts";
import { navigationListed } from "../navigation/navigation-pages.ts";

/** Where the protocol draws the line; the default threshold stays below it. */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024, defaultThreshold: 45_000 } as const;

/** One URL of the sitemap. */
export interface SitemapUrl {
  /** Site-relative. */
  url: string;
  lastmod?: DateTime;
}

/** A file to write, relative to the output folder. */
export interface OutputFile {
  path: string;
  text: string;
}

/**
 * The articles a listing page lists (for its lastmod), as the lists it holds them in: the
 * topics and authors indexes hold a list per topic or author, the whole archive's size
 * together, walked where they are rather than copied into one. None for the 404 page.
 * @example listedGroups({ kind: "not-found", url: "/404.html" }, archive) // []
 */
export function listedGroups(page: ListingPage, archive: Archive): readonly (readonly ArticleSummary[])[] {
  switch (page.kind) {
    case "front":
      return [page.latest, ...page.blocks.map((b) => b.articles)];
    case "section":
      return [page.page.items];
    case "corrections":
      return [page.page.items.map((note) => note.article)];
    case "search":
    case "not-found":
    case "redirect":
      return [];
    default:
      return navigationListed(page, archive);
  }
}

function newest(groups: readonly (readonly ArticleSummary[])[]): DateTime | undefined {
  let best: DateTime | undefined;
  let bestMs = -Infinity;
  for (const articles of groups) {
    for (const article of articles) {
      const at = lastModified(article);
      const ms = at.toMillis();
      if (ms > bestMs) {
        best = at;
        bestMs = ms;
      }
    }
  }
  return best;
}

/**
 * Every URL the sitemap lists: listing pages (not the 404 page nor redirects), then articles newest first.
 * @example sitemapUrls(archive, listings)[0] // { url: "/", lastmod: <newest change on the front page> }
 */
export function sitemapUrls(archive: Archive, listings: readonly ListingPage[]): SitemapUrl[] {
  const urls: SitemapUrl[] = [];
  for (const page of listings) {
    // Neither the 404 page, a redirect page (noindex) nor the search page (a tool, not content) is a page to find.
    if (page.kind === "not-found" || page.kind === "redirect" || page.kind === "search") continue;
    const lastmod = newest(listedGroups(page, archive));
    urls.push(lastmod ? { url: page.url, lastmod } : { url: page.url });
  }
  for (const article of archive.articles) urls.push({ url: article.url, lastmod: lastModified(article) });
  return urls;
}

function urlset(urls: readonly SitemapUrl[], absolute: (url: string) => string): string {
  const items = urls.map(
    (u) => `<url><loc>${xmlText(absolute(u.url))}</loc>${u.lastmod ? `<lastmod>${isoDateTime(u.lastmod)}</lastmod>` : ""}</url>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("")}</urlset>\n`;
}

/**
 * The number of sitemap files `count` URLs need at `threshold` URLs a file (1: no index).
 * @example sitemapFileCount(100, 45000) // 1
 * @example sitemapFileCount(5, 2)       // 3
 */
export function sitemapFileCount(count: number, threshold: number): number {
  const size = Math.min(threshold, SITEMAP_LIMITS.urls);
  return count <= size ? 1 : Math.ceil(count / size);
}

/**
 * The paths the sitemap takes for `count` URLs.
 * @example sitemapPaths(5, 2) // ["sitemap.xml", "sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml", "sitemaps/sitemap-3.xml"]
 */
export function sitemapPaths(count: number, threshold: number): string[] {
  const files = sitemapFileCount(count, threshold);
  return ["sitemap.xml", ...(files > 1 ? Array.from({ length: files }, (_, i) => `sitemaps/sitemap-${i + 1}.xml`) : [])];
}

/**
 * `/sitemap.xml`, or an index and its parts when there are more URLs than `threshold`.
 * @example sitemapFiles(urls, 45000, absolute).map((f) => f.path) // ["sitemap.xml"]
 */
export function sitemapFiles(urls: readonly SitemapUrl[], threshold: number, absolute: (url: string) => string): OutputFile[] {
  const files = sitemapFileCount(urls.length, threshold);
  if (files === 1) return [{ path: "sitemap.xml", text: urlset(urls, absolute) }];
  const size = Math.ceil(urls.length / files);
  const parts = Array.from({ length: files }, (_, i) => urls.slice(i * size, (i + 1) * size));
  const written = parts.map((part, i) => ({ path: `sitemaps/sitemap-${i + 1}.xml`, text: urlset(part, absolute), lastmod: newestOf(part) }));
  for (const file of written) {
    if (Buffer.byteLength(file.text) > SITEMAP_LIMITS.bytes) throw new Error(`${file.path} would exceed the sitemap protocol's 50 MB.`);
  }
  const entries = written.map(
    (f) => `<sitemap><loc>${xmlText(absolute(`/${f.path}`))}</loc>${f.lastmod ? `<lastmod>${isoDateTime(f.lastmod)}</lastmod>` : ""}</sitemap>\n`,
  );
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("")}</sitemapindex>\n`;
  return [{ path: "sitemap.xml", text: index }, ...written.map(({ path, text }) => ({ path, text }))];
}

function newestOf(urls: readonly SitemapUrl[]): DateTime | undefined {
  let best: DateTime | undefined;
  for (const u of urls) if (u.lastmod && (!best || u.lastmod.toMillis() > best.toMillis())) best = u.lastmod;
  return best;
}
