/**
 * The front page: the newest stories, then the newest few of each top-level section.
 */
import type { FrontPage } from "../src/archive/site-pages.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html } from "./html.ts";
import { teaser, teaserList } from "./partials.ts";
import { webSiteLd } from "../src/syndication/json-ld.ts";

/**
 * Renders the front page.
 * @example frontPageLayout(ctx, frontPage(archive)) // "<!doctype html>…"
 */
export function frontPageLayout(ctx: RenderContext, page: FrontPage): string {
  const { labels } = ctx;
  const [lead, ...rest] = page.latest;
  const main = html`<h1 class="visually-hidden">${ctx.site.title}</h1>
<section class="front-lead" aria-labelledby="latest">
<h2 id="latest" class="front__heading">${labels.latest}</h2>
${lead ? html`<div class="front-lead__top">${teaser(ctx, lead, 3)}</div>` : html`<p class="empty">${labels.noArticles}</p>`}
${rest.length ? teaserList(ctx, rest, 3) : ""}
</section>
${page.blocks.map(
  ({ section, articles }) => html`<section class="front-block" aria-labelledby="block-${section.id}">
<h2 id="block-${section.id}" class="front__heading"><a href="${ctx.link(section.url)}">${section.title}</a></h2>
${teaserList(ctx, articles, 3, section.children.length > 0)}
<p class="front-block__more"><a href="${ctx.link(section.url)}">${labels.moreIn(section.title)}</a></p>
</section>`,
)}`;
  const ld = { site: ctx.site, sections: ctx.sections, absolute: ctx.absolute, homeName: labels.home };
  return basePage(ctx, { url: "/", head: { jsonLd: [webSiteLd(ld)] }, main });
}
