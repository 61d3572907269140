/**
 * An article page: breadcrumb, headline, summary, byline, publication time, then the update
 * blocks (newest first) above the body, as a newsroom shows them.
 */
import { lastModified } from "../src/archive/update-notes.ts";
import { correctionsPageUrl } from "../src/archive/site-pages.ts";
import { breadcrumbLd, newsArticleLd } from "../src/syndication/json-ld.ts";
import { formatDate, formatDateTime, formatUpdateTime } from "../src/render/format-dates.ts";
import type { Article, Update } from "../src/model.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html, trusted, type Html } from "./html.ts";
import { breadcrumb, timeElement } from "./partials.ts";
import { previewBanner } from "./preview-banner.ts";
import { articleNav } from "./article-nav.ts";
import type { ArticleNav } from "../src/navigation/article-nav.ts";
import { dayUrlOf } from "../src/navigation/date-periods.ts";
import { topicUrl } from "../src/navigation/topics.ts";
import { authorUrl } from "../src/navigation/authors.ts";
import { articleSearchAttributes } from "../src/search/page-attributes.ts";
import { leadFigure } from "./lead-figure.ts";

/**
 * Renders the page of one article; a preview of an unpublished one carries the "Not
 * published" banner and `noindex`.
 * @example articlePage(ctx, article) // "<!doctype html>…<h1 …>Headline</h1>…"
 */
export function articlePage(ctx: RenderContext, article: Article, nav?: ArticleNav, preview?: "draft" | "embargoed"): string {
  const { labels } = ctx;
  const language = ctx.site.language;
  const section = ctx.sections.get(article.sectionId)!;
  const published = article.dateHasTime ? formatDateTime(article.date, language) : formatDate(article.date, language);
  const search = articleSearchAttributes(article, section).map(([name, value]) => html` ${trusted(name)}="${value}"`);
  const main = html`${preview ? previewBanner(ctx, article, preview) : ""}<article class="story" aria-labelledby="headline"${search}>
<header class="story__header">
${breadcrumb(ctx, section, false)}
<h1 id="headline" class="story__headline">${article.title}</h1>
${article.summary ? html`<p class="story__summary">${article.summary}</p>` : ""}
${byline(ctx, article.authors)}
<p class="story__time">${labels.published} <a href="${ctx.link(dayUrlOf(article.date))}">${timeElement(article.date, published)}</a></p>
${article.lastUpdated ? html`<p class="story__time story__time--updated">${labels.lastUpdated} ${timeElement(article.lastUpdated, formatDateTime(article.lastUpdated, language))}</p>` : ""}
</header>
${leadFigure(ctx, article.image)}
${updateBlocks(ctx, article)}
<div class="story__body">
${storyBody(ctx, article)}
</div>
${article.tags.length ? html`<footer class="story__footer"><p class="story__tags">${labels.topics}: ${article.tags.map((tag, i) => html`${i ? ", " : ""}<a class="tag" href="${ctx.link(topicUrl(tag))}">${tag}</a>`)}</p></footer>` : ""}
</article>
${articleNav(ctx, nav)}`;
  const ld = { site: ctx.site, sections: ctx.sections, absolute: ctx.absolute, homeName: labels.home };
  return basePage(ctx, {
    title: article.title,
    description: article.summary,
    url: article.url,
    currentSection: section.lineage[0],
    head: {
      image: article.image,
      article: { published: article.date, modified: lastModified(article), section: section.title, tags: article.tags },
      feedSection: section,
      jsonLd: [newsArticleLd(ld, article), breadcrumbLd(ld, section)],
    },
    noindex: preview !== undefined,
    main,
  });
}

/**
 * The body, with the dateline leading into the first paragraph as papers print it
 * ("LAKEFORD – The council …"); a body that opens with something else gets it on its own line.
 */
function storyBody(ctx: RenderContext, article: Article): Html {
  const rendered = ctx.markdown.render(article.body, { images: article.bodyImages, settings: ctx.site.images });
  if (!article.dateline) return trusted(rendered);
  const dateline = html`<span class="dateline">${article.dateline}</span>`;
  return rendered.startsWith("<p>")
    ? html`<p>${dateline} – ${trusted(rendered.slice(3))}`
    : html`<p>${dateline}</p>
${trusted(rendered)}`;
}

function byline(ctx: RenderContext, authors: readonly string[]): Html | "" {
  if (!authors.length) return "";
  const names = authors.map((name, i) => {
    const separator = i === 0 ? "" : i === authors.length - 1 ? ` ${ctx.labels.and} ` : ", ";
    return html`${separator}<a class="story__author" href="${ctx.link(authorUrl(name))}" data-pagefind-filter="author">${name}</a>`;
  });
  return html`<p class="story__byline">${ctx.labels.by} ${names}</p>`;
}

function updateBlocks(ctx: RenderContext, article: Article): Html | "" {
  if (!article.updates.length) return "";
  const count = article.updates.length;
  return html`<section class="updates" aria-label="${ctx.labels.updatesHeading}">
${article.updates.map((update, i) => updateBlock(ctx, article, update, count - i))}
</section>
${article.updates.some((u) => u.kind === "correction") ? html`<p class="updates__corrections"><a href="${ctx.link(correctionsPageUrl())}">${ctx.labels.allCorrections}</a></p>` : ""}`;
}

/**
 * One update: its label and time lead into the note's first paragraph, as printed in the
 * paper ("Update from Saturday, February 18, 2:16 p.m.: …"). Numbered oldest = 1, so anchors
 * stay stable when newer updates are added.
 */
function updateBlock(ctx: RenderContext, article: Article, update: Update, number: number): Html {
  const word = update.kind === "correction" ? ctx.labels.correction : ctx.labels.update;
  const when = formatUpdateTime(update.at, article.date, ctx.site.language);
  const label = html`<strong class="update__label">${word} ${timeElement(update.at, when)}:</strong> `;
  const rendered = ctx.markdown.render(update.text);
  const body = rendered.startsWith("<p>")
    ? html`<p>${label}${trusted(rendered.slice(3))}`
    : html`<p>${label}</p>${trusted(rendered)}`;
  return html`<div class="update update--${update.kind}" id="${update.kind}-${number}">
${body}</div>
`;
}
