/**
 * Which articles a build publishes at "now": the published ones (and, in a preview, drafts and
 * embargoed ones too) go into the archive's lists; withdrawn ones keep only their tombstones.
 */
import type { ArticleRecord } from "../archive/article-record.ts";
import { pageOf, publishingState } from "./publishing-state.ts";

/** The records of one build, by what is done with them. */
export interface Selection {
  /** Listed, fed, in sitemaps and search. */
  listed: ArticleRecord[];
  /** Tombstones at their URLs; in no list. */
  withdrawn: ArticleRecord[];
  /** Embargoed and not built: their URLs are still checked, so the build at the embargo cannot fail on them. */
  pending: ArticleRecord[];
}

/**
 * Splits `records` by their state at `nowMs`.
 * @example selectArticles(records, Date.now(), false).listed.length
 */
export function selectArticles(records: readonly ArticleRecord[], nowMs: number, preview: boolean): Selection {
  const selection: Selection = { listed: [], withdrawn: [], pending: [] };
  for (const record of records) {
    const state = publishingState(record, nowMs);
    const page = pageOf(state, preview);
    if (page === "tombstone") selection.withdrawn.push(record);
    else if (page !== undefined) selection.listed.push(record);
    else if (state === "embargoed") selection.pending.push(record);
  }
  return selection;
}
