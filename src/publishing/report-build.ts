/**
 * The build's side of the report folder: where it is (checked against the output folder), and
 * report.json and next-publish.json from a staged or stopped build.
 */
import { isAbsolute, relative, resolve } from "node:path";
import type { ArticleRecord } from "../archive/article-record.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import { BuildFailure } from "../build/build-failure.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { Archive } from "../model.ts";
import { DEFAULT_REPORT_DIR } from "../build/work-folders.ts";
import { publishingReport, writeBuildReports, type PublishingReport } from "./build-reports.ts";

/** A step of a build, for the progress line. */
export interface BuildProgress {
  stage: "load" | "articles" | "index" | "render" | "listings" | "syndication" | "search" | "apply";
  /** Articles prepared so far, and of how many (the article stage only). */
  done?: number;
  total?: number;
}

/** What a staged (or stopped) build knows that the reports need. */
export interface ReportedBuild {
  ok: boolean;
  issues: ContentIssue[];
  records: ArticleRecord[];
  nowMs: number;
  zone?: string;
  prepared?: { archive: Archive; listings: ListingPage[] };
  manifest?: { files: Record<string, unknown>; outputs: string[] };
  report: { stages: object; wallMs: number; cold: boolean; cache: { reused: number; prepared: number; unchangedContent: number } };
}

/**
 * The report folder resolved, or undefined for none; refused when it overlaps the output folder
 * (it would be published, or replaced with the site).
 * @example reportFolder(undefined, "_site") // "/path/to/cwd/.gazette"
 */
export function reportFolder(reportDir: string | false | undefined, out: string): string | undefined {
  if (reportDir === false) return undefined;
  const dir = resolve(reportDir ?? DEFAULT_REPORT_DIR);
  const site = resolve(out);
  const within = (child: string, parent: string) => {
    const path = relative(parent, child);
    return path === "" || (!path.startsWith("..") && !isAbsolute(path));
  };
  if (within(dir, site) || within(site, dir)) {
    throw new BuildFailure("report-folder-invalid", dir, `The report folder ${dir} overlaps the output folder ${site}.`);
  }
  return dir;
}

/**
 * Writes report.json and next-publish.json for `build` into `dir`. A folder that cannot be
 * written is a warning, never a failure: by then the site is in place, and a failed build
 * would wrongly say it was left as it was.
 * @example reportBuild(".gazette", { ...staged, ok: true }) // undefined, or a report-unwritable warning
 */
export function reportBuild(dir: string, build: ReportedBuild): ContentIssue | undefined {
  return writeReport(dir, reportOf(build));
}

/**
 * Writes report.json and next-publish.json of `report` into `dir`; a warning when the folder
 * cannot be written (see {@link reportBuild}).
 * @example writeReport(".gazette", report) // undefined
 */
export function writeReport(dir: string, report: PublishingReport): ContentIssue | undefined {
  try {
    writeBuildReports(dir, report);
    return undefined;
  } catch (error) {
    return contentIssue("report-unwritable", { file: dir }, `The reports could not be written: ${(error as Error).message}.`);
  }
}

/**
 * What report.json says of `build`.
 * @example reportOf({ ...staged, issues, ok: true }).articles.published // 48
 */
export function reportOf(build: ReportedBuild): PublishingReport {
  const archive = build.prepared?.archive;
  const pages = archive
    ? [...build.prepared!.listings, ...archive.articles.map(() => ({ kind: "article" as const })), ...(archive.withdrawn ?? []).map(() => ({ kind: "tombstone" as const }))]
    : [];
  const stages = build.report.stages as Record<string, number>;
  return publishingReport({
      ok: build.ok,
      files: build.manifest ? Object.keys(build.manifest.files).length : build.records.length,
      records: build.records,
      nowMs: build.nowMs,
      zone: archive?.site.timeZone ?? build.zone ?? "UTC",
      pages,
      outputs: build.ok && build.manifest ? build.manifest.outputs.length : 0,
      issues: build.issues,
      stages,
      wallMs: build.report.wallMs,
      cold: build.report.cold,
      cache: build.report.cache,
    });
}
