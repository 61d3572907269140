/**
 * What an article page tells Pagefind: its `<article>` is the indexed body, with the filters
 * (top-level section id, year in the newsroom's zone) and the date to sort by (UTC, so the
 * string order is the time order). Authors are filters on the byline's names. The parts that
 * are not headline, summary, body or update text are left out by {@link EXCLUDED_SELECTORS}.
 */
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
    ["data-date", article.date.toUTC().toISO()!],
  ];
}
