/**
 * The article stage, pass 2: render the pages of articles after the archive is indexed, with
 * the navigation each shows (previous, next, related) and its links to other articles
 * already resolved. The body is read from the file again — no build holds every body in
 * memory — without parsing its front matter a second time (the record has it). Runs in
 * worker threads like pass 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { articlePage } from "../../layouts/article-page.ts";
import { tombstonePage } from "../../layouts/tombstone-page.ts";
import { createRenderContext } from "../../layouts/context.ts";
import { fromRecord, type ArticleRecord } from "../archive/article-record.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import { buildSectionTree } from "../archive/sections.ts";
import { articleBody } from "../content/front-matter.ts";
import { bodyImageEnv } from "../media/article-media.ts";
import { DEFAULT_IMAGE_SETTINGS } from "../media/image-settings.ts";
import type { ArticleNav } from "../navigation/article-nav.ts";
import { emptyTimes, type PrepareOptions, type StepTimes } from "./prepare-article.ts";

/** One page to render: plain data, sent to worker threads. */
export interface RenderJob {
  file: string;
  record: ArticleRecord;
  dateline?: string;
  nav: ArticleNav;
  /** The links of its text that name another article (as written → URL with fragment). */
  resolved: Record<string, string>;
  /** The article itself, a preview of an unpublished one (banner, noindex), or a tombstone. */
  page: "article" | "preview" | "tombstone";
  /** Why a preview is not published. */
  state?: "draft" | "embargoed";
}

/** A rendered page. */
export interface RenderedFile {
  file: string;
}

/** One page rendered in memory: its path below the output folder and its HTML. */
export interface PageHtml {
  path: string;
  html: string;
}

/**
 * Returns a function that renders one page in memory (the dev server's preview uses it alone),
 * adding the time of each step to `times`.
 * @example createPageRenderer(options)(job).path // "2023/02/18/a/index.html"
 */
export function createPageRenderer(options: PrepareOptions, times: StepTimes = emptyTimes()): (job: RenderJob) => PageHtml {
  const sections = buildSectionTree(options.site.sections);
  const ctx = createRenderContext(options.site, sections, options.stylesheet);
  const imageSettings = options.site.images ?? DEFAULT_IMAGE_SETTINGS;
  return (job) => {
    let t = performance.now();
    const body = articleBody(readFileSync(join(options.root, job.file), "utf8"));
    times.read += performance.now() - t;
    t = performance.now();
    const summary = fromRecord(job.record, options.site.timeZone);
    // The body's local images, found again from the record's images by their paths.
    const bodyImages = summary.media?.length ? bodyImageEnv(summary, body, imageSettings).images : undefined;
    const article = { ...summary, body, ...(job.dateline === undefined ? {} : { dateline: job.dateline }), ...(bodyImages ? { bodyImages } : {}) };
    const env = { resolveHref: (href: string) => (Object.hasOwn(job.resolved, href) ? job.resolved[href] : undefined) };
    const html =
      job.page === "tombstone"
        ? tombstonePage(ctx, { ...article, withdrawn: article.withdrawn! })
        : articlePage({ ...ctx, markdown: { ...ctx.markdown, render: (markdown, extra) => ctx.markdown.render(markdown, { ...extra, ...env }) } }, article, job.nav, job.page === "preview" ? job.state : undefined);
    times.render += performance.now() - t;
    return { path: outputPathFor(article.url), html };
  };
}

/**
 * Returns a function that renders batches of pages into `options.pagesDir`, adding the time
 * of each step to `times`.
 * @example createRenderer(options)([job]) // [{ file: "2023/a.md" }]
 */
export function createRenderer(options: PrepareOptions, times: StepTimes = emptyTimes()) {
  const renderPage = createPageRenderer(options, times);
  const madeDirs = new Set<string>();
  // Day folders are shared by many articles: create each once, then only the article's own.
  const makeDir = (dir: string): void => {
    if (madeDirs.has(dir)) return;
    const parent = dirname(dir);
    if (!madeDirs.has(parent)) mkdirSync(parent, { recursive: true }), madeDirs.add(parent);
    // Not recursive: the parent is there, and a recursive mkdir walks the path again.
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    madeDirs.add(dir);
  };

  const renderOne = (job: RenderJob): RenderedFile => {
    const page = renderPage(job);
    const t = performance.now();
    const target = join(options.pagesDir!, page.path);
    makeDir(dirname(target));
    writeFileSync(target, page.html);
    times.write += performance.now() - t;
    return { file: job.file };
  };

  return (jobs: readonly RenderJob[]): RenderedFile[] => jobs.map(renderOne);
}
