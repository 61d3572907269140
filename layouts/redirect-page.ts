/**
 * The page at an article's old address (an alias): it sends the browser on at once (meta
 * refresh), names the new address as canonical, and shows a link for anyone it does not move.
 */
import type { RedirectPage } from "../src/publishing/redirects.ts";
import { publishingLabels } from "../src/publishing/publishing-labels.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html } from "./html.ts";

/**
 * Renders the redirect page of one alias.
 * @example redirectPage(ctx, { kind: "redirect", url: "/old/", alias: "/old/", path: "old/index.html", target: "/2023/02/18/a/", title: "A" })
 */
export function redirectPage(ctx: RenderContext, page: RedirectPage): string {
  const labels = publishingLabels(ctx.site.language);
  return basePage(ctx, {
    title: labels.movedTitle,
    // The canonical address is the article's: this page only stands in for it.
    url: page.target,
    noindex: true,
    refreshTo: page.target,
    main: html`<h1>${labels.movedTitle}</h1>
<p>${labels.movedText} <a href="${ctx.link(page.target)}">${page.title}</a></p>`,
  });
}
