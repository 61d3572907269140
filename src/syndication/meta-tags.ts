/**
 * The head of every page from one source: description, canonical link, Open Graph and Twitter
 * card tags, feed autodiscovery links and JSON-LD. Layouts say what a page is; this says it in
 * every vocabulary, so the values can never disagree.
 */
import type { DateTime } from "luxon";
import { html, trusted, type Html } from "../../layouts/html.ts";
import { isoDateTime } from "../content/dates.ts";
import type { ArticleImage, Section, SiteConfig } from "../model.ts";
import { absoluteSource } from "./absolute-urls.ts";
import { feedUrls } from "./feed-scopes.ts";
import { scriptJson } from "./script-json.ts";

/** The article facts Open Graph carries. */
export interface ArticleFacts {
  published: DateTime;
  modified: DateTime;
  section: string;
  tags: readonly string[];
}

/** What a page says about itself in its head. */
export interface HeadInfo {
  /** The page's title without the site's name. */
  title: string;
  description: string;
  /** Site-relative; absent for pages without a canonical address (404). */
  url?: string;
  image?: ArticleImage;
  article?: ArticleFacts;
  /** The section whose feeds are announced besides the site's. */
  feedSection?: Pick<Section, "url" | "title">;
  jsonLd?: readonly object[];
}

/** URL helpers the tags need. */
export interface TagContext {
  site: SiteConfig;
  link(url: string): string;
  absolute(url: string): string;
}

function feedLinks(ctx: TagContext, pageUrl: string, name: string): Html {
  const urls = feedUrls(pageUrl);
  return html`<link rel="alternate" type="application/atom+xml" title="${name} (Atom)" href="${ctx.link(urls.atom)}">
<link rel="alternate" type="application/rss+xml" title="${name} (RSS)" href="${ctx.link(urls.rss)}">
<link rel="alternate" type="application/feed+json" title="${name} (JSON Feed)" href="${ctx.link(urls.json)}">`;
}

/**
 * The head elements of a page (after charset, viewport and title).
 * @example headTags(ctx, { title: "Europe", description: "…", url: "/world/europe/" }) // <meta name="description" …>…
 */
export function headTags(ctx: TagContext, page: HeadInfo): Html {
  const { site } = ctx;
  const image = page.image ?? site.image;
  const imageUrl = image ? absoluteSource(image.src, ctx.absolute) : undefined;
  const article = page.article;
  return html`<meta name="description" content="${page.description}">
${page.url ? html`<link rel="canonical" href="${ctx.absolute(page.url)}">` : ""}
${feedLinks(ctx, "/", site.title)}
${page.feedSection ? html`\n${feedLinks(ctx, page.feedSection.url, `${page.feedSection.title} – ${site.title}`)}` : ""}
<meta property="og:site_name" content="${site.title}">
<meta property="og:type" content="${article ? "article" : "website"}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
${page.url ? html`<meta property="og:url" content="${ctx.absolute(page.url)}">` : ""}
<meta property="og:locale" content="${site.language.replace("-", "_")}">
${imageUrl ? html`<meta property="og:image" content="${imageUrl}">\n<meta property="og:image:alt" content="${image!.alt}">` : ""}
${
  article
    ? html`<meta property="article:published_time" content="${isoDateTime(article.published)}">
<meta property="article:modified_time" content="${isoDateTime(article.modified)}">
<meta property="article:section" content="${article.section}">
${article.tags.map((tag) => html`<meta property="article:tag" content="${tag}">\n`)}`
    : ""
}
<meta name="twitter:card" content="${imageUrl ? "summary_large_image" : "summary"}">
<meta name="twitter:title" content="${page.title}">
<meta name="twitter:description" content="${page.description}">
${imageUrl ? html`<meta name="twitter:image" content="${imageUrl}">\n<meta name="twitter:image:alt" content="${image!.alt}">` : ""}
${(page.jsonLd ?? []).map((data) => html`<script type="application/ld+json">${trusted(scriptJson(data))}</script>\n`)}`;
}
