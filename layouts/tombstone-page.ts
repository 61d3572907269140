/**
 * The page that stays at a withdrawn article's URL: when and why it was withdrawn, and a way on
 * to its section. Never indexed; the article's text is gone from it.
 */
import { formatDateTime } from "../src/render/format-dates.ts";
import type { ArticleSummary } from "../src/model.ts";
import { publishingLabels } from "../src/publishing/publishing-labels.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html } from "./html.ts";
import { breadcrumb, timeElement } from "./partials.ts";

/**
 * Renders the tombstone of a withdrawn article.
 * @example tombstonePage(ctx, article) // "<!doctype html>…This article was withdrawn on …"
 */
export function tombstonePage(ctx: RenderContext, article: ArticleSummary & { withdrawn: NonNullable<ArticleSummary["withdrawn"]> }): string {
  const labels = publishingLabels(ctx.site.language);
  const section = ctx.sections.get(article.sectionId)!;
  const when = timeElement(article.withdrawn.at, formatDateTime(article.withdrawn.at, ctx.site.language));
  const [before, after] = labels.withdrawnOn("\u0000").split("\u0000");
  return basePage(ctx, {
    title: `${labels.withdrawnTitle}: ${article.title}`,
    url: article.url,
    currentSection: section.lineage[0],
    noindex: true,
    main: html`<article class="tombstone" aria-labelledby="headline">
${breadcrumb(ctx, section, false)}
<h1 id="headline">${labels.withdrawnTitle}: ${article.title}</h1>
<p class="tombstone__when">${before}${when}${after}</p>
<p class="tombstone__reason"><strong>${labels.reason}:</strong> ${article.withdrawn.reason}</p>
<p><a href="${ctx.link(section.url)}">${labels.moreIn(section.title)}</a></p>
</article>`,
  });
}
