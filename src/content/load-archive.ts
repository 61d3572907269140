/**
 * Loading: read site.yml and every article of a content folder, validate all of them, and
 * return the indexed Archive — or every issue in every file.
 */
import type { SkippedFile } from "./skip-reasons.ts";
export { SKIP_REASONS, type SkipReason, type SkippedFile } from "./skip-reasons.ts";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { fromRecord, type ArticleRecord } from "../archive/article-record.ts";
import { buildArchive, duplicateUrls } from "../archive/archive-index.ts";
import { nameIssues } from "../navigation/name-issues.ts";
import { contentIssue, hasErrors, sortIssues, type ContentIssue } from "../issues/content-issue.ts";
import type { Archive, Section, SiteConfig } from "../model.ts";
import { prepareInParallel } from "../build/prepare-in-parallel.ts";
import { buildSectionTree } from "../archive/sections.ts";
import { readSiteConfig } from "./site-config.ts";
import { ARTICLE_EXTENSION } from "./slugs.ts";
import { selectArticles } from "../publishing/select-articles.ts";
import { archiveCollisions } from "../publishing/archive-collisions.ts";
import { checkArchiveLinks } from "../build/render-pass.ts";
import { siteOutputs } from "../build/site-outputs.ts";
import { listingPages } from "../archive/site-pages.ts";
import { readStylesheet } from "../render/stylesheet.ts";
import { SITEMAP_LIMITS } from "../syndication/sitemap.ts";
import { STATIC_FOLDER } from "../media/static-files.ts";
import { withThemeFiles } from "../media/site-theme.ts";

/** Options for loading an archive. */
export interface LoadOptions {
  /** Include articles marked `draft: true`, and embargoed ones (a preview). */
  drafts?: boolean;
  /** "Now" for embargoes, epoch milliseconds (default: the wall clock). */
  nowMs?: number;
}

/** The outcome of loading: an archive when no file has an error, and every issue found. */
export interface LoadResult {
  archive?: Archive;
  issues: ContentIssue[];
  /** Article files read, drafts included. */
  filesRead: number;
  /** Files and folders of the content folder not read as articles. */
  skipped: SkippedFile[];
}

/** A content folder's site.yml, read and validated. */
export interface LoadedSite {
  site?: SiteConfig;
  sections?: Map<string, Section>;
  /** The text of site.yml, for the build cache's key. */
  text?: string;
  issues: ContentIssue[];
}

/**
 * Reads and validates `root/site.yml`, after checking the folder exists.
 * @example loadSite("content").site?.title // "The Lakeside Ledger"
 */
export function loadSite(root: string): LoadedSite {
  const folder = statSync(root, { throwIfNoEntry: false });
  if (!folder?.isDirectory()) {
    return { issues: [contentIssue("content-missing", { file: root }, `The content folder ${root} does not exist.`)] };
  }
  let text: string;
  try {
    text = readFileSync(join(root, "site.yml"), "utf8");
  } catch {
    return { issues: [contentIssue("site-missing", { file: "site.yml" }, `There is no site.yml in ${root}.`)] };
  }
  const { site: read, issues } = readSiteConfig(text);
  const site = read && withThemeFiles(read, root, text, issues);
  return site && !hasErrors(issues) ? { site, sections: buildSectionTree(site.sections), text, issues } : { issues: sortIssues(issues) };
}

/** What a content folder holds: article files to read, what was left out, and link loops. */
export interface ContentScan {
  /** Sorted, relative to the content folder, `/` separators. */
  files: string[];
  skipped: SkippedFile[];
  issues: ContentIssue[];
}

/**
 * Scans `root` for articles (`.md`, `.markdown`, any case). Names starting with `_` or `.`
 * are ignored, files and folders alike. Symbolic links are followed; a link to a folder that
 * contains it is reported instead, so the walk always ends.
 * @example scanContentFolder("content").skipped // [{ file: "notes.txt", reason: "not Markdown" }]
 */
export function scanContentFolder(root: string): ContentScan {
  const scan: ContentScan = { files: [], skipped: [], issues: [] };
  const walk = (dir: string, prefix: string, ancestors: readonly string[]): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix + entry.name;
      if (entry.name.startsWith("_") || entry.name.startsWith(".") || entry.name === "node_modules") {
        scan.skipped.push({ file: relative, reason: "ignored name" });
        continue;
      }
      // static/ is copied to the site as it is (src/media/static-files.ts), never read as articles.
      if (prefix === "" && entry.name === STATIC_FOLDER) continue;
      // Concatenated, not join()ed: dir is already normal, and join() is a tenth of a scan of 100,000 files.
      const path = `${dir}/${entry.name}`;
      const link = entry.isSymbolicLink();
      const stats = link ? statSync(path, { throwIfNoEntry: false }) : entry;
      if (stats?.isDirectory()) {
        const real = link ? realpathSync(path) : join(ancestors[ancestors.length - 1], entry.name);
        if (ancestors.includes(real)) {
          scan.issues.push(contentIssue("symlink-loop", { file: relative }, `The link ${relative} points at ${real}, a folder it is inside; it is not followed.`));
        } else {
          walk(path, `${relative}/`, [...ancestors, real]);
        }
      } else if (stats && !stats.isFile()) {
        // A FIFO or socket would block the reader for ever.
        scan.skipped.push({ file: relative, reason: "not a regular file" });
      } else if (ARTICLE_EXTENSION.test(entry.name)) {
        // A broken link named like an article is read, and reported as unreadable.
        scan.files.push(relative);
      } else if (!stats) {
        scan.skipped.push({ file: relative, reason: "broken link" });
      } else if (!(prefix === "" && entry.name === "site.yml")) {
        scan.skipped.push({ file: relative, reason: "not Markdown" });
      }
    }
  };
  walk(root, "", [realpathSync(root)]);
  scan.files.sort();
  scan.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return scan;
}

/**
 * Lists article files below `root`, sorted, as paths relative to it with `/` separators.
 * @example listArticleFiles("content") // ["2023/a.md", "2024/b.md"]
 */
export function listArticleFiles(root: string): string[] {
  return scanContentFolder(root).files;
}

/**
 * The index stage: checks the published records together (two articles on one URL), adds
 * those issues to the ones found file by file, and indexes the archive when none is an error.
 * Drafts and embargoed articles are published only in a preview (`drafts`); withdrawn ones
 * keep their URLs (tombstones) but leave every list. Aliases may not collide with any page.
 * @example indexRecords(site, sections, records, [], false).archive?.articles.length
 */
export function indexRecords(
  site: SiteConfig,
  sections: Map<string, Section>,
  records: readonly ArticleRecord[],
  fileIssues: readonly ContentIssue[],
  drafts: boolean,
  nowMs: number = Date.now(),
): { archive?: Archive; issues: ContentIssue[] } {
  const { listed, withdrawn, pending } = selectArticles(records, nowMs, drafts);
  const issues = sortIssues([...fileIssues, ...duplicateUrls([...listed, ...withdrawn, ...pending]), ...nameIssues(listed)]);
  if (hasErrors(issues)) return { issues };
  const archive = buildArchive(site, sections, listed.map((r) => fromRecord(r, site.timeZone)));
  if (withdrawn.length) archive.withdrawn = buildArchive(site, sections, withdrawn.map((r) => fromRecord(r, site.timeZone))).articles;
  const collisions = archiveCollisions(archive);
  if (collisions.length) return { issues: sortIssues([...issues, ...collisions]) };
  return { archive, issues };
}

/**
 * Loads, validates and indexes the archive in `root`, writing nothing.
 * @example const { archive, issues } = await loadArchive("content");
 */
export async function loadArchive(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const loaded = loadSite(root);
  if (!loaded.site || !loaded.sections) return { issues: loaded.issues, filesRead: 0, skipped: [] };
  const { site, sections } = loaded;
  const { files, skipped, issues: scanIssues } = scanContentFolder(root);
  const prepared = await prepareInParallel(
    files.map((file) => ({ file })),
    { root, site, drafts: Boolean(options.drafts), stylesheet: "", ...(options.nowMs === undefined ? {} : { nowMs: options.nowMs }) },
  );
  const records = prepared.files.flatMap((f) => (f.record ? [f.record] : []));
  const fileIssues = [...loaded.issues, ...scanIssues, ...prepared.files.flatMap((f) => f.issues)];
  const indexed = indexRecords(site, sections, records, fileIssues, Boolean(options.drafts), options.nowMs);
  if (!indexed.archive) return { ...indexed, filesRead: files.length, skipped };
  // Links are checked against what a default `gazette build` of this archive writes.
  const links = Object.fromEntries(prepared.files.map((f) => [f.file, { links: f.links }]));
  const syndication = { content: root, sitemapThreshold: SITEMAP_LIMITS.defaultThreshold };
  const outputs = siteOutputs(indexed.archive, { listings: listingPages(indexed.archive), stylesheetPath: readStylesheet().path, hostFiles: true, syndication });
  const issues = sortIssues([...indexed.issues, ...checkArchiveLinks(indexed.archive, links, outputs)]);
  return { archive: indexed.archive, issues, filesRead: files.length, skipped };
}
