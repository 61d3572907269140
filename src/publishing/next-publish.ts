/**
 * `next-publish.json`: the embargoes still pending after a build, earliest first, so that a
 * host's scheduler knows when to build again. Written into the report folder, never published.
 */
import { DateTime } from "luxon";
import type { ArticleRecord } from "../archive/article-record.ts";
import { publishAt, publishingState } from "./publishing-state.ts";

/** One article waiting for its embargo. */
export interface PendingArticle {
  file: string;
  url: string;
  /** ISO 8601 with the site's offset. */
  at: string;
}

/** The content of next-publish.json. */
export interface NextPublish {
  /** The earliest pending embargo (ISO 8601, the site's offset), or null when none is pending. */
  next: string | null;
  /** The same instant as epoch milliseconds, for schedulers that prefer numbers. */
  nextMs: number | null;
  pending: PendingArticle[];
}

/**
 * The embargoed articles at `nowMs`, earliest first (drafts wait for an editor, not a time).
 * @example nextPublish([record], Date.parse("2024-01-01T00:00:00Z"), "UTC").next // "2024-05-01T06:00:00Z"
 */
export function nextPublish(records: readonly ArticleRecord[], nowMs: number, zone: string): NextPublish {
  const pending = records
    .filter((record) => publishingState(record, nowMs) === "embargoed")
    .map((record) => ({ record, at: publishAt(record) }))
    .sort((a, b) => a.at - b.at || (a.record.file < b.record.file ? -1 : 1));
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
  return {
    next: pending.length ? iso(pending[0].at) : null,
    nextMs: pending.length ? pending[0].at : null,
    pending: pending.map(({ record, at }) => ({ file: record.file, url: record.url, at: iso(at) })),
  };
}
