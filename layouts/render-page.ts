/**
 * Which layout renders which kind of page: the one place a new page kind is registered.
 */
import type { SitePage } from "../src/site-pages.ts";
import { articlePage } from "./article-page.ts";
import type { RenderContext } from "./context.ts";
import { frontPageLayout } from "./front-page.ts";
import { notFoundPage } from "./not-found-page.ts";
import { sectionPage } from "./section-page.ts";

/**
 * Renders any page of the site to a complete HTML document.
 * @example renderPage(ctx, { kind: "not-found", url: "/404.html" })
 */
export function renderPage(ctx: RenderContext, page: SitePage): string {
  switch (page.kind) {
    case "front":
      return frontPageLayout(ctx, page);
    case "article":
      return articlePage(ctx, page.article);
    case "section":
      return sectionPage(ctx, page.section, page.page);
    case "not-found":
      return notFoundPage(ctx);
  }
}
