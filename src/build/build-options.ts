/**
 * What a build's options mean for its output and its report: the options in the cache key,
 * the base URL and "now" they give, and the report every build starts from. Shared by the
 * full build (build-site.ts) and the quick rebuild (quick-rebuild.ts).
 */
import { parseBaseUrl } from "../deploy/base-url.ts";
import { searchOption } from "../search/search-stage.ts";
import { SITEMAP_LIMITS } from "../syndication/sitemap.ts";
import type { OutputOptions } from "./build-cache.ts";
import type { BuildOptions, BuildReport } from "./build-site.ts";
import { emptyTimes } from "./prepare-article.ts";

/**
 * The build options that change the output, for the cache key. Every new option that changes
 * what is written belongs here; `threads` and the cache folder do not change a byte.
 * @example outputOptions({ content: "c", out: "o", drafts: true }) // { drafts: true, baseUrl: null, hostFiles: true }
 */
export function outputOptions(options: BuildOptions): OutputOptions {
  return {
    drafts: Boolean(options.drafts || options.preview),
    baseUrl: baseUrlOf(options) ?? null,
    hostFiles: options.hostFiles !== false,
    feeds: !options.noFeeds,
    now: options.now === undefined ? null : Date.parse(options.now),
    sitemapThreshold: options.sitemapThreshold ?? SITEMAP_LIMITS.defaultThreshold,
    search: searchOption(options),
  };
}

/** The validated `baseUrl` option; the CLI reports a bad one as `base-url-invalid` before building. */
export function baseUrlOf(options: BuildOptions): string | undefined {
  if (options.baseUrl === undefined) return undefined;
  const url = parseBaseUrl(options.baseUrl);
  if (url === undefined) throw new Error(`baseUrl "${options.baseUrl}" is not an absolute http(s) address.`);
  return url;
}

/** "Now" for embargoes: `--now`, else the wall clock (the one decision that reads it). */
export function embargoNow(options: BuildOptions): number {
  return options.now === undefined ? Date.now() : Date.parse(options.now);
}

/** A report with every stage at 0, filled in as the build goes. */
export function emptyReport(): BuildReport {
  return {
    articles: 0,
    pages: 0,
    wallMs: 0,
    cold: true,
    threads: 1,
    stages: { load: 0, articles: 0, index: 0, render: 0, listings: 0, syndication: 0, search: 0, apply: 0 },
    articleSteps: emptyTimes(),
    cache: { reused: 0, prepared: 0, unchangedContent: 0, rendered: 0, listings: 0 },
    resources: { maxRssMb: 0, cpuUserMs: 0, cpuSystemMs: 0 },
  };
}

/** The report with the build's wall time and the process's peak memory and CPU time so far. */
export function finishedReport(report: BuildReport, started: number): BuildReport {
  const usage = process.resourceUsage();
  report.wallMs = performance.now() - started;
  report.resources = { maxRssMb: Math.round(usage.maxRSS / 1024), cpuUserMs: Math.round(usage.userCPUTime / 1000), cpuSystemMs: Math.round(usage.systemCPUTime / 1000) };
  return report;
}
