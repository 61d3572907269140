/**
 * The document shell every page shares: head, masthead with section navigation, skip link,
 * main landmark and footer.
 */
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";
import { topLevelSections } from "../src/archive/sections.ts";

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
  /** Extra `<meta>` elements. */
  meta?: Html;
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
  const description = page.description ?? site.description;
  const nav = topLevelSections(ctx.sections).map(
    (section) =>
      html`<li><a href="${ctx.link(section.url)}"${section.id === page.currentSection ? html` aria-current="true"` : ""}>${section.title}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
${page.url ? html`<link rel="canonical" href="${ctx.absolute(page.url)}">` : ""}
<meta name="color-scheme" content="light dark">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${page.title ?? site.title}">
${page.url ? html`<meta property="og:url" content="${ctx.absolute(page.url)}">` : ""}
${page.meta ?? ""}
<link rel="icon" href="${ICON}" type="image/svg+xml">
<link rel="stylesheet" href="${ctx.stylesheet}">
</head>
<body>
<a class="skip-link" href="#main">${labels.skipToContent}</a>
<header class="masthead">
<p class="masthead__title"><a href="${ctx.link("/")}">${site.title}</a></p>
<nav class="masthead__nav" aria-label="${labels.sections}">
<ul>${nav}</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${page.main}
</main>
<footer class="colophon">
<p><a href="${ctx.link("/")}">${site.title}</a>${site.description ? html` · ${site.description}` : ""}</p>
</footer>
</body>
</html>
`.value;
}
