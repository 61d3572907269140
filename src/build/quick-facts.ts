/**
 * What a full build leaves in its manifest so that the next build can tell, without reading
 * or indexing the archive, that an edit touched nothing but one article's own page
 * (quick-rebuild.ts): when publishing states change, which bodies feeds carry, the issues it
 * reported, the other inputs' stamps, and the counts of its report.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import type { ArticleRecord } from "../archive/article-record.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import { listStaticFiles, STATIC_FOLDER } from "../media/static-files.ts";
import type { IndexParts } from "../publishing/build-reports.ts";
import { publishAt } from "../publishing/publishing-state.ts";

/** A file's stamp, as `[path below the content folder, size, mtimeMs, ctimeMs, ino]` (-1 for a missing file). */
export type InputStamp = [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** The facts (see the module comment). */
export interface QuickFacts {
  /** Every instant at which an article's publishing state changes (a non-draft's publication), sorted. */
  stateChanges: number[];
  /** The article files whose bodies a feed carries. */
  feedBodies: string[];
  /** The issues the build reported. */
  issues: ContentIssue[];
  /** The static files and the articles' images, which a quick rebuild does not copy or encode. */
  inputs: InputStamp[];
  /** The parts of report.json that follow from the index. */
  report: IndexParts;
  /** The report folder the build wrote to, or null for none. */
  reportDir: string | null;
  /** The media stage's counts that follow from the inputs: images, their variants, static files. */
  media: { images: number; variants: number; staticFiles: number };
}

/** What the facts are gathered from. */
export interface FactSources {
  records: readonly ArticleRecord[];
  /** The inputs' stamps, taken before the build read them ({@link inputStamps}). */
  inputs: InputStamp[];
  feedBodies: readonly string[];
  issues: ContentIssue[];
  report: QuickFacts["report"];
  reportDir: string | undefined;
  media: QuickFacts["media"];
}

/**
 * The facts of a finished build.
 * @example quickFacts({ records, inputs, feedBodies, issues, report, reportDir: ".gazette", media }).stateChanges
 */
export function quickFacts(sources: FactSources): QuickFacts {
  const changes = new Set<number>();
  for (const record of sources.records) if (!record.draft) changes.add(publishAt(record));
  return {
    stateChanges: [...changes].sort((a, b) => a - b),
    feedBodies: [...new Set(sources.feedBodies)].sort(),
    issues: sources.issues,
    inputs: sources.inputs,
    report: sources.report,
    reportDir: sources.reportDir ?? null,
    media: sources.media,
  };
}

/**
 * The stamps of the static files and of every image the records name, sorted by path.
 * @example inputStamps("content", records) // [["2023/a/photo.jpg", 48213, 1700000000000, 1700000000000, 5521], ["static/logo.png", …]]
 */
export function inputStamps(content: string, records: readonly Pick<ArticleRecord, "media">[]): InputStamp[] {
  const paths = new Set(listStaticFiles(content).map((path) => `${STATIC_FOLDER}${path}`));
  for (const record of records) for (const image of record.media ?? []) paths.add(image.source);
  return [...paths].sort().map((path) => {
    const stats = statSync(join(content, path), { throwIfNoEntry: false });
    return [path, stats?.size ?? -1, stats?.mtimeMs ?? -1, stats?.ctimeMs ?? -1, stats?.ino ?? -1];
  });
}

/**
 * True when some article's publishing state differs between the two instants: an instant of
 * `stateChanges` lies after the earlier and at or before the later.
 * @example statesChange([100], 50, 150) // true
 * @example statesChange([100], 100, 150) // false
 */
export function statesChange(stateChanges: readonly number[], fromMs: number, toMs: number): boolean {
  const [low, high] = fromMs <= toMs ? [fromMs, toMs] : [toMs, fromMs];
  return stateChanges.some((at) => at > low && at <= high);
}
