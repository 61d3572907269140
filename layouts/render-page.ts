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
import { redirectPage } from "./redirect-page.ts";
import { archiveIndexLayout, dayPageLayout, monthPageLayout, yearPageLayout } from "./date-archive-pages.ts";
import { authorPageLayout, authorsIndexLayout, topicPageLayout, topicsIndexLayout } from "./name-pages.ts";
import { searchPage } from "./search-page.ts";

type Layouts = { [K in ListingPage["kind"]]: (ctx: RenderContext, page: Extract<ListingPage, { kind: K }>) => string };

/** The registry: one layout per listing kind (the type makes a missing one an error). */
const LAYOUTS: Layouts = {
  front: frontPageLayout,
  section: (ctx, page) => sectionPage(ctx, page.section, page.page),
  corrections: (ctx, page) => correctionsPage(ctx, page.page),
  redirect: redirectPage,
  archive: archiveIndexLayout,
  year: yearPageLayout,
  month: monthPageLayout,
  day: dayPageLayout,
  topics: topicsIndexLayout,
  topic: topicPageLayout,
  authors: authorsIndexLayout,
  author: authorPageLayout,
  search: searchPage,
  "not-found": (ctx) => notFoundPage(ctx),
};

/**
 * Renders a listing page to a complete HTML document.
 * @example renderListingPage(ctx, { kind: "not-found", url: "/404.html" })
 */
export function renderListingPage(ctx: RenderContext, page: ListingPage): string {
  return (LAYOUTS[page.kind] as (ctx: RenderContext, page: ListingPage) => string)(ctx, page);
}
