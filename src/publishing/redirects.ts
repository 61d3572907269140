/**
 * Aliases become redirects: a static page per alias (meta refresh, canonical, a visible link),
 * one line per alias in `_redirects` (Netlify and Cloudflare Pages) and one entry in
 * `redirects.json` (for any other host or server). Pure: the build writes what these return.
 */
import type { Archive, ArticleSummary } from "../model.ts";
import { withBase } from "../archive/permalinks.ts";
import { aliasPagePath, encodedAlias } from "./alias-paths.ts";

/** The machine-readable list of redirects, at the top of the site. */
export const REDIRECTS_JSON = "redirects.json";

/** A redirect page: served at an alias, pointing at the article's URL. */
export interface RedirectPage {
  kind: "redirect";
  /** The alias's site-relative page URL, decoded (the file is `outputPathFor(url)`). */
  url: string;
  /** The alias as written. */
  alias: string;
  /** The file the page is written to, relative to the output folder. */
  path: string;
  /** The article's site-relative URL. */
  target: string;
  title: string;
}

/** One redirect: from an alias to the article's URL. */
export interface Redirect {
  from: string;
  to: string;
  status: 301;
}

/** Every article that keeps its URL: published ones, and withdrawn ones (their tombstones). */
function articlesWithPages(archive: Pick<Archive, "articles" | "withdrawn">): ArticleSummary[] {
  return [...archive.articles, ...(archive.withdrawn ?? [])];
}

/** Alias → its article, for every alias of every article with a page (a later article's alias wins). */
function aliasArticles(archive: Pick<Archive, "articles" | "withdrawn">): Map<string, ArticleSummary> {
  const articles = new Map<string, ArticleSummary>();
  for (const article of articlesWithPages(archive)) for (const alias of article.aliases ?? []) articles.set(alias, article);
  return articles;
}

/** Every alias with its article, ordered by alias so the files are the same on every run. */
function sortedAliases(archive: Pick<Archive, "articles" | "withdrawn">): [alias: string, article: ArticleSummary][] {
  return [...aliasArticles(archive)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Alias → the article's site-relative URL, for every alias of every article with a page. For
 * link rewriting: a body that links to an old address links to the article instead.
 * @example aliasTargets(archive).get("/old/harbour-budget/") // "/2023/02/18/harbour-budget/"
 */
export function aliasTargets(archive: Pick<Archive, "articles" | "withdrawn">): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [alias, article] of aliasArticles(archive)) targets.set(alias, article.url);
  return targets;
}

/**
 * Every redirect, ordered by alias so the files are the same on every run.
 * @example redirects(archive)[0] // { from: "/old/harbour-budget/", to: "/2023/02/18/harbour-budget/", status: 301 }
 */
export function redirects(archive: Pick<Archive, "articles" | "withdrawn">): Redirect[] {
  return sortedAliases(archive).map(([from, article]) => ({ from, to: article.url, status: 301 as const }));
}

/**
 * The redirect pages: one per alias that a static file can answer (not `/?p=12`).
 * @example redirectPages(archive).map((p) => p.path) // ["old/harbour-budget/index.html"]
 */
export function redirectPages(archive: Pick<Archive, "articles" | "withdrawn">): RedirectPage[] {
  const pages: RedirectPage[] = [];
  for (const [from, article] of sortedAliases(archive)) {
    const path = aliasPagePath(from);
    if (path !== undefined) pages.push({ kind: "redirect", url: `/${path.replace(/(^|\/)index\.html$/, "$1")}`, alias: from, path, target: article.url, title: article.title });
  }
  return pages;
}

/**
 * The `_redirects` file: `FROM TO 301` per alias without a query, paths carrying the site's
 * base path. (Hosts that match queries do it in syntaxes of their own: those aliases are
 * listed in redirects.json only.)
 * @example redirectsFileText([{ from: "/old/", to: "/2023/02/18/a/", status: 301 }], "") // "/old/ /2023/02/18/a/ 301\n"
 */
export function redirectsFileText(list: readonly Redirect[], basePath: string): string {
  const header = "# Written by gazette build from the articles' aliases.\n";
  const lines = list.filter((r) => !r.from.includes("?")).map((r) => `${withBase(basePath, encodedAlias(r.from))} ${withBase(basePath, r.to)} ${r.status}\n`);
  return header + lines.join("");
}

/**
 * `redirects.json`: every redirect with the paths as served (base path included).
 * @example JSON.parse(redirectsJsonText(list, "")).redirects[0].from // "/old/"
 */
export function redirectsJsonText(list: readonly Redirect[], basePath: string): string {
  const entries = list.map((r) => ({ from: withBase(basePath, encodedAlias(r.from)), to: withBase(basePath, r.to), status: r.status }));
  return `${JSON.stringify({ redirects: entries }, null, 2)}\n`;
}
