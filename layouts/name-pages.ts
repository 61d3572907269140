/**
 * Topics and authors: an index of every name with its count, and a paginated page of each
 * name's articles (an author's with what site.yml says about them).
 */
import type { AuthorPage, AuthorsIndexPage, NameCount, TopicPage, TopicsIndexPage } from "../src/navigation/navigation-pages.ts";
import { collectionPageLd } from "../src/syndication/json-ld.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";
import { pager, teaserList } from "./partials.ts";
import { pagedTitle, trail } from "./navigation-partials.ts";

function shell(ctx: RenderContext, title: string, url: string, main: Html, feed?: { url: string; title: string }): string {
  const ld = { site: ctx.site, sections: ctx.sections, absolute: ctx.absolute, homeName: ctx.labels.home };
  return basePage(ctx, { title, url, head: { ...(feed ? { feedSection: feed } : {}), jsonLd: [collectionPageLd(ld, title, url)] }, main });
}

/** A list of names, each linked, with its count. */
function nameList(ctx: RenderContext, names: readonly NameCount[], empty: string): Html {
  if (!names.length) return html`<p class="empty">${empty}</p>`;
  return html`<ul class="name-list">${names.map((n) => html`<li><a href="${ctx.link(n.url)}">${n.name}</a> <span class="count">${ctx.labels.articleCount(n.count)}</span></li>`)}</ul>`;
}

/** An index of names (`/topics/`, `/authors/`): the heading, then every name with its count. */
function nameIndex(ctx: RenderContext, url: string, heading: string, names: Parameters<typeof nameList>[1], empty: string): string {
  const main = html`<header class="section-header">
${trail(ctx, [{ url, title: heading }])}
<h1>${heading}</h1>
</header>
${nameList(ctx, names, empty)}`;
  return shell(ctx, heading, url, main);
}

/**
 * `/topics/`: every topic with its count.
 * @example topicsIndexLayout(ctx, page) // "…<h1>Topics</h1>…"
 */
export function topicsIndexLayout(ctx: RenderContext, page: TopicsIndexPage): string {
  return nameIndex(ctx, page.url, ctx.labels.topics, page.topics, ctx.labels.noTopics);
}

/**
 * A page of one topic's articles.
 * @example topicPageLayout(ctx, page) // "…<h1>Brexit</h1>…"
 */
export function topicPageLayout(ctx: RenderContext, page: TopicPage): string {
  const { labels } = ctx;
  const { topic } = page;
  const main = html`<header class="section-header">
${trail(ctx, [{ url: "/topics/", title: labels.topics }, { url: topic.url, title: topic.name }])}
<h1>${pagedTitle(ctx, topic.name, page.page)}</h1>
</header>
${teaserList(ctx, page.page.items)}
${pager(ctx, page.page)}`;
  return shell(ctx, pagedTitle(ctx, topic.name, page.page), page.url, main, { url: topic.url, title: topic.name });
}

/**
 * `/authors/`: every author with their count.
 * @example authorsIndexLayout(ctx, page) // "…<h1>Authors</h1>…"
 */
export function authorsIndexLayout(ctx: RenderContext, page: AuthorsIndexPage): string {
  return nameIndex(ctx, page.url, ctx.labels.authors, page.authors, ctx.labels.noAuthors);
}

/**
 * A page of one author's articles, led by their bio and link from site.yml when it has them.
 * @example authorPageLayout(ctx, page) // "…<h1>Ana Ruiz</h1><p class="author__bio">…"
 */
export function authorPageLayout(ctx: RenderContext, page: AuthorPage): string {
  const { labels } = ctx;
  const { author } = page;
  const profile = author.profile;
  const main = html`<header class="section-header">
${trail(ctx, [{ url: "/authors/", title: labels.authors }, { url: author.url, title: author.name }])}
<h1>${pagedTitle(ctx, author.name, page.page)}</h1>
${profile?.bio ? html`<p class="author__bio">${profile.bio}</p>` : ""}
${profile?.url ? html`<p class="author__link"><a href="${profile.url}" rel="me">${labels.website}</a></p>` : ""}
</header>
${teaserList(ctx, page.page.items)}
${pager(ctx, page.page)}`;
  return shell(ctx, pagedTitle(ctx, author.name, page.page), page.url, main, { url: author.url, title: author.name });
}
