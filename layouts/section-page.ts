/**
 * A page of a section's index: newest first, with links to its sub-sections and the pager.
 */
import type { ArticleSummary, Section } from "../src/model.ts";
import type { Page } from "../src/archive/pagination.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html } from "./html.ts";
import { breadcrumb, pager, teaserList } from "./partials.ts";
import { breadcrumbLd, collectionPageLd } from "../src/syndication/json-ld.ts";

/**
 * Renders one page of a section index.
 * @example sectionPage(ctx, section, page) // "<!doctype html>…<h1>Europe</h1>…"
 */
export function sectionPage(ctx: RenderContext, section: Section, page: Page<ArticleSummary>): string {
  const { labels } = ctx;
  const ld = { site: ctx.site, sections: ctx.sections, absolute: ctx.absolute, homeName: labels.home };
  const children = section.children.map((id) => ctx.sections.get(id)!);
  const heading = page.number > 1 ? `${section.title} · ${labels.pageOf(page.number, page.total)}` : section.title;
  const main = html`<header class="section-header">
${section.parentId ? breadcrumb(ctx, ctx.sections.get(section.parentId)!, false) : ""}
<h1>${heading}</h1>
${children.length ? html`<nav class="subsections" aria-label="${labels.subsections}"><ul>${children.map((child) => html`<li><a href="${ctx.link(child.url)}">${child.title}</a></li>`)}</ul></nav>` : ""}
</header>
${page.items.length ? teaserList(ctx, page.items, 2, children.length > 0) : html`<p class="empty">${labels.noArticles}</p>`}
${pager(ctx, page)}`;
  return basePage(ctx, {
    title: page.number > 1 ? `${section.title}, ${labels.pageOf(page.number, page.total)}` : section.title,
    url: page.url,
    currentSection: section.lineage[0],
    head: { feedSection: section, jsonLd: [collectionPageLd(ld, section.title, page.url), breadcrumbLd(ld, section)] },
    main,
  });
}
