/**
 * The report folder (`.gazette/` by default, relative to the working directory like the cache):
 * `report.json` (what the build did) and `next-publish.json` (when to build again). Never
 * part of the published site. Each file is written whole or not at all (temp file + rename).
 */
import { writeFileAtomic } from "../build/write-atomic.ts";
import { join } from "node:path";
import type { ArticleRecord } from "../archive/article-record.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import type { SitePage } from "../archive/site-pages.ts";
import { nextPublish, type NextPublish } from "./next-publish.ts";
import { publishingState, type PublishingState } from "./publishing-state.ts";

/** What report.json holds. */
export interface PublishingReport {
  ok: boolean;
  /** Every article file read, by state at the build's "now" (`files` counts unreadable ones too). */
  articles: { files: number } & Record<PublishingState, number>;
  /** HTML pages written, per kind (article, tombstone, front, section, redirect, …). */
  pages: Record<string, number>;
  /** Every file written, pages, feeds and host files included. */
  files: number;
  warnings: number;
  errors: number;
  /** The warnings and errors themselves (code, file, line, message). */
  issues: Pick<ContentIssue, "code" | "severity" | "file" | "line" | "message">[];
  embargoes: NextPublish;
  /** Milliseconds of wall time per stage, and in all. */
  stages: Record<string, number>;
  wallMs: number;
  cold: boolean;
  cache: { reused: number; prepared: number; unchangedContent: number };
}

/** What a build hands over for its reports. */
export interface ReportInput {
  ok: boolean;
  files: number;
  records: readonly ArticleRecord[];
  nowMs: number;
  zone: string;
  pages: readonly Pick<SitePage, "kind">[];
  /** Output files in all (0 when nothing was written). */
  outputs: number;
  issues: readonly ContentIssue[];
  stages: Record<string, number>;
  wallMs: number;
  cold: boolean;
  cache: PublishingReport["cache"];
}

/**
 * The content of report.json.
 * @example publishingReport(input).articles.published // 48
 */
export function publishingReport(input: ReportInput): PublishingReport {
  const articles = { files: input.files, published: 0, draft: 0, embargoed: 0, withdrawn: 0 };
  for (const record of input.records) articles[publishingState(record, input.nowMs)]++;
  const pages: Record<string, number> = {};
  for (const page of input.pages) pages[page.kind] = (pages[page.kind] ?? 0) + 1;
  return runReport({ articles, pages, files: input.outputs, embargoes: nextPublish(input.records, input.nowMs, input.zone) }, input);
}

/** The parts of report.json that follow from the archive's index. */
export type IndexParts = Pick<PublishingReport, "articles" | "pages" | "files" | "embargoes">;

/**
 * report.json from the parts that follow from the index and what this build did (a quick
 * rebuild keeps the index's parts of the build before it).
 * @example runReport(parts, { ok: true, issues: [], stages: {}, wallMs: 812, cold: false, cache }).warnings // 0
 */
export function runReport(parts: IndexParts, run: Pick<ReportInput, "ok" | "issues" | "stages" | "wallMs" | "cold" | "cache">): PublishingReport {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    ok: run.ok,
    articles: parts.articles,
    pages: parts.pages,
    files: parts.files,
    warnings: run.issues.filter((i) => i.severity === "warning").length,
    errors: run.issues.filter((i) => i.severity === "error").length,
    issues: run.issues.map(({ code, severity, file, line, message }) => ({ code, severity, file, ...(line === undefined ? {} : { line }), message })),
    embargoes: parts.embargoes,
    stages: Object.fromEntries(Object.entries(run.stages).map(([stage, ms]) => [stage, round(ms)])),
    wallMs: round(run.wallMs),
    cold: run.cold,
    cache: run.cache,
  };
}

/**
 * Writes report.json and next-publish.json into `dir`.
 * @example writeBuildReports(".gazette", report)
 */
export function writeBuildReports(dir: string, report: PublishingReport): void {
  writeFileAtomic(join(dir, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileAtomic(join(dir, "next-publish.json"), `${JSON.stringify(report.embargoes, null, 2)}\n`);
}
