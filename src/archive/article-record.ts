/**
 * An article summary as plain data: what crosses from worker threads to the main thread and
 * what the build cache keeps on disk. Dates travel as epoch milliseconds and come back as
 * DateTimes in the site's zone.
 */
import { DateTime } from "luxon";
import type { ArticleSummary, Update } from "../model.ts";
import { siteZone } from "../content/zone-cache.ts";

/** {@link ArticleSummary} with every DateTime as epoch milliseconds. */
export interface ArticleRecord extends Omit<ArticleSummary, "date" | "updates" | "lastUpdated"> {
  date: number;
  updates: (Omit<Update, "at"> & { at: number })[];
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
  const { summary, slugLine, image, ...rest } = record;
  return {
    ...rest,
    ...(summary === undefined ? {} : { summary }),
    ...(slugLine === undefined ? {} : { slugLine }),
    ...(image === undefined ? {} : { image }),
    date: DateTime.fromMillis(record.date, { zone }),
    updates,
    lastUpdated: updates[0]?.at,
  };
}
