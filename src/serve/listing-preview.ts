/**
 * The dev server's preview of the listing pages an edit shows on: a new headline or summary
 * reaches the section page, the front page, the date, topic and author pages at once, rendered
 * in memory with the same layouts against the last good build's listing pages, the edited
 * article's teaser swapped for the new one.
 *
 * Only an edit that changes what a teaser shows and nothing that decides where the article is
 * listed is previewed this way: the date, section, tags, authors, updates and publishing state
 * must be as they were, so every list keeps its members and its order. Anything else waits for
 * the full build, which alone can page the lists again. Runs on the build thread, which holds
 * the listing pages (their dates are DateTimes, which do not cross threads), with the records
 * the article preview read (plain data, which do): each edit is read and validated once.
 */
import { createRenderContext } from "../../layouts/context.ts";
import { renderListingPage } from "../../layouts/render-page.ts";
import type { Archive, ArticleSummary } from "../model.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import { fromRecord, toRecord, type ArticleRecord } from "../archive/article-record.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import type { Stylesheet } from "../render/stylesheet.ts";

/** What a build keeps on its own thread for listing previews. */
export interface KeptSite {
  archive: Archive;
  listings: ListingPage[];
  stylesheet: Stylesheet;
}

/** The fields a teaser shows that may change without moving the article in any list. */
const SHOWN_ONLY: readonly (keyof ArticleRecord)[] = ["title", "summary", "slugLine", "aliasLines"];

/**
 * True when `after` lists the article exactly where `before` did: it differs at most in what
 * its teaser shows (title, summary).
 * @example listedAlike(record, { ...record, title: "New" }) // true
 */
export function listedAlike(before: ArticleRecord, after: ArticleRecord): boolean {
  const rest = (record: ArticleRecord) => JSON.stringify(Object.entries(record).filter(([key]) => !SHOWN_ONLY.includes(key as keyof ArticleRecord)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return rest(before) === rest(after);
}

/** Listing previews against one build. */
export interface ListingPreviewer {
  /**
   * The listing pages that show the articles of `records` (as the article preview read them),
   * rendered: path below the output folder → HTML. Edits that move an article give none.
   * @example previewer.preview([record]) // Map { "politics/index.html" → "<!doctype html>…", … }
   */
  preview(records: readonly ArticleRecord[]): Map<string, string>;
  /** Works out which pages show which articles now (the build thread does it when a build is done). */
  warm(): void;
}

/**
 * A listing previewer over `kept`.
 * @example createListingPreviewer(kept).preview(["2023/a.md"])
 */
export function createListingPreviewer(kept: KeptSite): ListingPreviewer {
  const byFile = new Map(kept.archive.articles.map((article) => [article.file, article]));
  const zone = kept.archive.site.timeZone;
  // Which listing pages hold each summary (worked out once, on first use): a preview then
  // looks at those pages only.
  let pagesOf: ((summary: ArticleSummary) => number[]) | undefined;
  return {
    warm: () => void (pagesOf ??= holdersOf(kept.listings)),
    preview(records) {
      const swaps = new Map<ArticleSummary, ArticleSummary>();
      for (const record of records) {
        const listed = byFile.get(record.file);
        if (!listed) continue;
        const before = toRecord(listed);
        // The same record (a body edit): every list shows it as it was.
        if (JSON.stringify(before) === JSON.stringify(record)) continue;
        if (listedAlike(before, record)) swaps.set(listed, fromRecord(record, zone));
      }
      const pages = new Map<string, string>();
      if (!swaps.size) return pages;
      // A fresh context per preview: its teaser memo keys on summaries, and these are new.
      const ctx = createRenderContext(kept.archive.site, kept.archive.sections, kept.stylesheet.url);
      pagesOf ??= holdersOf(kept.listings);
      const touched = [...new Set([...swaps.keys()].flatMap(pagesOf))].sort((a, b) => a - b);
      for (const page of touched.map((i) => kept.listings[i])) {
        const swapped = swapSummaries(page, swaps);
        if (swapped !== page) pages.set(outputPathFor(page.url), renderListingPage(ctx, swapped));
      }
      return pages;
    },
  };
}

/**
 * `value` with every summary that is a key of `swaps` replaced by its value, copied only along
 * the way to a replaced one (the same object when nothing was replaced). Descends into arrays
 * and plain objects; not into other summaries, class instances (dates) or what it has seen.
 * @example swapSummaries({ items: [a, b] }, new Map([[a, a2]])) // { items: [a2, b] }
 */
export function swapSummaries<T>(value: T, swaps: ReadonlyMap<ArticleSummary, ArticleSummary>, seen = new Map<object, unknown>()): T {
  if (typeof value !== "object" || value === null) return value;
  const swapped = swaps.get(value as unknown as ArticleSummary);
  if (swapped) return swapped as unknown as T;
  // An object met twice (or a cycle) becomes the same copy both times.
  if (seen.has(value)) return seen.get(value) as T;
  seen.set(value, value);
  let out: unknown[] | Record<string, unknown> | undefined;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const next = swapSummaries(item, swaps, seen);
      if (next !== item) ((out as unknown[] | undefined) ??= [...value])[i] = next;
    });
  } else if (Object.getPrototypeOf(value) === Object.prototype && !isSummary(value)) {
    for (const [key, item] of Object.entries(value)) {
      const next = swapSummaries(item, swaps, seen);
      if (next !== item) ((out as Record<string, unknown> | undefined) ??= { ...(value as Record<string, unknown>) })[key] = next;
    }
  }
  if (out) seen.set(value, out);
  return (out ?? value) as T;
}

/**
 * For each summary, the indices of the `pages` that hold it (as {@link swapSummaries} finds
 * it). Pages share large lists (a topic's every article, on each of its pages): each distinct
 * list or object is looked into once, and a page is walked only down to the lists it holds, so
 * the work is linear in the data, not in pages × list length.
 * @example holdersOf([{ items: [a] }, { items: [a, b] }])(a) // [0, 1]
 */
export function holdersOf(pages: readonly unknown[]): (summary: ArticleSummary) => number[] {
  // Each container (array or plain object) met: the summaries and the containers directly in it.
  const parts = new Map<object, { summaries: ArticleSummary[]; containers: object[] }>();
  const partsOf = (container: object) => {
    let known = parts.get(container);
    if (known) return known;
    known = { summaries: [], containers: [] };
    parts.set(container, known);
    for (const item of Array.isArray(container) ? container : Object.values(container)) {
      if (typeof item !== "object" || item === null) continue;
      if (isSummary(item) && Object.getPrototypeOf(item) === Object.prototype) known.summaries.push(item as ArticleSummary);
      else if (Array.isArray(item) || Object.getPrototypeOf(item) === Object.prototype) known.containers.push(item);
    }
    return known;
  };
  const pagesByContainer = new Map<object, number[]>();
  pages.forEach((page, index) => {
    if (typeof page !== "object" || page === null) return;
    const seen = new Set<object>();
    const stack: object[] = [page];
    while (stack.length) {
      const container = stack.pop()!;
      if (seen.has(container)) continue;
      seen.add(container);
      (pagesByContainer.get(container) ?? pagesByContainer.set(container, []).get(container)!).push(index);
      stack.push(...partsOf(container).containers);
    }
  });
  const containersBySummary = new Map<ArticleSummary, object[]>();
  for (const [container, { summaries }] of parts) for (const summary of summaries) (containersBySummary.get(summary) ?? containersBySummary.set(summary, []).get(summary)!).push(container);
  return (summary) => [...new Set((containersBySummary.get(summary) ?? []).flatMap((container) => pagesByContainer.get(container) ?? []))].sort((a, b) => a - b);
}

function isSummary(value: object): boolean {
  return "file" in value && "url" in value && "sectionId" in value;
}
