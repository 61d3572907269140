/**
 * Date archives as plain data: an archive's articles grouped by year, month and day of the
 * newsroom's calendar (an article's date is already in the site's zone, so 23:30 in New York
 * is on that New York day whatever zone the build runs in). Only periods with articles exist;
 * so the previous and next period of one is simply its neighbour in the list, and empty
 * periods are skipped by construction.
 */
import type { DateTime } from "luxon";
import type { ArticleSummary } from "../model.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The URL of a year's page (or of a later page of it).
 * @example yearUrl(2023)    // "/2023/"
 * @example yearUrl(2023, 2) // "/2023/page/2/"
 */
export function yearUrl(year: number, page = 1): string {
  return withPage(`/${year}/`, page);
}

/**
 * The URL of a month's page.
 * @example monthUrl(2023, 2) // "/2023/02/"
 */
export function monthUrl(year: number, month: number, page = 1): string {
  return withPage(`/${year}/${pad(month)}/`, page);
}

/**
 * The URL of a day's page.
 * @example dayUrl(2023, 2, 18) // "/2023/02/18/"
 */
export function dayUrl(year: number, month: number, day: number, page = 1): string {
  return withPage(`/${year}/${pad(month)}/${pad(day)}/`, page);
}

/**
 * The day page of a date, on the calendar of the zone the date is set to (the site's).
 * @example dayUrlOf(DateTime.fromISO("2023-02-18T23:30:00-05:00", { setZone: true })) // "/2023/02/18/"
 */
export function dayUrlOf(date: DateTime): string {
  return dayUrl(date.year, date.month, date.day);
}

function withPage(url: string, page: number): string {
  return page <= 1 ? url : `${url}page/${page}/`;
}

/** One day, month or year that has articles, its articles newest first. */
export interface Period {
  year: number;
  /** 1–12; absent for a year. */
  month?: number;
  /** 1–31; absent for a year or month. */
  day?: number;
  url: string;
  articles: ArticleSummary[];
}

/** A day with articles. */
export interface DayPeriod extends Period {
  month: number;
  day: number;
}

/** A month with articles, and its days that have them (newest first). */
export interface MonthPeriod extends Period {
  month: number;
  days: DayPeriod[];
}

/** A year with articles, and its months that have them (newest first). */
export interface YearPeriod extends Period {
  months: MonthPeriod[];
}

/**
 * Groups articles (newest first, as the archive lists them) into years, months and days,
 * newest first at every level; each period keeps its articles in the same order.
 * @example datePeriods(archive.articles)[0].months[0].days[0].url // "/2024/01/02/"
 */
export function datePeriods(articles: readonly ArticleSummary[]): YearPeriod[] {
  const years: YearPeriod[] = [];
  for (const article of articles) {
    const { year, month, day } = article.date;
    let y = years[years.length - 1];
    // Articles come newest first, so a new period starts whenever the date part changes.
    if (!y || y.year !== year) years.push((y = { year, url: yearUrl(year), articles: [], months: [] }));
    let m = y.months[y.months.length - 1];
    if (!m || m.month !== month) y.months.push((m = { year, month, url: monthUrl(year, month), articles: [], days: [] }));
    let d = m.days[m.days.length - 1];
    if (!d || d.day !== day) m.days.push((d = { year, month, day, url: dayUrl(year, month, day), articles: [] }));
    y.articles.push(article);
    m.articles.push(article);
    d.articles.push(article);
  }
  return years;
}

/** The periods either side of one: `previous` is older, `next` newer; absent at the ends. */
export interface Neighbours<P> {
  previous?: P;
  next?: P;
}

/**
 * The neighbours of the period at `index` in a newest-first list of periods that all have
 * articles: the older one after it, the newer one before it.
 * @example neighbours([d3, d2, d1], 1) // { previous: d1, next: d3 }
 */
export function neighbours<P>(periods: readonly P[], index: number): Neighbours<P> {
  return {
    ...(index + 1 < periods.length ? { previous: periods[index + 1] } : {}),
    ...(index > 0 ? { next: periods[index - 1] } : {}),
  };
}
