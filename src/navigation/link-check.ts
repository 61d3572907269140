/**
 * The link check: every internal link in every article's text (to a page, a file, an anchor,
 * another article's source file) is checked against what the build writes. A link that
 * leads nowhere is a `link-broken` warning (an error under `--strict`) with its file, line
 * and the nearest existing address.
 *
 * What counts as existing: a path the build writes (`/politics/` is `politics/index.html`,
 * `/feed.xml` is itself). A fragment is checked only on article pages, whose ids are known
 * without rendering: `main`, `headline`, `related-heading` and one per update note
 * (`update-N` / `correction-N`, numbered oldest first across both kinds, as the page numbers
 * them). Ids inside bodies (none today: headings get no ids) and fragments on other pages
 * are not checked.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import { nearest } from "../content/suggest.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import type { ArticleLink } from "./body-links.ts";
import { linkParts, resolveArticleLink, sourcePathOf, type LinkTargets } from "./article-links.ts";

/** One published article as the check sees it. */
export interface CheckedArticle {
  file: string;
  url: string;
  updates: readonly { kind: string }[];
  links: readonly ArticleLink[];
}

/** Ids every article page has besides its update notes. */
export const ARTICLE_PAGE_IDS = ["main", "headline", "related-heading"];

/**
 * The ids of an article page that links may point at.
 * @example articleIds([{ kind: "correction" }, { kind: "update" }]) // ["main", "headline", "related-heading", "correction-2", "update-1"]
 */
export function articleIds(updates: readonly { kind: string }[]): string[] {
  // Newest first in the model; the page numbers them oldest = 1.
  return [...ARTICLE_PAGE_IDS, ...updates.map((u, i) => `${u.kind}-${updates.length - i}`)];
}

/**
 * Every broken link of `articles`, as warnings.
 * @example brokenLinks(articles, ["index.html", "2023/01/02/a/index.html"], targets) // [link-broken on a.md:7, …]
 */
export function brokenLinks(articles: readonly CheckedArticle[], outputs: readonly string[], targets: LinkTargets): ContentIssue[] {
  const written = new Set(outputs);
  // What only a fragment or a broken link needs is made when the first one asks: most
  // archives have neither, and each is a pass over the whole archive or every output.
  let byUrl: Map<string, CheckedArticle> | undefined;
  const articleAt = (url: string) => (byUrl ??= new Map(articles.map((a) => [a.url, a]))).get(url);
  let addresses: string[] | undefined;
  let sources: string[] | undefined;
  const issues: ContentIssue[] = [];
  for (const article of articles) {
    for (const link of article.links) {
      const problem = checkLink(link.href, article, { written, articleAt, targets });
      if (!problem) continue;
      addresses ??= outputs.map((o) => `/${o.replace(/(^|\/)index\.html$/, "$1")}`);
      sources ??= [...targets.keys()].filter((key) => !key.startsWith("/"));
      const near = problem.near ?? nearestAddress(problem.path, addresses, sources, targets);
      issues.push(
        contentIssue("link-broken", { file: article.file, line: link.line, column: 1 }, `The link ${link.href} leads nowhere: ${problem.why}.`, near ? { hint: `The nearest existing address is ${near}.` } : {}),
      );
    }
  }
  return issues;
}

interface Known {
  written: ReadonlySet<string>;
  articleAt: (url: string) => CheckedArticle | undefined;
  targets: LinkTargets;
}

interface Problem {
  why: string;
  /** The site path or source path looked for, for the nearest match. */
  path: string;
  near?: string;
}

function checkLink(href: string, article: CheckedArticle, known: Known): Problem | undefined {
  const parts = linkParts(href);
  if (!parts) return undefined;
  const resolved = resolveArticleLink(href, article.file, known.targets);
  const source = sourcePathOf(parts.path, article.file);
  if (resolved === undefined && source !== undefined) return { why: `no published article has the source file ${source}`, path: source };
  let url: URL;
  try {
    url = new URL(resolved ?? href, `https://site.invalid${article.url}`);
  } catch {
    return { why: "it is not a valid address", path: href };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  if (!exists(path, known.written)) return { why: `the site has no page or file ${path}`, path };
  const fragment = url.hash.slice(1);
  const target = fragment ? known.articleAt(path.endsWith("/") ? path : `${path}/`) : undefined;
  if (target) {
    const ids = articleIds(target.updates);
    if (!ids.includes(fragment)) return { why: `the page ${path} has no id "${fragment}"`, path, near: `${path}#${nearest(fragment, ids) ?? "main"}` };
  }
  return undefined;
}

function exists(path: string, written: ReadonlySet<string>): boolean {
  const file = outputPathFor(path);
  return written.has(file) || written.has(`${file}/index.html`);
}

/** The nearest address to `path`; for a source path, the URL of the nearest source file. */
function nearestAddress(path: string, addresses: readonly string[], sources: readonly string[], targets: LinkTargets): string | undefined {
  if (/\.(md|markdown)$/i.test(path)) {
    const name = path.split("/").pop();
    const sameName = sources.find((s) => s.split("/").pop() === name);
    const source = sameName ?? nearest(path, sameLength(path, sources));
    return source === undefined ? undefined : targets.get(source);
  }
  // Nearby addresses first (the same year and month for an article), then all of similar length.
  const prefix = `${path.split("/").slice(0, 3).join("/")}/`;
  return nearest(path, addresses.filter((a) => a.startsWith(prefix))) ?? nearest(path, sameLength(path, addresses));
}

/**
 * Candidates whose length is within `nearest`'s reach of `value`'s (a length difference is a
 * lower bound of the edit distance), so a broken link in a 100,000-article archive is not
 * compared with every address.
 */
function sameLength(value: string, candidates: readonly string[]): string[] {
  const reach = Math.max(2, Math.floor(value.length / 3));
  return candidates.filter((c) => Math.abs(c.length - value.length) <= reach);
}
