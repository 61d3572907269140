/**
 * The article stage: read one file, validate and normalise it, and — when it is to be
 * published — render its page and write it out at once, so no article's HTML is held in
 * memory. Runs in worker threads for large archives (see parallel/), inline for small ones.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { articlePage } from "../../layouts/article-page.ts";
import { createRenderContext } from "../../layouts/context.ts";
import { toRecord, type ArticleRecord } from "../archive/article-record.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { SiteConfig } from "../model.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import { buildSectionTree } from "../archive/sections.ts";
import { validateArticle } from "../content/validate-article.ts";
import { hasErrors } from "../issues/content-issue.ts";
import { createImageReader, resolveArticleMedia } from "../media/article-media.ts";
import { DEFAULT_IMAGE_SETTINGS } from "../media/image-settings.ts";

/** What every file of one build is prepared with. Plain data: it is sent to worker threads. */
export interface PrepareOptions {
  root: string;
  site: SiteConfig;
  drafts: boolean;
  /** Folder article pages are written into; without it files are only validated. */
  pagesDir?: string;
  /** Link target of the stylesheet, as the layouts print it. */
  stylesheet: string;
}

/** One file to prepare; with the hash the cache last saw, an unchanged file is not parsed. */
export interface PrepareJob {
  file: string;
  previousHash?: string;
}

/** Milliseconds spent in each step, summed over the files prepared. */
export interface StepTimes {
  read: number;
  validate: number;
  render: number;
  write: number;
}

/** The outcome for one file. */
export interface PreparedFile {
  file: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
  /** True when the content hash matched `previousHash`: nothing was parsed or written. */
  unchanged: boolean;
  issues: ContentIssue[];
  record?: ArticleRecord;
  /** True when the article's page was written. */
  written: boolean;
}

/**
 * Returns a function that prepares batches of files with one shared context (one Markdown
 * renderer, one section tree), adding the time of each step to `times`.
 * @example createPreparer(options)([{ file: "2023/a.md" }]) // [{ file: "2023/a.md", record: {…}, … }]
 */
export function createPreparer(options: PrepareOptions, times: StepTimes = { read: 0, validate: 0, render: 0, write: 0 }) {
  const sections = buildSectionTree(options.site.sections);
  const ctx = createRenderContext(options.site, sections, options.stylesheet);
  const context = { site: options.site, sections };
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const imageSettings = options.site.images ?? DEFAULT_IMAGE_SETTINGS;
  const readImage = createImageReader(options.root, imageSettings);
  // Day folders are shared by many articles: create each once, then only the article's own
  // folder (a recursive mkdir checks every level again, and cost more than the write).
  const madeDirs = new Set<string>();
  const makeDir = (dir: string): void => {
    if (madeDirs.has(dir)) return;
    const parent = dirname(dir);
    if (!madeDirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  };

  const prepareOne = (job: PrepareJob): PreparedFile => {
    let t = performance.now();
    const path = join(options.root, job.file);
    let bytes: Buffer;
    // Stat before reading: a change after this stat gives the next build another stamp.
    let stamp = { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 };
    try {
      const stats = statSync(path);
      stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
      bytes = readFileSync(path);
    } catch (error) {
      const issue = contentIssue("file-unreadable", { file: job.file }, `The file cannot be read: ${(error as Error).message}.`);
      return { file: job.file, ...stamp, hash: "", unchanged: false, issues: [issue], written: false };
    }
    const hash = createHash("sha1").update(bytes).digest("hex");
    const base = { file: job.file, ...stamp, hash };
    if (hash === job.previousHash) return { ...base, unchanged: true, issues: [], written: false };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      const issue = contentIssue("file-unreadable", { file: job.file }, "The file cannot be read: it is not valid UTF-8 text.");
      return { ...base, unchanged: false, issues: [issue], written: false };
    }
    times.read += performance.now() - t;

    t = performance.now();
    const validated = validateArticle(job.file, text, context);
    if (!validated.article) {
      times.validate += performance.now() - t;
      return { ...base, unchanged: false, issues: validated.issues, written: false };
    }
    // Images beside the article are read (size, hash) and checked here; the media stage encodes them.
    const media = resolveArticleMedia(validated.article, text, readImage, imageSettings);
    const { article } = media;
    const issues = [...validated.issues, ...media.issues];
    times.validate += performance.now() - t;
    if (hasErrors(media.issues)) return { ...base, unchanged: false, issues, written: false };

    const publish = options.pagesDir !== undefined && (!article.draft || options.drafts);
    if (publish) {
      t = performance.now();
      const page = articlePage(ctx, article);
      times.render += performance.now() - t;
      t = performance.now();
      const target = join(options.pagesDir!, outputPathFor(article.url));
      makeDir(dirname(target));
      writeFileSync(target, page);
      times.write += performance.now() - t;
    }
    return { ...base, unchanged: false, issues, record: toRecord(article), written: publish };
  };

  return (jobs: readonly PrepareJob[]): PreparedFile[] => jobs.map(prepareOne);
}
