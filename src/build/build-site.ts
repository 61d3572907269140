/**
 * A whole build, stage by stage: load the site and the list of articles, prepare every changed
 * article (validate, render its page, write it into a staging folder) on all cores, index the
 * archive, let Eleventy render the listing pages into the same staging folder, and only then
 * put the result in place. A build with content errors writes nothing; the output folder is
 * left exactly as it was.
 */
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import {
  cacheKey,
  isUnchanged,
  manifestPath,
  missingOutputs,
  readManifest,
  trustedManifest,
  writeManifest,
  type BuildManifest,
  type CacheEntry,
  type OutputOptions,
} from "./build-cache.ts";
import { handPreparedSite, type PreparedSite } from "../eleventy/archive-provider.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import { indexRecords, loadSite, scanContentFolder } from "../content/load-archive.ts";
import { BuildFailure, systemFailure } from "./build-failure.ts";
import { claimOutput, discardStaging, putInPlace, stagingFolder, type ClaimedOutput } from "./output-folder.ts";
import { outputDigest, writeOutputMarker } from "./output-marker.ts";
import { prepareInParallel, WorkerFailure } from "./prepare-in-parallel.ts";
import type { PrepareJob, StepTimes } from "./prepare-article.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import { listingPages } from "../archive/site-pages.ts";
import { readStylesheet } from "../render/stylesheet.ts";
import { basePathOf, parseBaseUrl, withBaseUrl } from "../deploy/base-url.ts";
import { HOST_FILE_PATHS, writeHostFiles } from "../deploy/host-files.ts";
import { SITEMAP_LIMITS } from "../syndication/sitemap.ts";
import type { SyndicationSettings } from "../syndication/outputs.ts";
import { syndicationPaths, writeSyndication } from "../syndication/write-syndication.ts";
import { recordMediaChanged, stageMedia, type MediaCounts } from "../media/media-stage.ts";
import { sortIssues } from "../issues/content-issue.ts";

/** Options of one build. */
export interface BuildOptions {
  content: string;
  out: string;
  drafts?: boolean;
  /** Folder of the build cache (default `.gazette/cache`), or false to build cold without one. */
  cache?: string | false;
  /** Worker threads for the article stage (default: one per core). */
  threads?: number;
  /** Serve this build from another address than site.yml's `url` (e.g. a preview deployment). */
  baseUrl?: string;
  /** Write the static hosts' files (`_headers`, `.nojekyll`); default true. */
  hostFiles?: boolean;
  /** Replace a non-empty output folder that no Gazette build wrote (`--force`). */
  force?: boolean;
  /** An output folder already claimed (checked, locked, recovered) by the caller. */
  claim?: ClaimedOutput;
  /** Leave out feeds, sitemaps and robots.txt (default: write them). */
  noFeeds?: boolean;
  /** "Now" for the News sitemap, an ISO 8601 instant with offset (default: the newest publication). */
  now?: string;
  /** URLs per sitemap file before `/sitemap.xml` becomes an index (default 45,000). */
  sitemapThreshold?: number;
}

/** How long each stage took, in milliseconds of wall time. */
export interface StageTimes {
  load: number;
  articles: number;
  index: number;
  listings: number;
  /** Feeds, sitemaps and robots.txt (0 with `noFeeds`). */
  syndication: number;
  apply: number;
}

/** What a build did, for `--report` and the benchmark. */
export interface BuildReport {
  articles: number;
  pages: number;
  wallMs: number;
  /** True when no usable cache existed and every article was prepared. */
  cold: boolean;
  threads: number;
  stages: StageTimes;
  /** Time of each step of the article stage, summed over all threads. */
  articleSteps: StepTimes;
  cache: { reused: number; prepared: number; unchangedContent: number };
  /** The media stage: static files, images and their variants (how many encoded, from the cache, kept). */
  media?: MediaCounts & { ms: number };
  resources: { maxRssMb: number; cpuUserMs: number; cpuSystemMs: number };
}

/** What a build did. */
export interface BuildResult {
  ok: boolean;
  issues: ContentIssue[];
  articles: number;
  pagesWritten: number;
  report: BuildReport;
}

/** The project's Eleventy config, found relative to this file so the CLI works from any folder. */
export const ELEVENTY_CONFIG = fileURLToPath(new URL("../../.eleventy.ts", import.meta.url));

/** The default cache folder, relative to the working directory. */
export const DEFAULT_CACHE = ".gazette/cache";

/** A build whose articles are prepared and indexed, waiting for its listing pages and to be put in place. */
export interface StagedBuild {
  prepared: PreparedSite;
  staging: string;
  out: string;
  manifestFile?: string;
  manifest: BuildManifest;
  previous?: BuildManifest;
  report: BuildReport;
  /** The checked and locked output folder the staging folder belongs to. */
  claim: ClaimedOutput;
  /** True when stageArticles claimed the folder itself, so finishBuild releases it. */
  ownsClaim: boolean;
}

/**
 * Builds the archive in `content` into `out`.
 * @example await buildSite({ content: "content", out: "_site" })
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const claim = await claimOutput({ content: options.content, out: options.out, cache: options.cache, force: options.force });
  let staging: string | undefined;
  try {
    const staged = await stageArticles({ ...options, claim });
    if ("issues" in staged) return { ok: false, issues: staged.issues, articles: 0, pagesWritten: 0, report: staged.report };
    staging = staged.staging;
    let t = performance.now();
    await renderListings(staged.prepared, staged.staging);
    staged.report.stages.listings = performance.now() - t;
    t = performance.now();
    writeSyndication(staged.prepared, staged.staging);
    if (options.hostFiles !== false) writeHostFiles(staged.staging, staged.manifest.outputs, basePathOf(staged.prepared.archive.site.url));
    staged.report.stages.syndication = performance.now() - t;
    t = performance.now();
    finishBuild(staged);
    staged.report.stages.apply = performance.now() - t;
    const report = completeReport(staged.report, started);
    return { ok: true, issues: staged.prepared.issues, articles: report.articles, pagesWritten: report.pages, report };
  } catch (error) {
    // A file-system error from a worker thread may name no path: report the output folder.
    // A crashed worker is one line too (with its code), unless it crashed on a file-system error.
    throw systemFailure(error, claim.target.out) ?? (error instanceof WorkerFailure ? new BuildFailure("worker-failed", resolve(options.content), error.message) : error);
  } finally {
    // On success the staging folder is gone already; after any failure nothing may be left.
    if (staging) discardStaging(staging);
    claim.lock.release();
  }
}

/**
 * The stages before the listing pages: load, prepare the changed articles into a staging
 * folder, index. Returns every issue instead when any file has an error (the staging folder
 * is then already removed).
 * @example const staged = await stageArticles({ content: "content", out: "_site" });
 */
export async function stageArticles(options: BuildOptions): Promise<StagedBuild | { issues: ContentIssue[]; report: BuildReport }> {
  if (options.claim) return stageClaimed(options, options.claim, false);
  const claim = await claimOutput({ content: options.content, out: options.out, cache: options.cache, force: options.force });
  try {
    return await stageClaimed(options, claim, true);
  } catch (error) {
    // A lock left held would keep every later build (a dev server's next rebuild) waiting.
    claim.lock.release();
    throw error;
  }
}

async function stageClaimed(options: BuildOptions, claim: ClaimedOutput, ownsClaim: boolean): Promise<StagedBuild | { issues: ContentIssue[]; report: BuildReport }> {
  const started = performance.now();
  const report = emptyReport();
  const content = resolve(options.content);
  const out = resolve(options.out);
  const drafts = Boolean(options.drafts);
  const stop = (issues: ContentIssue[], staging?: string) => {
    if (staging) discardStaging(staging);
    if (ownsClaim) claim.lock.release();
    return { issues, report: completeReport(report, started) };
  };

  let t = performance.now();
  const loaded = loadSite(content);
  if (!loaded.site || !loaded.sections) return stop(loaded.issues);
  const { sections } = loaded;
  const site = withBaseUrl(loaded.site, baseUrlOf(options));
  const stylesheet = readStylesheet();
  const key = cacheKey({ siteText: loaded.text!, stylesheet: stylesheet.css, options: outputOptions(options) });
  const manifestFile = options.cache === false ? undefined : manifestPath(options.cache ?? DEFAULT_CACHE, content, out);
  const scannedAtMs = Date.now();
  const previous = manifestFile ? trustedManifest(readManifest(manifestFile, key), out) : undefined;
  // A page deleted by hand is rendered again: its article counts as changed.
  const missing = previous ? missingOutputs(previous, out) : new Set<string>();
  const { files, issues: scanIssues } = scanContentFolder(content);
  const entries: Record<string, CacheEntry> = {};
  const jobs: PrepareJob[] = [];
  for (const file of files) {
    const known = previous?.files[file];
    const pageMissing = known?.record !== undefined && missing.has(outputPathFor(known.record.url));
    const stats = known && !pageMissing ? statSync(join(content, file), { throwIfNoEntry: false }) : undefined;
    // An unchanged article whose image changed is prepared again: its page names the old variants.
    const imageChanged = known !== undefined && recordMediaChanged(content, known.record);
    if (known && stats && !imageChanged && isUnchanged(known, stats, previous!.scannedAtMs)) entries[file] = known;
    else jobs.push({ file, previousHash: pageMissing || imageChanged ? undefined : known?.hash });
  }
  report.stages.load = performance.now() - t;

  t = performance.now();
  const staging = stagingFolder(claim);
  let batch: Awaited<ReturnType<typeof prepareInParallel>>;
  try {
    batch = await prepareInParallel(jobs, { root: content, site, drafts, pagesDir: staging, stylesheet: stylesheet.url }, options.threads);
  } catch (error) {
    stop([], staging);
    throw error;
  }
  for (const file of batch.files) {
    const stamp = { size: file.size, mtimeMs: file.mtimeMs, ctimeMs: file.ctimeMs, ino: file.ino };
    entries[file.file] = file.unchanged
      ? { ...previous!.files[file.file], ...stamp }
      : { ...stamp, hash: file.hash, issues: file.issues, record: file.record };
  }
  report.stages.articles = performance.now() - t;
  report.articleSteps = batch.times;
  report.threads = batch.threads;
  report.cold = !previous;
  report.cache = {
    reused: files.length - jobs.length,
    prepared: batch.files.filter((f) => !f.unchanged).length,
    unchangedContent: batch.files.filter((f) => f.unchanged).length,
  };

  t = performance.now();
  const records = files.flatMap((file) => (entries[file].record ? [entries[file].record!] : []));
  const fileIssues = [...loaded.issues, ...scanIssues, ...files.flatMap((file) => entries[file].issues)];
  const { archive, issues } = indexRecords(site, sections, records, fileIssues, drafts);
  if (!archive) return stop(issues, staging);
  const listings = listingPages(archive);
  const syndication = syndicationSettings(options, content);
  const outputs = [
    ...archive.articles.map((a) => outputPathFor(a.url)),
    ...listings.map((p) => outputPathFor(p.url)),
    outputPathFor(stylesheet.path),
    ...(options.hostFiles === false ? [] : HOST_FILE_PATHS),
    ...(syndication ? syndicationPaths(archive, listings, syndication) : []),
  ];
  report.stages.index = performance.now() - t;
  t = performance.now();
  const cacheFolder = options.cache === false ? undefined : resolve(options.cache ?? DEFAULT_CACHE, "media");
  const media = await stageMedia({ content, staging, out, archive, outputs, cacheDir: cacheFolder, previousOutputs: previous?.outputs });
  if (media.issues.length) return stop(sortIssues([...issues, ...media.issues]), staging);
  outputs.push(...media.outputs);
  outputs.sort();
  report.media = { ...media.counts, ms: performance.now() - t };
  report.articles = archive.articles.length;
  report.pages = outputs.length;
  return {
    prepared: { archive, listings, issues, stylesheet, ...(syndication ? { syndication } : {}) },
    staging,
    out,
    manifestFile,
    manifest: { format: 2, key, scannedAtMs, files: entries, outputs, digest: outputDigest(key, [...files.map((f) => [f, entries[f].hash] as const), ...outputs.map((o) => [o, ""] as const)]) },
    previous,
    report,
    claim,
    ownsClaim,
  };
}

/**
 * Puts a staged build in place (output-folder.ts): a cold build's staging folder is exchanged
 * with the output folder in one step; a warm build's changed files are moved in all-or-nothing
 * and pages that no longer exist are removed. Then saves the cache and gives up the lock when
 * stageArticles took it. The staging folder is gone afterwards, whatever happens.
 * @example finishBuild(staged)
 */
export function finishBuild(staged: StagedBuild): void {
  try {
    writeOutputMarker(staged.staging, staged.manifest.digest);
    const current = new Set(staged.manifest.outputs);
    const removes = staged.previous ? staged.previous.outputs.filter((file) => !current.has(file)) : undefined;
    putInPlace(staged.claim, staged.staging, removes);
    if (staged.manifestFile) writeManifest(staged.manifestFile, staged.manifest);
  } finally {
    discardStaging(staged.staging);
    if (staged.ownsClaim) staged.claim.lock.release();
  }
}

/**
 * The build options that change the output, for the cache key. Every new option that changes
 * what is written belongs here; `threads` and the cache folder do not change a byte.
 * @example outputOptions({ content: "c", out: "o", drafts: true }) // { drafts: true, baseUrl: null, hostFiles: true }
 */
export function outputOptions(options: BuildOptions): OutputOptions {
  return {
    drafts: Boolean(options.drafts),
    baseUrl: baseUrlOf(options) ?? null,
    hostFiles: options.hostFiles !== false,
    feeds: !options.noFeeds,
    now: options.now === undefined ? null : Date.parse(options.now),
    sitemapThreshold: options.sitemapThreshold ?? SITEMAP_LIMITS.defaultThreshold,
  };
}

/** The validated `baseUrl` option; the CLI reports a bad one as `base-url-invalid` before building. */
function baseUrlOf(options: BuildOptions): string | undefined {
  if (options.baseUrl === undefined) return undefined;
  const url = parseBaseUrl(options.baseUrl);
  if (url === undefined) throw new Error(`baseUrl "${options.baseUrl}" is not an absolute http(s) address.`);
  return url;
}

function syndicationSettings(options: BuildOptions, content: string): SyndicationSettings | undefined {
  if (options.noFeeds) return undefined;
  const nowMs = options.now === undefined ? undefined : Date.parse(options.now);
  if (nowMs !== undefined && Number.isNaN(nowMs)) throw new Error(`now must be an ISO 8601 date-time with an offset, not "${options.now}".`);
  return { content, ...(nowMs === undefined ? {} : { nowMs }), sitemapThreshold: options.sitemapThreshold ?? SITEMAP_LIMITS.defaultThreshold };
}

/**
 * Eleventy renders the listing pages and the stylesheet of `prepared` into `dir`. The site is
 * handed to this Eleventy instance alone, so concurrent builds in one process stay apart.
 */
async function renderListings(prepared: PreparedSite, dir: string): Promise<void> {
  const eleventy = new Eleventy(ELEVENTY_INPUT, dir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    config: (eleventyConfig: object) => handPreparedSite(eleventyConfig, prepared),
  });
  // Our own summary replaces Eleventy's "Wrote N files"; failures still arrive as exceptions.
  eleventy.disableLogger();
  await eleventy.write();
}

/**
 * Eleventy's input folder. Every page is a virtual template, so it only needs a folder with
 * no templates of its own: layouts/ (TypeScript is not an Eleventy template format).
 */
export const ELEVENTY_INPUT = fileURLToPath(new URL("../../layouts", import.meta.url));

function emptyReport(): BuildReport {
  return {
    articles: 0,
    pages: 0,
    wallMs: 0,
    cold: true,
    threads: 1,
    stages: { load: 0, articles: 0, index: 0, listings: 0, syndication: 0, apply: 0 },
    articleSteps: { read: 0, validate: 0, render: 0, write: 0 },
    cache: { reused: 0, prepared: 0, unchangedContent: 0 },
    resources: { maxRssMb: 0, cpuUserMs: 0, cpuSystemMs: 0 },
  };
}

function completeReport(report: BuildReport, started: number): BuildReport {
  const usage = process.resourceUsage();
  report.wallMs = performance.now() - started;
  report.resources = { maxRssMb: Math.round(usage.maxRSS / 1024), cpuUserMs: Math.round(usage.userCPUTime / 1000), cpuSystemMs: Math.round(usage.systemCPUTime / 1000) };
  return report;
}
