/**
 * Small pieces several layouts share: times, breadcrumbs, teasers, the pager.
 */
import type { DateTime } from "luxon";
import { isoDateTime } from "../src/content/dates.ts";
import { formatShortDate } from "../src/render/format-dates.ts";
import type { ArticleSummary, Section } from "../src/model.ts";
import type { Page } from "../src/archive/pagination.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";
import { teaserImage } from "./lead-figure.ts";

/**
 * A `<time>` element whose machine-readable value carries the site's offset.
 * @example timeElement(dt, "Saturday, February 18") // <time datetime="2023-02-18T14:16:00+01:00">…</time>
 */
export function timeElement(date: DateTime, text: string): Html {
  return html`<time datetime="${isoDateTime(date)}">${text}</time>`;
}

/**
 * The trail from the front page down to a section (the last item is marked current when it is
 * the page itself).
 */
export function breadcrumb(ctx: RenderContext, section: Section, sectionIsPage: boolean): Html {
  const items = section.lineage.map((id, i) => {
    const crumb = ctx.sections.get(id)!;
    const current = sectionIsPage && i === section.lineage.length - 1;
    return html`<li><a href="${ctx.link(crumb.url)}"${current ? html` aria-current="page"` : ""}>${crumb.title}</a></li>`;
  });
  return html`<nav class="breadcrumb" aria-label="${ctx.labels.breadcrumb}"><ol><li><a href="${ctx.link("/")}">${ctx.labels.home}</a></li>${items}</ol></nav>`;
}

// An article's teaser is the same on every list that shows it (its sections', its dates',
// its topics' and authors' pages: ten or so at 20,000 articles), so it is made once per render
// context (one per Eleventy run or worker thread) and variant.
const teasers = new WeakMap<RenderContext, Map<ArticleSummary, Html>[]>();

/** One article in a list: headline, date, section, "Updated" marker and summary. */
export function teaser(ctx: RenderContext, article: ArticleSummary, headingLevel: 2 | 3 = 2, showSection = true): Html {
  let variants = teasers.get(ctx);
  if (!variants) teasers.set(ctx, (variants = []));
  const made = (variants[(headingLevel - 2) * 2 + Number(showSection)] ??= new Map());
  let markup = made.get(article);
  if (!markup) made.set(article, (markup = teaserOf(ctx, article, headingLevel, showSection)));
  return markup;
}

function teaserOf(ctx: RenderContext, article: ArticleSummary, headingLevel: 2 | 3, showSection: boolean): Html {
  const section = ctx.sections.get(article.sectionId)!;
  const headline = html`<a href="${ctx.link(article.url)}">${article.title}</a>`;
  return html`<article class="teaser">
${headingLevel === 2 ? html`<h2 class="teaser__headline">${headline}</h2>` : html`<h3 class="teaser__headline">${headline}</h3>`}
<p class="teaser__meta">${timeElement(article.date, formatShortDate(article.date, ctx.site.language))}${
    showSection ? html` · <a href="${ctx.link(section.url)}">${section.title}</a>` : ""
  }${article.lastUpdated ? html` · <span class="badge">${ctx.labels.updated}</span>` : ""}</p>
${teaserImage(ctx, article.image)}
${article.summary ? html`<p class="teaser__summary">${article.summary}</p>` : ""}
</article>`;
}

/** A list of teasers. */
export function teaserList(ctx: RenderContext, articles: readonly ArticleSummary[], headingLevel: 2 | 3 = 2, showSection = true): Html {
  return html`<ol class="teasers">${articles.map((a) => html`<li>${teaser(ctx, a, headingLevel, showSection)}</li>`)}</ol>`;
}

/** Newer/older links between the pages of a list; nothing when there is one page. */
export function pager(ctx: RenderContext, page: Page<unknown>): Html | "" {
  if (page.total < 2) return "";
  const { labels } = ctx;
  return html`<nav class="pager" aria-label="${labels.pagination}">
${page.previousUrl ? html`<a class="pager__newer" rel="prev" href="${ctx.link(page.previousUrl)}">${labels.newer}</a>` : ""}
<span class="pager__position">${labels.pageOf(page.number, page.total)}</span>
${page.nextUrl ? html`<a class="pager__older" rel="next" href="${ctx.link(page.nextUrl)}">${labels.older}</a>` : ""}
</nav>`;
}
