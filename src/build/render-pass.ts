/**
 * Between indexing and pass 2 of the article stage: what each article page is rendered with
 * (its navigation and resolved links), which pages a warm build must render again, and the
 * link check over every article's links (kept in the cache, so nothing is re-read for it).
 *
 * A page is rendered again only when its render digest changed: the hash of the file's
 * content, the navigation the page shows (previous, next, related: URL, title, date), the
 * URLs its links to other articles resolve to, its images (an image edited beside an unchanged
 * article changes the variants its page names), and the build's cache key (site, stylesheet,
 * code, options). One edit thus renders the edited article and the few pages that link to it
 * through previous, next, related or a link in their text.
 */
import { hash as oneShotHash } from "node:crypto";
import type { Archive, ArticleSummary } from "../model.ts";
import type { ArticleNav, NavLink } from "../navigation/article-nav.ts";
import { pageOf, publishingState } from "../publishing/publishing-state.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import { articleNavigation } from "../navigation/article-nav.ts";
import { linkTargets, resolveArticleLink, type LinkTargets } from "../navigation/article-links.ts";
import { brokenLinks } from "../navigation/link-check.ts";
import type { CacheEntry, PageView } from "./build-cache.ts";
import type { ArticleRecord } from "../archive/article-record.ts";
import type { RenderJob } from "./render-article.ts";
import type { ArticleLink } from "../navigation/body-links.ts";

/**
 * The pages to render: every published article whose render digest differs from the one its
 * cache entry recorded. Records the new digest in `entries` (a new object per entry).
 * @example renderJobs(archive, entries, key).length // 1 after one edit
 */
export function renderJobs(
  archive: Archive,
  entries: Record<string, CacheEntry>,
  key: string,
  nowMs: number,
  preview: boolean,
  targets: LinkTargets = linkTargets(archive),
  nav: readonly ArticleNav[] = articleNavigation(archive),
): RenderJob[] {
  const jobs: RenderJob[] = [];
  const pages: { article: ArticleSummary; nav: ArticleNav }[] = [
    ...archive.articles.map((article, i) => ({ article, nav: nav[i] })),
    // A tombstone shows no navigation: the article has left every list.
    ...(archive.withdrawn ?? []).map((article) => ({ article, nav: { related: [] } as ArticleNav })),
  ];
  pages.forEach(({ article, nav: shown }) => {
    const entry = entries[article.file];
    // The page's kind (article, preview with its banner, tombstone) follows from the state now.
    const state = publishingState(entry.record!, nowMs);
    const page = pageOf(state, preview)!;
    const view: PageView = { nav: shown, resolved: resolvedLinks(entry.links, article.file, targets), page, state };
    const digest = renderDigest(key, entry.hash, entry.record!, view);
    if (digest === entry.rendered) return;
    entries[article.file] = { ...entry, rendered: digest, view };
    jobs.push(renderJob(article.file, entries[article.file]));
  });
  return jobs;
}

/**
 * The render digest of a page: its file's content hash, its images, what it shows besides
 * (its view) and the build's key. The digest of an unchanged page is the one its entry keeps.
 * @example renderDigest(key, "3f2a…", record, view) // "9c1e…" (40 hex digits)
 */
export function renderDigest(key: string, hash: string, record: ArticleRecord, view: PageView): string {
  const { nav } = view;
  let related = "";
  for (let i = 0; i < nav.related.length; i++) related += (i ? "," : "") + linkDigest(nav.related[i]);
  const text = `${JSON.stringify([key, hash, record.media ?? null, view.page, view.state, view.resolved])},${linkDigest(nav.previous)},${linkDigest(nav.next)},[${related}]`;
  // One call rather than a Hash object: about twice as fast for a text this short, and this
  // runs for every page of the archive on every full build.
  return oneShotHash("sha1", text);
}

/**
 * Each link's digest (of its JSON), made once: a full build's navigation shares one link per
 * article among every page that shows it, so a page's text holds a digest per link rather than
 * the link's headline, URL and date again (at 100,000 articles, 316 MB of texts a build).
 */
const linkDigests = new WeakMap<NavLink, string>();

function linkDigest(link: NavLink | undefined): string {
  if (!link) return "null";
  let digest = linkDigests.get(link);
  if (digest === undefined) linkDigests.set(link, (digest = oneShotHash("sha1", JSON.stringify(link))));
  return digest;
}

/**
 * The job that renders an entry's page as its view says.
 * @example renderJob("2023/a.md", entry).page // "article"
 */
export function renderJob(file: string, entry: CacheEntry): RenderJob {
  const view = entry.view!;
  return { file, record: entry.record!, ...(entry.dateline === undefined ? {} : { dateline: entry.dateline }), nav: view.nav, resolved: view.resolved, page: view.page, ...(view.page === "preview" ? { state: view.state as "draft" | "embargoed" } : {}) };
}

/**
 * The links of `file`'s text that name another article, as written → the URL they lead to.
 * @example resolvedLinks([{ href: "b.md", line: 3 }], "2023/a.md", targets) // { "b.md": "/2023/01/02/b/" }
 */
export function resolvedLinks(links: readonly ArticleLink[] | undefined, file: string, targets: LinkTargets): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const link of links ?? []) {
    const url = resolveArticleLink(link.href, file, targets);
    if (url !== undefined) resolved[link.href] = url;
  }
  return resolved;
}

/**
 * The link check of every published article of `archive`, from the links its cache entry
 * keeps, against `outputs` (every file the build writes).
 * @example checkArchiveLinks(archive, entries, outputs) // [link-broken warnings]
 */
export function checkArchiveLinks(archive: Archive, entries: Record<string, Pick<CacheEntry, "links">>, outputs: readonly string[], targets: LinkTargets = linkTargets(archive)): ContentIssue[] {
  const articles = archive.articles.map((a) => ({ file: a.file, url: a.url, updates: a.updates, links: entries[a.file]?.links ?? [] }));
  return brokenLinks(articles, outputs, targets);
}

/**
 * Under `--strict`, warnings are errors.
 * @example strictIssues([warning]) // [the same issue with severity "error"]
 */
export function strictIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return issues.map((issue) => (issue.severity === "warning" ? { ...issue, severity: "error" as const } : issue));
}
