/**
 * The date archives: a year with its twelve months, a month with its calendar, a day, each
 * followed by its articles newest first; and `/archive/`, every year and month with counts.
 */
import { DateTime } from "luxon";
import type { ArchiveIndexPage, DayPage, MonthPage, YearPage } from "../src/navigation/navigation-pages.ts";
import { ARCHIVE_URL } from "../src/navigation/navigation-pages.ts";
import { dayUrlOf, monthUrl, yearUrl } from "../src/navigation/date-periods.ts";
import { formatDate, formatDayDate, formatMonthName, formatMonthYear, formatWeekdayName } from "../src/render/format-dates.ts";
import { collectionPageLd } from "../src/syndication/json-ld.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";
import { pager, teaserList } from "./partials.ts";
import { pagedTitle, periodNav, trail } from "./navigation-partials.ts";

const monthDates = new Map<string, DateTime>();

/** A date in a month, in the site's zone, to name the month by (made once: every page of a year names its twelve months). */
function inMonth(ctx: RenderContext, year: number, month: number): DateTime {
  const key = `${ctx.site.timeZone}\0${year}\0${month}`;
  let date = monthDates.get(key);
  if (!date) {
    date = DateTime.fromObject({ year, month, day: 15, hour: 12 }, { zone: ctx.site.timeZone });
    // A year and month per page of the archive's span: a few thousand at most, but never unbounded.
    if (monthDates.size >= 10_000) monthDates.clear();
    monthDates.set(key, date);
  }
  return date;
}

function listing(ctx: RenderContext, page: YearPage | MonthPage | DayPage): Html {
  return html`${page.page.items.length ? teaserList(ctx, page.page.items) : ""}
${pager(ctx, page.page)}`;
}

function shell(ctx: RenderContext, title: string, url: string, main: Html): string {
  const ld = { site: ctx.site, sections: ctx.sections, absolute: ctx.absolute, homeName: ctx.labels.home };
  return basePage(ctx, { title, url, head: { jsonLd: [collectionPageLd(ld, title, url)] }, main });
}

/**
 * A page of a year: its months with counts (months without articles shown, not linked), then its articles.
 * @example yearPageLayout(ctx, page) // "…<h1>2023</h1>…"
 */
export function yearPageLayout(ctx: RenderContext, page: YearPage): string {
  const { labels } = ctx;
  const language = ctx.site.language;
  const title = String(page.year);
  const months = page.months.map((m) => {
    const name = formatMonthName(inMonth(ctx, page.year, m.month), language);
    return m.url
      ? html`<li><a href="${ctx.link(m.url)}">${name}</a> <span class="count">${labels.articleCount(m.count)}</span></li>`
      : html`<li class="months__empty">${name} <span class="count">${labels.articleCount(0)}</span></li>`;
  });
  const main = html`<header class="section-header">
${trail(ctx, [{ url: ARCHIVE_URL, title: labels.archive }, { url: page.url, title }])}
<h1>${pagedTitle(ctx, title, page.page)}</h1>
</header>
${periodNav(ctx, page, (at) => String(at.year))}
<section class="months" aria-labelledby="months-heading">
<h2 id="months-heading">${labels.months}</h2>
<ol class="months__list">${months}</ol>
</section>
${listing(ctx, page)}`;
  return shell(ctx, pagedTitle(ctx, title, page.page), page.url, main);
}

/**
 * A page of a month: a calendar table whose days link to their pages when they have
 * articles, then the month's articles.
 * @example monthPageLayout(ctx, page) // "…<caption>February 2023</caption>…"
 */
export function monthPageLayout(ctx: RenderContext, page: MonthPage): string {
  const { labels } = ctx;
  const language = ctx.site.language;
  const title = formatMonthYear(page.at, language);
  const main = html`<header class="section-header">
${trail(ctx, [{ url: ARCHIVE_URL, title: labels.archive }, { url: yearUrl(page.year), title: String(page.year) }, { url: page.url, title: formatMonthName(page.at, language) }])}
<h1>${pagedTitle(ctx, title, page.page)}</h1>
</header>
${periodNav(ctx, page, (at) => formatMonthYear(at, language))}
${calendarTable(ctx, page, title)}
${listing(ctx, page)}`;
  return shell(ctx, pagedTitle(ctx, title, page.page), page.url, main);
}

/** The month as a table: one column per weekday, leading and trailing blank cells. */
function calendarTable(ctx: RenderContext, page: MonthPage, caption: string): Html {
  const language = ctx.site.language;
  const headers = page.weekdays.map(
    (day) => html`<th scope="col"><abbr title="${formatWeekdayName(day, language, "long")}">${formatWeekdayName(day, language, "short")}</abbr></th>`,
  );
  const rows = page.weeks.map(
    (week) =>
      html`<tr>${week.map((cell) =>
        cell === null
          ? html`<td></td>`
          : cell.url
            ? html`<td class="calendar__day calendar__day--linked"><a href="${ctx.link(cell.url)}" title="${ctx.labels.articleCount(cell.count)}">${cell.day}</a></td>`
            : html`<td class="calendar__day">${cell.day}</td>`,
      )}</tr>`,
  );
  return html`<div class="calendar-scroll"><table class="calendar">
<caption>${caption}</caption>
<thead><tr>${headers}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/**
 * A page of a day: its articles, with links to the days either side that have articles.
 * @example dayPageLayout(ctx, page) // "…<h1>Saturday, February 18, 2023</h1>…"
 */
export function dayPageLayout(ctx: RenderContext, page: DayPage): string {
  const { labels } = ctx;
  const language = ctx.site.language;
  const title = formatDate(page.at, language);
  const main = html`<header class="section-header">
${trail(ctx, [
  { url: ARCHIVE_URL, title: labels.archive },
  { url: yearUrl(page.at.year), title: String(page.at.year) },
  { url: monthUrl(page.at.year, page.at.month), title: formatMonthName(page.at, language) },
  { url: dayUrlOf(page.at), title: String(page.at.day) },
])}
<h1>${pagedTitle(ctx, title, page.page)}</h1>
</header>
${periodNav(ctx, page, (at) => formatDayDate(at, language))}
${listing(ctx, page)}`;
  return shell(ctx, pagedTitle(ctx, title, page.page), page.url, main);
}

/**
 * `/archive/`: every year with its count, and its months with theirs, newest first.
 * @example archiveIndexLayout(ctx, page) // "…<h2><a href="/2023/">2023</a>…"
 */
export function archiveIndexLayout(ctx: RenderContext, page: ArchiveIndexPage): string {
  const { labels } = ctx;
  const language = ctx.site.language;
  const years = page.years.map(
    (year) => html`<section class="archive-year" aria-labelledby="year-${year.year}">
<h2 id="year-${year.year}"><a href="${ctx.link(year.url)}">${year.year}</a> <span class="count">${labels.articleCount(year.count)}</span></h2>
<ol class="months__list">${year.months.map((m) => html`<li><a href="${ctx.link(m.url)}">${formatMonthName(m.at, language)}</a> <span class="count">${labels.articleCount(m.count)}</span></li>`)}</ol>
</section>`,
  );
  const main = html`<header class="section-header">
${trail(ctx, [{ url: page.url, title: labels.archive }])}
<h1>${labels.archive}</h1>
<p>${labels.archiveIntro}</p>
</header>
${years.length ? years : html`<p class="empty">${labels.noArticles}</p>`}`;
  return shell(ctx, labels.archive, page.url, main);
}
