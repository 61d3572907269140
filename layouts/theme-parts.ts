/**
 * The parts of the page shell the newsroom's theme changes (site.yml `theme:`): the icon,
 * the stylesheets after Gazette's own, the masthead's logo and the footer's Markdown.
 */
import { themeCss, themeCssPath } from "../src/media/theme.ts";
import type { RenderContext } from "./context.ts";
import { html, trusted, type Html } from "./html.ts";

const cssPaths = new Map<string, string>();

/**
 * The `<link>`s of the theme: icon (`fallbackIcon` without a favicon in static/), the accent's
 * custom properties, the newsroom's own stylesheet last, so it can restyle anything.
 * @example themeHead(ctx, ICON) // <link rel="icon" href="/favicon.svg" type="image/svg+xml">…
 */
export function themeHead(ctx: RenderContext, fallbackIcon: string): Html {
  const theme = ctx.site.theme;
  const icon = theme?.favicon
    ? html`<link rel="icon" href="${ctx.link(theme.favicon.href)}" type="${theme.favicon.type}">`
    : html`<link rel="icon" href="${fallbackIcon}" type="image/svg+xml">`;
  const css = themeCss(theme);
  let path = css && cssPaths.get(css);
  if (css && !path) cssPaths.set(css, (path = themeCssPath(css)));
  return html`${icon}
<link rel="stylesheet" href="${ctx.stylesheet}">${path ? html`
<link rel="stylesheet" href="${ctx.link(path)}">` : ""}${theme?.stylesheet ? html`
<link rel="stylesheet" href="${ctx.link(theme.stylesheet)}">` : ""}`;
}

/**
 * The masthead's title: the logo with the site's title as its alt text, or the title.
 * @example mastheadTitle(ctx) // <a href="/"><img class="masthead__logo" src="/logo.svg" alt="The Lakeside Ledger" …></a>
 */
export function mastheadTitle(ctx: RenderContext): Html {
  const logo = ctx.site.theme?.logo;
  if (!logo) return html`<a href="${ctx.link("/")}">${ctx.site.title}</a>`;
  const size = logo.width && logo.height ? html` width="${logo.width}" height="${logo.height}"` : "";
  return html`<a href="${ctx.link("/")}"><img class="masthead__logo" src="${ctx.link(logo.src)}" alt="${ctx.site.title}"${size}></a>`;
}

/**
 * The theme's footer Markdown (address, imprint, licence), rendered like an article's body.
 * @example themeFooter(ctx) // <div class="colophon__theme"><p>Lakeside Media, 1 Quay Street</p></div>
 */
export function themeFooter(ctx: RenderContext): Html | "" {
  const footer = ctx.site.theme?.footer;
  return footer ? html`<div class="colophon__theme">${trusted(ctx.markdown.render(footer))}</div>` : "";
}
