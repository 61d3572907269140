/**
 * The publishing state of an article: what a build does with it at a given "now". Pure, so the
 * article stage, the index stage and `gazette check` decide alike.
 */
import type { ArticleRecord } from "../archive/article-record.ts";

/** What a build does with an article: publish it, hold it back, or keep a tombstone at its URL. */
export type PublishingState = "published" | "draft" | "embargoed" | "withdrawn";

/** The facts the state depends on, with instants as epoch milliseconds. */
export interface PublishingFacts {
  draft: boolean;
  /** Publication date (`date:`). */
  date: number;
  /** `embargo:`, if any. */
  embargo?: number;
  withdrawn?: unknown;
}

/**
 * The instant an article may appear: its embargo or its date, whichever is later (a date in
 * the future holds an article back as an embargo does).
 * @example publishAt({ draft: false, date: 10, embargo: 20 }) // 20
 */
export function publishAt(facts: PublishingFacts): number {
  return Math.max(facts.date, facts.embargo ?? facts.date);
}

/**
 * The state at `nowMs`. A draft or an article still under embargo stays unpublished even when
 * it is also marked withdrawn: a tombstone never reveals a story that was never out.
 * @example publishingState({ draft: false, date: 0, embargo: 100 }, 50) // "embargoed"
 * @example publishingState({ draft: false, date: 0, withdrawn: {} }, 50) // "withdrawn"
 */
export function publishingState(facts: PublishingFacts, nowMs: number): PublishingState {
  if (facts.draft) return "draft";
  if (publishAt(facts) > nowMs) return "embargoed";
  return facts.withdrawn === undefined ? "published" : "withdrawn";
}

/**
 * Whether the build writes a page at the article's URL, and which: the article itself (with the
 * "Not published" banner in a preview), a tombstone, or nothing.
 * @example pageOf("embargoed", true) // "preview"
 * @example pageOf("embargoed", false) // undefined
 */
export function pageOf(state: PublishingState, preview: boolean): "article" | "preview" | "tombstone" | undefined {
  if (state === "published") return "article";
  if (state === "withdrawn") return "tombstone";
  return preview ? "preview" : undefined;
}

/**
 * True when the state of `record` differs between two instants: its page must be rendered
 * again even though its file did not change (an embargo that came due between two builds).
 * @example changesBetween({ draft: false, date: 0, embargo: 100 }, 50, 150) // true
 */
export function changesBetween(record: Pick<ArticleRecord, "draft" | "date" | "embargo" | "withdrawn">, fromMs: number, toMs: number): boolean {
  return publishingState(record, fromMs) !== publishingState(record, toMs);
}
