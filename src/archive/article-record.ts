/**
 * An article summary as plain data: what crosses from worker threads to the main thread and
 * what the build cache keeps on disk. Dates travel as epoch milliseconds and come back as
 * DateTimes in the site's zone.
 */
import { DateTime } from "luxon";
import type { ArticleSummary, Update } from "../model.ts";
import { siteZone } from "../content/zone-cache.ts";

/** {@link ArticleSummary} with every DateTime as epoch milliseconds. */
export interface ArticleRecord extends Omit<ArticleSummary, "date" | "updates" | "lastUpdated" | "embargo" | "withdrawn"> {
  date: number;
  updates: (Omit<Update, "at"> & { at: number })[];
  embargo?: number;
  withdrawn?: { at: number; reason: string };
}

/**
 * Flattens a summary (or a whole article: its body is left behind) into a record.
 * @example toRecord(article).date // 1676709000000
 */
export function toRecord(article: ArticleSummary): ArticleRecord {
  return {
    file: article.file,
    title: article.title,
    slug: article.slug,
    ...(article.slugLine === undefined ? {} : { slugLine: article.slugLine }),
    date: article.date.toMillis(),
    dateHasTime: article.dateHasTime,
    sectionId: article.sectionId,
    summary: article.summary,
    authors: article.authors,
    tags: article.tags,
    draft: article.draft,
    updates: article.updates.map((u) => ({ at: u.at.toMillis(), kind: u.kind, text: u.text })),
    url: article.url,
    ...(article.image === undefined ? {} : { image: article.image }),
    ...(article.embargo === undefined ? {} : { embargo: article.embargo.toMillis() }),
    ...(article.withdrawn === undefined ? {} : { withdrawn: { at: article.withdrawn.at.toMillis(), reason: article.withdrawn.reason } }),
    ...(article.aliases === undefined ? {} : { aliases: article.aliases, aliasLines: article.aliasLines }),
    ...(article.media === undefined ? {} : { media: article.media }),
  };
}

/**
 * Restores a summary from a record, with dates in `zoneName`.
 * @example fromRecord(record, "Europe/Berlin").date.zoneName // "Europe/Berlin"
 */
export function fromRecord(record: ArticleRecord, zoneName: string): ArticleSummary {
  const zone = siteZone(zoneName);
  const updates = record.updates.map((u) => ({ at: DateTime.fromMillis(u.at, { zone }), kind: u.kind, text: u.text }));
  // Every summary gets the same keys in the same order, absent ones undefined (which JSON and
  // the signatures leave out, as they would a missing key): the index, the listing pages and
  // the feeds read these fields from every article, and summaries of one shape keep V8's
  // property loads monomorphic instead of looking them up in a table.
  return {
    file: record.file,
    title: record.title,
    slug: record.slug,
    slugLine: record.slugLine,
    date: DateTime.fromMillis(record.date, { zone }),
    dateHasTime: record.dateHasTime,
    sectionId: record.sectionId,
    summary: record.summary,
    authors: record.authors,
    tags: record.tags,
    draft: record.draft,
    updates,
    lastUpdated: updates[0]?.at,
    image: record.image,
    url: record.url,
    embargo: record.embargo === undefined ? undefined : DateTime.fromMillis(record.embargo, { zone }),
    withdrawn: record.withdrawn === undefined ? undefined : { at: DateTime.fromMillis(record.withdrawn.at, { zone }), reason: record.withdrawn.reason },
    aliases: record.aliases,
    aliasLines: record.aliases === undefined ? undefined : record.aliasLines,
    media: record.media,
  };
}
