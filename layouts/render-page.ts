/**
 * Which layout renders which kind of listing page: the one place a new page kind is registered.
 * (Article pages are rendered by `articlePage`, one per article, in the article stage.)
 */
import type { ListingPage } from "../src/archive/site-pages.ts";
import type { RenderContext } from "./context.ts";
import { frontPageLayout } from "./front-page.ts";
import { notFoundPage } from "./not-found-page.ts";
import { sectionPage } from "./section-page.ts";
import { correctionsPage } from "./corrections-page.ts";

/**
 * Renders a listing page to a complete HTML document.
 * @example renderListingPage(ctx, { kind: "not-found", url: "/404.html" })
 */
export function renderListingPage(ctx: RenderContext, page: ListingPage): string {
  switch (page.kind) {
    case "front":
      return frontPageLayout(ctx, page);
    case "section":
      return sectionPage(ctx, page.section, page.page);
    case "corrections":
      return correctionsPage(ctx, page.page);
    case "not-found":
      return notFoundPage(ctx);
  }
}
