/**
 * What an article page tells Pagefind: its `<article>` is the indexed body, with the filters
 * (top-level section id, year in the newsroom's zone) and the date to sort by (UTC, so the
 * string order is the time order). Authors are filters on the byline's names. The parts that
 * are not headline, summary, body or update text are left out by {@link EXCLUDED_SELECTORS}.
 */
import type { DateTime } from "luxon";
import type { ArticleSummary, Section } from "../model.ts";

/** Article page elements Pagefind skips: breadcrumb, byline, times, update labels, tags. */
export const EXCLUDED_SELECTORS = [".breadcrumb", ".story__byline", ".story__time", ".update__label", ".updates__corrections", ".story__footer"];

/**
 * The attributes of an article's `<article>` element, as name/value pairs.
 * @example articleSearchAttributes(article, section) // [["data-pagefind-body", ""], ["data-pagefind-filter", "section[data-section], year[data-year]"], …]
 */
export function articleSearchAttributes(article: ArticleSummary, section: Section): [string, string][] {
  return [
    ["data-pagefind-body", ""],
    ["data-pagefind-filter", "section[data-section], year[data-year]"],
    ["data-section", section.lineage[0]],
    ["data-year", String(article.date.year)],
    ["data-pagefind-sort", "date[data-date]"],
    ["data-date", utcIso(article.date)],
  ];
}

/**
 * `date` in UTC as ISO with milliseconds, as luxon's `toUTC().toISO()` writes it, without
 * making a second DateTime on every article page (Date writes the same for years 0–9999).
 * @example utcIso(DateTime.fromISO("2023-02-18T09:30:00+01:00")) // "2023-02-18T08:30:00.000Z"
 */
export function utcIso(date: DateTime): string {
  const iso = new Date(date.toMillis()).toISOString();
  return iso.length === 24 ? iso : date.toUTC().toISO()!;
}
