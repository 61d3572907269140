/**
 * The page static hosts serve for a missing address.
 */
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html } from "./html.ts";

/**
 * Renders /404.html.
 * @example notFoundPage(ctx) // "<!doctype html>…Page not found…"
 */
export function notFoundPage(ctx: RenderContext): string {
  const { labels } = ctx;
  return basePage(ctx, {
    title: labels.notFoundTitle,
    main: html`<h1>${labels.notFoundTitle}</h1>
<p>${labels.notFoundText}</p>
<p><a href="${ctx.link("/")}">${labels.home}</a></p>`,
  });
}
