/**
 * The document shell every page shares: head, masthead with section navigation, skip link,
 * main landmark and footer.
 */
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";
import { topLevelSections } from "../src/archive/sections.ts";
import { correctionsPageUrl } from "../src/archive/site-pages.ts";
import { headTags, type HeadInfo } from "../src/syndication/meta-tags.ts";
import { contentSecurityPolicy } from "../src/render/content-security.ts";
import { searchBox } from "./search-box.ts";
import { mastheadTitle, themeFooter, themeHead } from "./theme-parts.ts";

/**
 * The site icon, inline so every page has one without an extra file or request (browsers
 * otherwise ask for /favicon.ico and log its 404 as an error): a folded paper's lines.
 */
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8a1c1c"/><path d="M8 10h16M8 16h16M8 22h11" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>',
)}`;

/** What a page tells the shell about itself. */
export interface PageShell {
  /** The page's own title; the site's title is appended. Omit on the front page. */
  title?: string;
  description?: string;
  /** Site-relative URL of the page, for the canonical link. Omit for pages without one (404). */
  url?: string;
  /** Top-level section to mark as current in the navigation. */
  currentSection?: string;
  /** Open Graph facts, feeds and JSON-LD of the page (see src/syndication/meta-tags.ts). */
  head?: Pick<HeadInfo, "image" | "article" | "feedSection" | "jsonLd">;
  /** Keep search engines away (previews, tombstones, redirect pages). */
  noindex?: boolean;
  /** Site-relative URL a redirect page sends the browser on to, at once. */
  refreshTo?: string;
  main: Html;
}

/**
 * Wraps a page's main content in the full document.
 * @example basePage(ctx, { title: "Politics", url: "/politics/", main: html`…` })
 */
export function basePage(ctx: RenderContext, page: PageShell): string {
  const { site } = ctx;
  const { labels } = ctx;
  const title = page.title ? `${page.title} – ${site.title}` : site.title;
  // Every page has a description: its own, the site's, or the site's name.
  const description = page.description ?? site.description ?? site.title;
  const nav = topLevelSections(ctx.sections).map(
    (section) =>
      html`<li><a href="${ctx.link(section.url)}"${section.id === page.currentSection ? html` aria-current="true"` : ""}>${section.title}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${page.refreshTo ? html`<meta http-equiv="refresh" content="0; url=${ctx.absolute(page.refreshTo)}">
` : ""}${page.noindex ? html`<meta name="robots" content="noindex">
` : ""}${headTags(ctx, { title: page.title ?? site.title, description, url: page.url, ...page.head })}
<meta name="color-scheme" content="light dark">
${themeHead(ctx, ICON)}
</head>
<body>
<a class="skip-link" href="#main">${labels.skipToContent}</a>
<header class="masthead">
<p class="masthead__title">${mastheadTitle(ctx)}</p>
<nav class="masthead__nav" aria-label="${labels.sections}">
<ul>${nav}</ul>
</nav>
${searchBox(ctx)}
</header>
<main id="main" tabindex="-1">
${page.main}
</main>
<footer class="colophon">
<p><a href="${ctx.link("/")}">${site.title}</a>${site.description ? html` · ${site.description}` : ""}</p>
<p><a href="${ctx.link("/archive/")}">${labels.archive}</a> · <a href="${ctx.link("/topics/")}">${labels.topics}</a> · <a href="${ctx.link("/authors/")}">${labels.authors}</a> · <a href="${ctx.link(correctionsPageUrl())}">${labels.corrections}</a> · <a href="${ctx.link("/feed.xml")}">${labels.feed}</a></p>
${themeFooter(ctx)}
</footer>
</body>
</html>
`.value;
}
