/**
 * What `gazette serve` knows between builds, and what it answers in place of the output
 * folder. An edit shows in two steps:
 *
 * 1. `preview`: the edited articles' pages are rendered in memory against the last good
 *    build's index (page-preview.ts) and served in place of the pages on disk — on screen in a
 *    few dozen milliseconds, whatever the archive's size; `previewListings` then does the same
 *    for the listing pages that show a new headline or summary (listing-preview.ts);
 * 2. `rebuild`: the full warm build (`buildSite` with the build cache and listing signatures:
 *    only what the edit touches is rendered) puts every changed page in place exactly as
 *    `gazette build` would, and drops the previews it covers.
 *
 * A content error found by either step is printed once (each issue once while the archive
 * stays broken, no stack trace) and replaces every page in the browser until a build succeeds;
 * the last good pages stay in the output folder.
 */
import { relative, resolve, sep } from "node:path";
import { buildSite, type BuildResult } from "../build/build-site.ts";
import { BuildFailure } from "../build/build-failure.ts";
import { createPreviewer, servedPath, type Previewer } from "./page-preview.ts";
import { createListingPreviewer, type ListingPreviewer } from "./listing-preview.ts";
import type { ArticleRecord } from "../archive/article-record.ts";
import { formatIssue, hasErrors, type ContentIssue } from "../issues/content-issue.ts";
import { buildErrorPage } from "../../layouts/build-error-page.ts";

/** Options of a dev session. */
export interface DevSessionOptions {
  content: string;
  out: string;
  drafts: boolean;
  /**
   * Runs one build of `content` into `out` with `retain` (the dev server's runs on its own
   * thread: build-thread.ts); default: `buildSite` on this thread.
   */
  build?: () => Promise<BuildResult>;
  /**
   * The listing pages that show the articles of `records` (build-thread.ts runs them where the
   * build keeps its listing pages); default: from the `kept` site of the last build on this thread.
   */
  listings?: (records: readonly ArticleRecord[]) => Promise<Map<string, string>>;
  /** Where the session's lines go (default: the process's stdout and stderr). */
  print?: { out: (line: string) => void; error: (line: string) => void };
}

/** A response in place of the output folder's file. */
export interface DevResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One dev server's state between builds. */
export interface DevSession {
  /** The first build; a file-system failure (another tool's output folder) is thrown, as `gazette build` stops. */
  start(): Promise<BuildResult>;
  /** Notes a changed path, as the watcher reports it (before any build can read it). */
  changed(path: string): void;
  /** Previews the articles among the paths changed since the last preview; true when a page or an error changed what is shown. */
  preview(): boolean;
  /** Previews the listing pages that show the articles of the last preview; true when any page was added. */
  previewListings(): Promise<boolean>;
  /** The full build after changes; a file-system failure is printed and the session goes on. */
  rebuild(): Promise<BuildResult | undefined>;
  /** The error page, a preview, or false to serve the output folder's file. */
  respond(url: URL): DevResponse | false;
}

/**
 * A session over `options.content` built into `options.out`.
 * @example const session = devSession({ content: "content", out: "_site", drafts: false }); await session.start();
 */
export function devSession(options: DevSessionOptions): DevSession {
  const content = resolve(options.content);
  const out = resolve(options.out);
  const print = options.print ?? { out: (line: string) => process.stdout.write(`${line}\n`), error: (line: string) => process.stderr.write(`${line}\n`) };
  // Each preview carries the number of the change it shows: a build drops the previews of the
  // changes it read, not those that came in while it ran.
  const previews = new Map<string, { html: string; change: number }>();
  let changes = 0;
  const pending = new Set<string>();
  let failing: ContentIssue[] | undefined;
  let previewer: Previewer | undefined;
  let listingPreviewer: ListingPreviewer | undefined;
  // The records of the last preview without errors, and its change, for previewListings.
  let previewed: { records: ArticleRecord[]; change: number } | undefined;
  const printed = new Set<string>();

  const announce = (issues: readonly ContentIssue[]) => {
    const lines = issues.map((issue) => formatIssue(issue, content)).filter((line) => !printed.has(line));
    if (!lines.length) return;
    for (const line of lines) printed.add(line);
    print.error(`gazette: the archive in ${content} has errors (the browser shows them until they are fixed):\n${lines.join("\n")}`);
  };
  const recovered = () => {
    if (failing) print.out("gazette: the archive has no errors again.");
    failing = undefined;
    printed.clear();
  };
  // The newest change a settled build has read.
  let builtChange = 0;
  const settle = (result: BuildResult, read: number) => {
    builtChange = Math.max(builtChange, read);
    for (const [path, preview] of previews) if (preview.change <= read) previews.delete(path);
    if (!result.ok) {
      failing = result.issues;
      announce(result.issues);
      return;
    }
    recovered();
    previewer = result.base && createPreviewer(result.base);
    listingPreviewer = result.kept && createListingPreviewer(result.kept);
  };
  const build = options.build ?? (() => buildSite({ content, out, drafts: options.drafts, retain: true, reportDir: false }));

  return {
    async start() {
      const result = await build();
      settle(result, changes);
      return result;
    },
    changed(path) {
      changes += 1;
      pending.add(path);
    },
    preview() {
      const change = changes;
      const files = [...pending].map((path) => articleFile(content, path)).filter((file): file is string => file !== undefined);
      pending.clear();
      if (!previewer || !files.length) return false;
      const preview = previewer.preview(files);
      // The previewed files' issues are replaced by what they say now; others stay until a build.
      const others = (failing ?? []).filter((issue) => !preview.files.includes(issue.file));
      if (hasErrors(preview.issues)) {
        failing = [...others, ...preview.issues];
        announce(preview.issues);
        return true;
      }
      if (failing && !hasErrors(others)) recovered();
      else if (failing) failing = others;
      for (const [path, html] of preview.pages) previews.set(path, { html, change });
      previewed = { records: preview.records, change };
      return preview.pages.size > 0;
    },
    async previewListings() {
      const batch = previewed;
      previewed = undefined;
      if (!batch) return false;
      const pages = options.listings ? await options.listings(batch.records) : (listingPreviewer?.preview(batch.records) ?? new Map<string, string>());
      // A build that read a later change may have settled meanwhile: its pages are newer.
      if (batch.change <= builtChange) return false;
      for (const [path, html] of pages) previews.set(path, { html, change: batch.change });
      return pages.size > 0;
    },
    async rebuild() {
      const read = changes;
      const started = performance.now();
      let result: BuildResult;
      try {
        result = await build();
      } catch (error) {
        // A file-system failure (a full disk, a locked folder) is one line, and the server goes on.
        if (!(error instanceof BuildFailure)) throw error;
        print.error(`gazette: ${error.line}`);
        return undefined;
      }
      settle(result, read);
      if (result.ok) print.out(`gazette: rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s (${rebuiltPages(result)})`);
      return result;
    },
    respond(url) {
      if (!isPageRequest(url)) return false;
      const headers = { "Content-Type": "text/html; charset=utf-8" };
      if (failing) return { status: 500, headers, body: buildErrorPage(failing, content) };
      const preview = previews.get(servedPath(url.pathname));
      return preview === undefined ? false : { status: 200, headers, body: preview.html };
    },
  };
}

/**
 * The article file (relative to `content`, with forward slashes) a changed path names, if any.
 * @example articleFile("/site/content", "/site/content/2023/a.md") // "2023/a.md"
 */
export function articleFile(content: string, path: string): string | undefined {
  const file = relative(content, resolve(path));
  if (file.startsWith("..") || !/\.(md|markdown)$/.test(file)) return undefined;
  return file.split(sep).join("/");
}

/** What a rebuild rendered, for its line in the terminal. */
function rebuiltPages(result: BuildResult): string {
  const { rendered, listings } = result.report.cache;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(rendered, "article page")} and ${plural(listings, "listing page")} rendered`;
}

/**
 * Whether a request is for a page (the error page replaces pages, never stylesheets or files).
 * @example isPageRequest(new URL("http://localhost:8080/politics/")) // true
 */
export function isPageRequest(url: URL): boolean {
  return url.pathname.endsWith("/") || url.pathname.endsWith(".html") || !/\.[a-z0-9]+$/i.test(url.pathname);
}
