/**
 * Indexing: from validated articles to the Archive the render stage reads. Pure; the order of
 * everything is fixed here so that output never depends on the order files were found in.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { Archive, ArticleSummary, Section, SiteConfig } from "../model.ts";

/**
 * Newest first; equal times fall back to URL so the order is total.
 * @example [b, a].sort(byNewest) // newest first
 */
export function byNewest(a: ArticleSummary, b: ArticleSummary): number {
  return b.date.toMillis() - a.date.toMillis() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/**
 * One issue per article whose URL another article already has, naming both files.
 * @example duplicateUrls([a, sameUrlAsA]) // [url-duplicate issue on the second file]
 */
export function duplicateUrls(articles: readonly Pick<ArticleSummary, "url" | "file" | "slugLine">[]): ContentIssue[] {
  const byUrl = new Map<string, Pick<ArticleSummary, "url" | "file" | "slugLine">[]>();
  for (const article of articles) byUrl.set(article.url, [...(byUrl.get(article.url) ?? []), article]);
  const issues: ContentIssue[] = [];
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    const files = group.map((a) => a.file).sort();
    for (const { file, slugLine } of [...group].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
      const others = files.filter((f) => f !== file).join(", ");
      // An explicit slug is what placed the article here; a derived one comes from the file name.
      issues.push(contentIssue("url-duplicate", { file, line: slugLine ?? 1, column: 1, field: "slug" }, `The URL ${url} is also the URL of ${others}.`));
    }
  }
  return issues;
}

/**
 * Builds the archive index: articles newest first, and each section's articles including its
 * descendants'.
 * @example buildArchive(site, sections, articles).articlesBySection.get("world") // world and world/europe, newest first
 */
export function buildArchive(site: SiteConfig, sections: Map<string, Section>, articles: readonly ArticleSummary[]): Archive {
  const sorted = [...articles].sort(byNewest);
  const articlesBySection = new Map<string, ArticleSummary[]>([...sections.keys()].map((id) => [id, []]));
  for (const article of sorted) {
    for (const id of sections.get(article.sectionId)?.lineage ?? []) articlesBySection.get(id)?.push(article);
  }
  return { site, sections, articles: sorted, articlesBySection };
}
