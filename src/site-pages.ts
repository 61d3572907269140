/**
 * Every page the site has, as plain data: the list Eleventy paginates over, one entry per
 * output file. Pure and ordered, so the output is the same on every run.
 */
import type { Archive, Article, Section } from "./model.ts";
import { paginate, type Page } from "./pagination.ts";
import { sectionPageUrl } from "./permalinks.ts";
import { topLevelSections } from "./sections.ts";

/** The front page's lead stories and its blocks per top-level section. */
export interface FrontPage {
  kind: "front";
  url: "/";
  latest: Article[];
  blocks: { section: Section; articles: Article[] }[];
}

/** One output page of the site. */
export type SitePage =
  | FrontPage
  | { kind: "article"; url: string; article: Article }
  | { kind: "section"; url: string; section: Section; page: Page<Article> }
  | { kind: "not-found"; url: "/404.html" };

/**
 * Lists every page: front page, section pages, article pages, then the 404 page.
 * @example sitePages(archive).map((p) => p.url) // ["/", "/politics/", …, "/2023/02/18/slug/", …, "/404.html"]
 */
export function sitePages(archive: Archive): SitePage[] {
  const pages: SitePage[] = [frontPage(archive)];
  for (const section of archive.sections.values()) {
    const articles = archive.articlesBySection.get(section.id) ?? [];
    for (const page of paginate(articles, archive.site.perPage, (n) => sectionPageUrl(section.id, n))) {
      pages.push({ kind: "section", url: page.url, section, page });
    }
  }
  for (const article of archive.articles) pages.push({ kind: "article", url: article.url, article });
  pages.push({ kind: "not-found", url: "/404.html" });
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
