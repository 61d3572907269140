/**
 * Pieces the navigation pages share: their breadcrumb trail, the links to the periods either
 * side of a date archive, and the page heading with its pager position.
 */
import type { DateTime } from "luxon";
import type { PeriodLink } from "../src/navigation/navigation-pages.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";

/** One step of a trail: where it links and what it says. */
export interface Crumb {
  url: string;
  title: string;
}

/**
 * A breadcrumb from the front page through `crumbs`; the last one is the page itself.
 * @example trail(ctx, [{ url: "/archive/", title: "Archive" }, { url: "/2023/", title: "2023" }])
 */
export function trail(ctx: RenderContext, crumbs: readonly Crumb[]): Html {
  const items = crumbs.map(
    (crumb, i) => html`<li><a href="${ctx.link(crumb.url)}"${i === crumbs.length - 1 ? html` aria-current="page"` : ""}>${crumb.title}</a></li>`,
  );
  return html`<nav class="breadcrumb" aria-label="${ctx.labels.breadcrumb}"><ol><li><a href="${ctx.link("/")}">${ctx.labels.home}</a></li>${items}</ol></nav>`;
}

/**
 * Links to the older and newer period with articles, each named by `name`; nothing when both are absent.
 * @example periodNav(ctx, page, (at) => formatMonthYear(at, "en")) // <nav class="period-nav">…Earlier: January 2023…</nav>
 */
export function periodNav(ctx: RenderContext, around: { previous?: PeriodLink; next?: PeriodLink }, name: (at: DateTime) => string): Html | "" {
  if (!around.previous && !around.next) return "";
  const { labels } = ctx;
  return html`<nav class="period-nav" aria-label="${labels.otherPeriods}">
${around.previous ? html`<a class="period-nav__earlier" href="${ctx.link(around.previous.url)}">${labels.earlier}: ${name(around.previous.at)}</a>` : ""}
${around.next ? html`<a class="period-nav__later" href="${ctx.link(around.next.url)}">${labels.later}: ${name(around.next.at)}</a>` : ""}
</nav>`;
}

/**
 * A page's title with its position when it is not the first page.
 * @example pagedTitle(ctx, "2023", { number: 2, total: 3 }) // "2023, Page 2 of 3"
 */
export function pagedTitle(ctx: RenderContext, title: string, page: { number: number; total: number }): string {
  return page.number > 1 ? `${title}, ${ctx.labels.pageOf(page.number, page.total)}` : title;
}
