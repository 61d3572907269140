/**
 * The article stage, pass 1: read one file, validate and normalise it into a record, and
 * collect the links of its text (for the link check and for resolving links between
 * articles). Pages are rendered in pass 2 (render-article.ts), after the archive is indexed,
 * because they show other articles (previous, next, related). Runs in worker threads for
 * large archives (see prepare-in-parallel.ts), inline for small ones.
 */
import { hash as oneShotHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createMarkdown } from "../render/markdown.ts";
import { articleLinks, type ArticleLink } from "../navigation/body-links.ts";
import { toRecord, type ArticleRecord } from "../archive/article-record.ts";
import { signature } from "../syndication/unit-signatures.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { SiteConfig } from "../model.ts";
import { buildSectionTree } from "../archive/sections.ts";
import { validateArticle } from "../content/validate-article.ts";
import { hasErrors } from "../issues/content-issue.ts";
import { createImageReader, resolveArticleMedia } from "../media/article-media.ts";
import { DEFAULT_IMAGE_SETTINGS } from "../media/image-settings.ts";

/** What every file of one build is prepared with. Plain data: it is sent to worker threads. */
export interface PrepareOptions {
  root: string;
  site: SiteConfig;
  /** A preview: drafts and embargoed articles are written too, with the "Not published" banner. */
  drafts: boolean;
  /** "Now" for embargoes, epoch milliseconds; the same for every thread of one build. */
  nowMs?: number;
  /** Folder article pages are written into (pass 2); pass 1 writes nothing. */
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
  /** Collecting the links of bodies and update notes (pass 1). */
  links: number;
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
  /** The digest of `record` (unit-signatures.ts). */
  recordSignature?: string;
  /** The article's dateline (not part of the record: only its own page shows it). */
  dateline?: string;
  /** Links in the body and update notes, with their lines. */
  links?: ArticleLink[];
}

/**
 * Returns a function that prepares batches of files with one shared context (one Markdown
 * parser, one section tree), adding the time of each step to `times`.
 * @example createPreparer(options)([{ file: "2023/a.md" }]) // [{ file: "2023/a.md", record: {…}, … }]
 */
export function createPreparer(options: PrepareOptions, times: StepTimes = emptyTimes()) {
  const sections = buildSectionTree(options.site.sections);
  const markdown = createMarkdown();
  const context = { site: options.site, sections };
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const imageSettings = options.site.images ?? DEFAULT_IMAGE_SETTINGS;
  const readImage = createImageReader(options.root, imageSettings);

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
      return { file: job.file, ...stamp, hash: "", unchanged: false, issues: [issue] };
    }
    const hash = oneShotHash("sha1", bytes);
    const base = { file: job.file, ...stamp, hash };
    if (hash === job.previousHash) return { ...base, unchanged: true, issues: [] };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      const issue = contentIssue("file-unreadable", { file: job.file }, "The file cannot be read: it is not valid UTF-8 text.");
      return { ...base, unchanged: false, issues: [issue] };
    }
    times.read += performance.now() - t;

    t = performance.now();
    const validated = validateArticle(job.file, text, context);
    if (!validated.article) {
      times.validate += performance.now() - t;
      return { ...base, unchanged: false, issues: validated.issues };
    }
    // Images beside the article are read (size, hash) and checked here; the media stage encodes them.
    const media = resolveArticleMedia(validated.article, text, readImage, imageSettings);
    const { article } = media;
    const issues = [...validated.issues, ...media.issues];
    times.validate += performance.now() - t;
    if (hasErrors(media.issues)) return { ...base, unchanged: false, issues };
    t = performance.now();
    // A local image in the body is a <picture> of variants the build writes, not a link to check.
    const local = new Set(Object.keys(article.bodyImages ?? {}));
    const links = articleLinks(markdown, article, text).filter((link) => !local.has(link.href));
    times.links += performance.now() - t;
    const dateline = article.dateline === undefined ? {} : { dateline: article.dateline };
    const record = toRecord(article);
    // Made here, on the worker: the listing signatures identify each teaser by it (listing-signatures.ts).
    return { ...base, unchanged: false, issues, record, recordSignature: signature(record), ...dateline, links };
  };

  return (jobs: readonly PrepareJob[]): PreparedFile[] => jobs.map(prepareOne);
}

/**
 * Step times of nothing yet.
 * @example emptyTimes().read // 0
 */
export function emptyTimes(): StepTimes {
  return { read: 0, validate: 0, links: 0, render: 0, write: 0 };
}
