/**
 * Below an article: the previous and next article of its section, and its related articles
 * (src/navigation/article-nav.ts decides which).
 */
import { DateTime } from "luxon";
import { siteZone } from "../src/content/zone-cache.ts";
import { formatShortDate } from "../src/render/format-dates.ts";
import type { ArticleNav, NavLink } from "../src/navigation/article-nav.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";
import { timeElement } from "./partials.ts";

/**
 * The navigation block; nothing when there is nothing to link.
 * @example articleNav(ctx, { previous: { url: "/2023/01/01/a/", title: "A", date: 0 }, related: [] })
 */
export function articleNav(ctx: RenderContext, nav: ArticleNav | undefined): Html | "" {
  if (!nav || (!nav.previous && !nav.next && !nav.related.length)) return "";
  const { labels } = ctx;
  const steps = nav.previous || nav.next
    ? html`<nav class="story-nav" aria-label="${labels.previousAndNext}"><ul class="story-nav__steps">
${nav.previous ? html`<li class="story-nav__previous"><span class="story-nav__label">${labels.previousArticle}</span> <a rel="prev" href="${ctx.link(nav.previous.url)}">${nav.previous.title}</a> ${date(ctx, nav.previous)}</li>` : ""}
${nav.next ? html`<li class="story-nav__next"><span class="story-nav__label">${labels.nextArticle}</span> <a rel="next" href="${ctx.link(nav.next.url)}">${nav.next.title}</a> ${date(ctx, nav.next)}</li>` : ""}
</ul></nav>`
    : "";
  const related = nav.related.length
    ? html`<aside class="related" aria-labelledby="related-heading"><h2 id="related-heading" class="related__heading">${labels.related}</h2>
<ul class="related__list">${nav.related.map((item) => html`<li><a href="${ctx.link(item.url)}">${item.title}</a> ${date(ctx, item)}</li>`)}</ul>
</aside>`
    : "";
  return html`${steps}
${related}`;
}

// An article is linked from several pages (previous of one, next of another, related to a few
// more): its date is formatted once per site settings (zone, language) and instant.
const dates = new WeakMap<RenderContext["site"], Map<number, Html>>();

function date(ctx: RenderContext, item: NavLink): Html {
  let made = dates.get(ctx.site);
  if (!made) dates.set(ctx.site, (made = new Map()));
  let markup = made.get(item.date);
  if (!markup) {
    const when = DateTime.fromMillis(item.date, { zone: siteZone(ctx.site.timeZone) });
    made.set(item.date, (markup = html`<span class="story-nav__date">${timeElement(when, formatShortDate(when, ctx.site.language))}</span>`));
  }
  return markup;
}
