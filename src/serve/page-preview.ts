/**
 * The dev server's preview of an edited article: its page rendered in memory, within a few
 * milliseconds of the edit, against the index of the last good build (the previous, next and
 * related articles it showed then). The full warm build that follows renders every page the
 * edit touches into the output folder; until it is in place the dev server serves the preview
 * in place of the page on disk. Nothing here writes a file, so the output folder and the
 * build cache keep every guarantee of a build.
 *
 * Only a page the last build wrote is previewed: a new file, or one whose edit takes it out of
 * the published archive, waits for the full build, which alone knows its neighbours.
 */
import type { ContentIssue } from "../issues/content-issue.ts";
import { hasErrors } from "../issues/content-issue.ts";
import type { ArticleNav } from "../navigation/article-nav.ts";
import type { LinkTargets } from "../navigation/article-links.ts";
import type { ArticleRecord } from "../archive/article-record.ts";
import { resolvedLinks } from "../build/render-pass.ts";
import { pageOf, publishingState } from "../publishing/publishing-state.ts";
import { createPreparer, type PrepareOptions } from "../build/prepare-article.ts";
import { createPageRenderer, type RenderJob } from "../build/render-article.ts";

/**
 * What the last good build leaves for previews: how it prepared files, and what its pages show
 * of each other. Plain data: the dev server's build runs on a thread of its own and sends it.
 */
export interface PreviewBase {
  /** The build's prepare options (without `pagesDir`: a preview writes nothing). */
  options: PrepareOptions;
  /** The navigation of each page the build wrote, by its source file (a tombstone's is empty). */
  nav: ReadonlyMap<string, ArticleNav>;
  targets: LinkTargets;
}

/** Pages rendered in memory (path below the output folder → HTML), or the errors that stop them. */
export interface Preview {
  pages: Map<string, string>;
  /** Every issue of the previewed files; any error means no page of them is previewed. */
  issues: ContentIssue[];
  /** The files that were read again (previewed, or stopped by an error). */
  files: string[];
  /** The records of those files as they are now, when none has an error (for listing previews). */
  records: ArticleRecord[];
}

/** Previews against one build. */
export interface Previewer {
  /**
   * Reads, validates and renders `files` (relative to the content folder) as they are now.
   * @example previewer.preview(["2023/02/18/a.md"]).pages // Map { "2023/02/18/a/index.html" → "<!doctype html>…" }
   */
  preview(files: readonly string[]): Preview;
}

/**
 * A previewer over `base`.
 * @example createPreviewer({ options, archive, files }).preview(["2023/02/18/a.md"])
 */
export function createPreviewer(base: PreviewBase): Previewer {
  const { targets, nav } = base;
  const prepare = createPreparer(base.options);
  const render = createPageRenderer(base.options);

  return {
    preview(files) {
      const candidates = files.filter((file) => nav.has(file));
      const prepared = prepare(candidates.map((file) => ({ file })));
      const issues = prepared.flatMap((file) => file.issues);
      const pages = new Map<string, string>();
      if (hasErrors(issues)) return { pages, issues, files: candidates, records: [] };
      for (const file of prepared) {
        const record = file.record!;
        const state = publishingState(record, base.options.nowMs ?? Date.now());
        const page = pageOf(state, base.options.drafts);
        // Out of the published archive now (a draft, an embargo): the full build removes it.
        if (page === undefined) continue;
        const resolved = resolvedLinks(file.links, file.file, targets);
        const job: RenderJob = {
          file: file.file,
          record,
          ...(file.dateline === undefined ? {} : { dateline: file.dateline }),
          // A tombstone shows no navigation (render-pass.ts).
          nav: page === "tombstone" ? { related: [] } : nav.get(file.file)!,
          resolved,
          page,
          ...(page === "preview" ? { state: state as "draft" | "embargoed" } : {}),
        };
        const { path, html } = render(job);
        pages.set(path, html);
      }
      return { pages, issues, files: candidates, records: prepared.map((file) => file.record!) };
    },
  };
}

/**
 * The output path a request for `pathname` is served from (a folder's index.html), as the
 * keys of {@link Preview.pages}.
 * @example servedPath("/2023/02/18/a/") // "2023/02/18/a/index.html"
 */
export function servedPath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape names no page of ours; look it up as written.
  }
  path = path.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}
