/**
 * A whole build, stage by stage: load the site and the list of articles, prepare every changed
 * article (read and validate it, collect its links) on all cores, index the archive and check
 * its links, render the article pages whose inputs changed into a staging folder on all cores
 * (render-pass.ts), let Eleventy render the listing pages into the same staging folder, and
 * only then put the result in place. A build with content errors writes nothing; the output folder is
 * left exactly as it was.
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { COMPILED, projectFile } from "./project-root.ts";
import { DEFAULT_CACHE } from "./work-folders.ts";
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
} from "./build-cache.ts";
import { handPreparedSite, type PreparedSite } from "../eleventy/archive-provider.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import type { SiteConfig } from "../model.ts";
import { indexRecords, loadSite, scanContentFolder } from "../content/load-archive.ts";
import { BuildFailure, systemFailure } from "./build-failure.ts";
import { claimOutput, discardStaging, putInPlace, stagingFolder, type ClaimedOutput } from "./output-folder.ts";
import { outputDigest, outputsHash, writeOutputMarker } from "./output-marker.ts";
import { prepareInParallel, runInParallel, WorkerFailure } from "./prepare-in-parallel.ts";
import { fileStamps, missingOutputs as surveyMissing } from "./file-survey.ts";
import { outputsFile } from "./manifest-store.ts";
import type { PrepareJob, StepTimes } from "./prepare-article.ts";
import { checkArchiveLinks, renderJobs, strictIssues } from "./render-pass.ts";
import { siteOutputs } from "./site-outputs.ts";
import { boundHeapGrowth } from "./heap-growth.ts";
import { hasErrors, sortIssues } from "../issues/content-issue.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import { listingPages, type ListingPage } from "../archive/site-pages.ts";
import { changedListings, listingSignaturesFile, summaryIdentity } from "./listing-signatures.ts";
import { removeHeadlineStores, saveHeadlineStores } from "./headline-stores.ts";
import { saveSignatures, trustedSignatures } from "../syndication/unit-signatures.ts";
import { readStylesheet } from "../render/stylesheet.ts";
import { basePathOf, withBaseUrl } from "../deploy/base-url.ts";
import { writeHostFiles } from "../deploy/host-files.ts";
import { SITEMAP_LIMITS } from "../syndication/sitemap.ts";
import type { SyndicationSettings } from "../syndication/outputs.ts";
import type { ArticleRecord } from "../archive/article-record.ts";
import { changesBetween } from "../publishing/publishing-state.ts";
import { outputCollisions } from "../publishing/archive-collisions.ts";
import { redirectFilePaths, writeRedirectFiles } from "../publishing/write-redirects.ts";
import { reportBuild, reportFolder, reportOf, type BuildProgress } from "../publishing/report-build.ts";
import { baseUrlOf, embargoNow, emptyReport, finishedReport, outputOptions } from "./build-options.ts";
import { quickRebuild, type QuickHandover } from "./quick-rebuild.ts";
import { inputStamps, quickFacts, type InputStamp } from "./quick-facts.ts";
import { feedArticles, syndicatedArticles } from "../syndication/outputs.ts";
import { syndicationCacheOf, syndicationPaths, writeSyndication } from "../syndication/write-syndication.ts";
import { HOST_FILE_PATHS } from "../deploy/host-files.ts";
import { searchStage } from "../search/search-stage.ts";
import type { SearchReport } from "../search/write-search.ts";
import { recordMediaChanged, stageMedia, type MediaCounts } from "../media/media-stage.ts";
import type { PreviewBase } from "../serve/page-preview.ts";
import type { KeptSite } from "../serve/listing-preview.ts";
import { articleNavigation, type ArticleNav } from "../navigation/article-nav.ts";
import { keptRanking, relatedCacheFile } from "./related-cache.ts";
import { linkTargets, type LinkTargets } from "../navigation/article-links.ts";

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
  /** Build drafts and embargoed articles too, with a "Not published" banner and noindex (the same as `drafts`). */
  preview?: boolean;
  /** Folder for report.json and next-publish.json (default `.gazette`), or false for none. */
  reportDir?: string | false;
  /** Told each stage as it starts, and the articles done of all during the article stage. */
  progress?: (progress: BuildProgress) => void;
  /** Warnings (a broken link, …) are errors: the build fails and writes nothing (`--strict`). */
  strict?: boolean;
  /** Leave out the search index (`--no-search`; default: build it). */
  noSearch?: boolean;
  /** Articles per search shard before a year is split (default 2,000; see src/search/shard-plan.ts). */
  searchShardPages?: number;
  /** Listing pages per Eleventy run (default {@link LISTINGS_PER_RUN}; see renderListings). Output is the same for any. */
  listingsPerRun?: number;
  /** Keep the index and cache entries of a successful build in its result (the dev server previews edits against them). */
  retain?: boolean;
  /**
   * Told the output lock's path once this build holds it, and undefined once it gave it up: the
   * dev server's build thread tells the server, which removes the lock of a thread that died holding it.
   */
  onLocked?: (lock: string | undefined) => void;
}

/** How long each stage took, in milliseconds of wall time. */
export interface StageTimes {
  load: number;
  articles: number;
  index: number;
  /** Pass 2 of the article stage: the article pages whose render inputs changed. */
  render: number;
  listings: number;
  /** Feeds, sitemaps and robots.txt (0 with `noFeeds`). */
  syndication: number;
  /** The search index (0 with `noSearch`). */
  search: number;
  apply: number;
}

/** What a build did, for `--report` and the benchmark. */
export interface BuildReport {
  articles: number;
  pages: number;
  wallMs: number;
  /** True when no usable cache existed and every article was prepared. */
  cold: boolean;
  /** True when the build was a quick rebuild (quick-rebuild.ts): only edited articles' own pages, nothing indexed. */
  quick?: boolean;
  threads: number;
  stages: StageTimes;
  /** Time of each step of the article stage, summed over all threads. */
  articleSteps: StepTimes;
  /**
   * `rendered`: article pages rendered again (pass 2); `listings`: listing pages rendered
   * again; the rest were left as they were.
   */
  cache: { reused: number; prepared: number; unchangedContent: number; rendered: number; listings: number };
  /** The media stage: static files, images and their variants (how many encoded, from the cache, kept). */
  media?: MediaCounts & { ms: number };
  resources: { maxRssMb: number; cpuUserMs: number; cpuSystemMs: number };
  /** What the search step did (absent with `noSearch`). */
  search?: SearchReport;
}

/** What a build did. */
export interface BuildResult {
  ok: boolean;
  issues: ContentIssue[];
  articles: number;
  pagesWritten: number;
  report: BuildReport;
  /** With `retain`, after a successful build: what an edit's preview is rendered against. */
  base?: PreviewBase;
  /** With `retain`, after a successful build: the index and listing pages, for listing previews on this thread only. */
  kept?: KeptSite;
}

/** The project's Eleventy config, found relative to this file so the CLI works from any folder. */
export const ELEVENTY_CONFIG = COMPILED ? projectFile("dist/.eleventy.js") : projectFile(".eleventy.ts");

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
  /** Every valid article's record, and the "now" its publishing states were decided at. */
  records: ArticleRecord[];
  nowMs: number;
  /** The navigation of every article page (in the order of the archive's articles) and the link targets. */
  shown: { nav: ArticleNav[]; targets: LinkTargets };
  /** The stamps of the static files and images, taken before the media stage read them. */
  inputs: InputStamp[];
  /** True when the build writes the headline stores (headline-stores.ts): it follows a headline edit that found none. */
  headlineStores: boolean;
  /**
   * True when the output folder holds `path` (relative to it) as the previous build left it:
   * one of its outputs, not deleted by hand since (known from the survey, without a stat).
   */
  present(path: string): boolean;
  /**
   * Settles when the article pages are written (pass 2, on worker threads). stageArticles
   * returns only after it; buildSite renders the listing pages and feeds meanwhile.
   */
  rendered: Promise<void>;
}

/** A build stopped by content errors: every issue, and what was read (for report.json). */
export interface StageFailure {
  issues: ContentIssue[];
  report: BuildReport;
  records: ArticleRecord[];
  nowMs: number;
  zone: string;
}

/**
 * Builds the archive in `content` into `out`.
 * @example await buildSite({ content: "content", out: "_site" })
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // Before anything is read or claimed: a bad option must not cost a whole article stage.
  const perRun = options.listingsPerRun ?? LISTINGS_PER_RUN;
  if (!(Number.isInteger(perRun) && perRun >= 1)) throw new Error(`listingsPerRun must be a whole number of at least 1, not ${perRun}.`);
  const claim = await claimOutput({ content: options.content, out: options.out, cache: options.cache, force: options.force });
  let staging: string | undefined;
  try {
    options.onLocked?.(claim.lock.path);
    // After the output folder's own checks, which name the more telling problem first.
    const reports = reportFolder(options.reportDir, options.out);
    let handover: QuickHandover | undefined;
    const quick = await quickRebuild({ options, claim, reports, started, handOver: (given) => (handover = given) });
    if (quick) return quick;
    const staged = await startStaging({ ...options, claim }, handover);
    if ("issues" in staged) {
      const unwritable = reports && reportBuild(reports, { ...staged, ok: false });
      return { ok: false, issues: unwritable ? [...staged.issues, unwritable] : staged.issues, articles: 0, pagesWritten: 0, report: staged.report };
    }
    staging = staged.staging;
    // The listing pages and feeds need only the index: they are written while the worker
    // threads render the article pages into the same staging folder.
    const alongside = listingsAndFeeds(staged, options);
    const [side, pages] = await Promise.allSettled([alongside, staged.rendered]);
    if (pages.status === "rejected") throw pages.reason;
    if (side.status === "rejected") throw side.reason;
    let t = performance.now();
    options.progress?.({ stage: "search" });
    await searchStage(staged, options);
    staged.report.stages.search = performance.now() - t;
    t = performance.now();
    options.progress?.({ stage: "apply" });
    if (staged.manifestFile) staged.manifest.quick = factsOf(staged, options, reports);
    finishBuild(staged);
    staged.report.stages.apply = performance.now() - t;
    const report = finishedReport(staged.report, started);
    const unwritable = reports && reportBuild(reports, { ...staged, issues: staged.prepared.issues, ok: true });
    const issues = unwritable ? [...staged.prepared.issues, unwritable] : staged.prepared.issues;
    return { ok: true, issues, articles: report.articles, pagesWritten: report.pages, report, ...(options.retain ? retained(staged, options) : {}) };
  } catch (error) {
    // A file-system error from a worker thread may name no path: report the output folder.
    // A crashed worker is one line too (with its code), unless it crashed on a file-system error.
    throw systemFailure(error, claim.target.out) ?? (error instanceof WorkerFailure ? new BuildFailure("worker-failed", resolve(options.content), error.message) : error);
  } finally {
    // On success the staging folder is gone already; after any failure nothing may be left.
    if (staging) discardStaging(staging);
    claim.lock.release();
    options.onLocked?.(undefined);
  }
}

/** What the dev server previews edits against, from a build that is in place: plain data for any thread, and the index for this one. */
function retained(staged: StagedBuild, options: BuildOptions): { base: PreviewBase; kept: KeptSite } {
  const { archive, listings, stylesheet } = staged.prepared;
  const drafts = Boolean(options.drafts || options.preview);
  const prepare = { root: resolve(options.content), site: archive.site, drafts, nowMs: staged.nowMs, stylesheet: stylesheet.url };
  const nav = new Map<string, ArticleNav>();
  archive.articles.forEach((article, i) => nav.set(article.file, staged.shown.nav[i]));
  for (const article of archive.withdrawn ?? []) nav.set(article.file, { related: [] });
  return { base: { options: prepare, nav, targets: staged.shown.targets }, kept: { archive, listings, stylesheet } };
}

/** What the next build checks before it rebuilds the quick way (quick-facts.ts). */
function factsOf(staged: StagedBuild, options: BuildOptions, reports: string | undefined) {
  const { archive, syndication, issues } = staged.prepared;
  const { articles, pages, files, embargoes } = reportOf({ ...staged, issues, ok: true });
  const feedBodies = syndication ? feedArticles(archive).map((article) => article.file) : [];
  const media = staged.report.media ?? { images: 0, variants: 0, staticFiles: 0 };
  return quickFacts({
    records: staged.records,
    inputs: staged.inputs,
    feedBodies,
    issues,
    report: { articles, pages, files, embargoes },
    reportDir: reports,
    media: { images: media.images, variants: media.variants, staticFiles: media.staticFiles },
  });
}

/** The listing pages, feeds, sitemaps, redirects and host files of a staged build, each stage timed. */
async function listingsAndFeeds(staged: StagedBuild, options: BuildOptions): Promise<void> {
  let t = performance.now();
  options.progress?.({ stage: "listings" });
  const listings = listingsToRender(staged);
  // Eleventy writes the listing pages and the stylesheet; a warm build with neither to write
  // (the stylesheet is in the cache key, so an unchanged key means an unchanged file) skips it.
  const stylesheetThere = staged.previous !== undefined && existsSync(join(staged.out, outputPathFor(staged.prepared.stylesheet.path)));
  if (listings.render.length || !stylesheetThere) await renderListings({ ...staged.prepared, listings: listings.render }, staged.staging, options.listingsPerRun ?? LISTINGS_PER_RUN);
  listings.save();
  staged.report.cache.listings = listings.render.length;
  staged.report.stages.listings = performance.now() - t;
  t = performance.now();
  options.progress?.({ stage: "syndication" });
  await writeSyndication(staged.prepared, staged.staging, syndicationCacheOf(staged));
  writeRedirectFiles(staged.prepared.archive, staged.staging, basePathOf(staged.prepared.archive.site.url));
  if (options.hostFiles !== false) writeHostFiles(staged.staging, staged.manifest.outputs, basePathOf(staged.prepared.archive.site.url));
  staged.report.stages.syndication = performance.now() - t;
}

/**
 * The stages before the listing pages: load, prepare the changed articles into a staging
 * folder, index. Returns every issue instead when any file has an error (the staging folder
 * is then already removed).
 * @example const staged = await stageArticles({ content: "content", out: "_site" });
 */
export async function stageArticles(options: BuildOptions): Promise<StagedBuild | StageFailure> {
  const staged = await startStaging(options);
  if (!("issues" in staged)) await staged.rendered;
  return staged;
}

/** stageArticles without waiting for the article pages: `rendered` is still in flight. */
async function startStaging(options: BuildOptions, handover?: QuickHandover): Promise<StagedBuild | StageFailure> {
  // Before the worker threads start: their heaps take the same factor.
  boundHeapGrowth();
  if (options.claim) return stageClaimed(options, options.claim, false, handover);
  const claim = await claimOutput({ content: options.content, out: options.out, cache: options.cache, force: options.force });
  try {
    return await stageClaimed(options, claim, true);
  } catch (error) {
    // A lock left held would keep every later build (a dev server's next rebuild) waiting.
    claim.lock.release();
    throw error;
  }
}

async function stageClaimed(options: BuildOptions, claim: ClaimedOutput, ownsClaim: boolean, given?: QuickHandover): Promise<StagedBuild | StageFailure> {
  const started = performance.now();
  const report = emptyReport();
  const content = resolve(options.content);
  const out = resolve(options.out);
  const drafts = Boolean(options.drafts || options.preview);
  const nowMs = embargoNow(options);
  let records: ArticleRecord[] = [];
  let site: SiteConfig | undefined;
  const stop = (issues: ContentIssue[], staging?: string) => {
    if (staging) discardStaging(staging);
    if (ownsClaim) claim.lock.release();
    return { issues, report: finishedReport(report, started), records, nowMs, zone: site?.timeZone ?? "UTC" };
  };

  let t = performance.now();
  options.progress?.({ stage: "load" });
  const loaded = loadSite(content);
  if (!loaded.site || !loaded.sections) return stop(loaded.issues);
  const { sections } = loaded;
  site = withBaseUrl(loaded.site, baseUrlOf(options));
  const stylesheet = readStylesheet();
  const key = cacheKey({ siteText: loaded.text!, stylesheet: stylesheet.css, options: outputOptions(options) });
  const manifestFile = options.cache === false ? undefined : manifestPath(options.cache ?? DEFAULT_CACHE, content, out);
  // What a quick rebuild read and surveyed before it found it could not be one, under this
  // lock and this key, stands as this build's own (quick-rebuild.ts).
  const handover = given?.key === key ? given : undefined;
  const scannedAtMs = handover?.scannedAtMs ?? Date.now();
  const { files, issues: scanIssues } = handover?.scan ?? scanContentFolder(content);
  // With a manifest to start from, the outputs deleted by hand and every article file's stamp
  // are looked for on other threads while this one reads the manifest (about 1.6 s of the
  // main thread at 100,000 articles). Taken after scannedAtMs, as the stats below would be.
  const surveys = handover
    ? { missing: handover.missing, stamps: Promise.resolve(handover.stamps) }
    : manifestFile && existsSync(manifestFile)
      ? { missing: surveyMissing(out, outputsFile(manifestFile)), stamps: fileStamps(content, files) }
      : undefined;
  surveys?.missing.catch(() => {});
  surveys?.stamps.catch(() => {});
  const previous = manifestFile ? trustedManifest(readManifest(manifestFile, key, handover?.index), out) : undefined;
  // A page deleted by hand is rendered again: its article counts as changed. The survey's
  // answer counts only for the outputs file this manifest was read with; otherwise (or when a
  // survey failed) this thread looks.
  const surveyed = previous && (await surveys?.missing.catch(() => undefined));
  const missing = !previous ? new Set<string>() : surveyed && surveyed.generation === previous.outputsGeneration && surveyed.count === previous.outputs.length ? new Set(surveyed.missing) : missingOutputs(previous, out);
  const stamps = previous && (await surveys?.stamps.catch(() => undefined));
  const left = new Set(previous?.outputs);
  const present = (path: string) => left.has(path) && !missing.has(path);
  const entries: Record<string, CacheEntry> = {};
  const jobs: PrepareJob[] = [];
  for (const [i, file] of files.entries()) {
    const known = previous?.files[file];
    const pageMissing = known?.record !== undefined && missing.has(outputPathFor(known.record.url));
    const stats = known && !pageMissing ? (stamps ? stamps[i] : statSync(join(content, file), { throwIfNoEntry: false })) : undefined;
    // An embargo that came due since the last build changes the page of an unchanged file.
    const due = known?.record !== undefined && changesBetween(known.record, previous!.embargoNowMs ?? nowMs, nowMs);
    // An unchanged article whose image changed is prepared again: its page names the old variants.
    const imageChanged = known !== undefined && recordMediaChanged(content, known.record);
    if (known && stats && !due && !imageChanged && isUnchanged(known, stats, previous!.scannedAtMs)) entries[file] = known;
    else jobs.push({ file, previousHash: pageMissing || due || imageChanged ? undefined : known?.hash });
  }
  report.stages.load = performance.now() - t;

  t = performance.now();
  const staging = stagingFolder(claim);
  let batch: Awaited<ReturnType<typeof prepareInParallel>>;
  try {
    options.progress?.({ stage: "articles", done: 0, total: jobs.length });
    const onProgress = options.progress && ((done: number) => options.progress!({ stage: "articles", done, total: jobs.length }));
    batch = await prepareInParallel(jobs, { root: content, site, drafts, nowMs, stylesheet: stylesheet.url }, options.threads, onProgress);
  } catch (error) {
    stop([], staging);
    throw error;
  }
  for (const file of batch.files) {
    const stamp = { size: file.size, mtimeMs: file.mtimeMs, ctimeMs: file.ctimeMs, ino: file.ino };
    entries[file.file] = file.unchanged
      ? { ...previous!.files[file.file], ...stamp }
      : { ...stamp, hash: file.hash, issues: file.issues, record: file.record, ...(file.recordSignature === undefined ? {} : { recordSignature: file.recordSignature }), ...(file.dateline === undefined ? {} : { dateline: file.dateline }), links: file.links };
  }
  report.stages.articles = performance.now() - t;
  report.articleSteps = batch.times;
  report.threads = batch.threads;
  report.cold = !previous;
  report.cache = {
    reused: files.length - jobs.length,
    prepared: batch.files.filter((f) => !f.unchanged).length,
    unchangedContent: batch.files.filter((f) => f.unchanged).length,
    rendered: 0,
    listings: 0,
  };

  t = performance.now();
  options.progress?.({ stage: "index" });
  records = files.flatMap((file) => (entries[file].record ? [entries[file].record!] : []));
  const fileIssues = [...loaded.issues, ...scanIssues, ...files.flatMap((file) => entries[file].issues)];
  const { archive, issues } = indexRecords(site, sections, records, fileIssues, drafts, nowMs);
  if (!archive) return stop(issues, staging);
  const listings = listingPages(archive);
  const syndication = syndicationSettings(options, content);
  const others = [
    outputPathFor(stylesheet.path),
    ...(options.hostFiles === false ? [] : HOST_FILE_PATHS),
    ...(syndication ? syndicationPaths(archive, listings, syndication) : []),
    ...redirectFilePaths(archive),
  ];
  const collisions = outputCollisions(archive, others);
  if (collisions.length) return stop([...issues, ...collisions], staging);
  const outputs = siteOutputs(archive, { listings, stylesheetPath: stylesheet.path, hostFiles: options.hostFiles !== false, syndication });
  report.stages.index = performance.now() - t;

  // Static files and images: copied and encoded before the link check, which sees them as outputs.
  t = performance.now();
  const cacheFolder = options.cache === false ? undefined : resolve(options.cache ?? DEFAULT_CACHE, "media");
  // Stamped before they are copied and encoded: a file changed meanwhile then differs from its
  // stamp, and the next build goes the full way instead of keeping a stale copy (quick-facts.ts).
  const inputs = inputStamps(content, records);
  const media = await stageMedia({ content, staging, out, archive, outputs, cacheDir: cacheFolder, previousOutputs: previous?.outputs });
  if (media.issues.length) return stop(sortIssues([...issues, ...media.issues]), staging);
  outputs.push(...media.outputs);
  outputs.sort();
  report.media = { ...media.counts, ms: performance.now() - t };

  // What article pages show of each other, worked out once for the link check, pass 2 and previews.
  const targets = linkTargets(archive);
  const checked = sortIssues([...issues, ...checkArchiveLinks(archive, entries, outputs, targets)]);
  const warnings = options.strict ? strictIssues(checked) : checked;
  if (hasErrors(warnings)) return stop(warnings, staging);

  // Pass 2: the pages whose render inputs changed, now that every article's neighbours are known.
  // It runs on the worker threads while the main thread goes on with the listing pages and the
  // feeds (buildSite); `rendered` settles when every page is written.
  t = performance.now();
  const nav = articleNavigation(archive, manifestFile ? keptRanking(relatedCacheFile(manifestFile), key) : undefined);
  const render = renderJobs(archive, entries, key, nowMs, drafts, targets, nav);
  options.progress?.({ stage: "render", done: 0, total: render.length });
  const onProgress = options.progress && ((done: number) => options.progress!({ stage: "render", done, total: render.length }));
  const renderStarted = t;
  const rendered = runInParallel("render", render, { root: content, site, drafts, nowMs, pagesDir: staging, stylesheet: stylesheet.url }, options.threads, onProgress).then(
    (pages) => {
      addTimes(report.articleSteps, pages.times);
      report.cache.rendered = pages.files.length;
      report.stages.render = performance.now() - renderStarted;
    },
    (error: unknown) => {
      stop([], staging);
      throw error;
    },
  );
  // Whoever awaits it later sees the failure; until then it must not count as unhandled.
  rendered.catch(() => {});
  report.articles = archive.articles.length;
  report.pages = outputs.length;
  // The search files join the outputs later (search-stage.ts); the digest names those before them.
  const listed = outputsHash(outputs);
  // In the order of the scan (files prepared again were added last): a quick rebuild then
  // finds each file's stamp at its position in the scan, with no lookup by name.
  const ordered: Record<string, CacheEntry> = {};
  for (const file of files) ordered[file] = entries[file];
  return {
    prepared: { archive, listings, issues: warnings, stylesheet, ...(syndication ? { syndication } : {}) },
    staging,
    out,
    manifestFile,
    manifest: { format: 3, key, scannedAtMs, embargoNowMs: nowMs, files: ordered, outputs, outputsHash: listed, digest: outputDigest(key, [...files.map((f) => [f, entries[f].hash] as const), ["", listed]]) },
    previous,
    report,
    claim,
    ownsClaim,
    records,
    nowMs,
    shown: { nav, targets },
    inputs,
    headlineStores: handover?.headlines === true,
    present,
    rendered,
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
    if (staged.manifestFile) writeManifest(staged.manifestFile, staged.manifest, staged.previous);
  } finally {
    discardStaging(staged.staging);
    if (staged.ownsClaim) staged.claim.lock.release();
  }
}




function syndicationSettings(options: BuildOptions, content: string): SyndicationSettings | undefined {
  if (options.noFeeds) return undefined;
  const nowMs = options.now === undefined ? undefined : Date.parse(options.now);
  if (nowMs !== undefined && Number.isNaN(nowMs)) throw new Error(`now must be an ISO 8601 date-time with an offset, not "${options.now}".`);
  return { content, ...(nowMs === undefined ? {} : { nowMs }), sitemapThreshold: options.sitemapThreshold ?? SITEMAP_LIMITS.defaultThreshold };
}

/**
 * The listing pages this build renders: all on a cold build or without a cache, else those
 * whose signature changed (listing-signatures.ts). `save` records every page's signature for
 * the next build, stamped with the output digest this build leaves.
 */
function listingsToRender(staged: StagedBuild): { render: ListingPage[]; save: () => void } {
  const { prepared, manifestFile, manifest, previous } = staged;
  if (!manifestFile) return { render: prepared.listings, save: () => {} };
  const file = listingSignaturesFile(manifestFile);
  const trusted = trustedSignatures(file, previous?.digest);
  const { archive, stylesheet } = prepared;
  const identify = summaryIdentity((file) => manifest.files[file]);
  const selection = changedListings(prepared.listings, [manifest.key, archive.site, stylesheet.url], trusted, (url) => staged.present(outputPathFor(url)), identify);
  const rendered = new Set(selection.render.map((page) => page.url));
  const save = () => {
    saveSignatures(file, manifest.digest, selection.signatures);
    // Written only after a headline edit that found none: at 100,000 articles they cost a full
    // build several seconds, which a build for a new article should not pay (bench/NOTES.md).
    if (!staged.headlineStores) return removeHeadlineStores(manifestFile);
    saveHeadlineStores({
      manifestFile,
      digest: manifest.digest,
      previousDigest: previous?.digest,
      archive,
      listings: prepared.listings,
      nav: staged.shown.nav,
      entries: manifest.files,
      syndicated: prepared.syndication ? syndicatedArticles(archive, prepared.syndication) : new Set(),
      changed: (url) => rendered.has(url),
      gone: Object.keys(trusted).filter((url) => !Object.hasOwn(selection.signatures, url)),
    });
  };
  return { render: selection.render, save };
}

/**
 * Eleventy renders the listing pages and the stylesheet of `prepared` into `dir`. The site is
 * handed to this Eleventy instance alone, so concurrent builds in one process stay apart.
 */
async function renderListings(prepared: PreparedSite, dir: string, perRun: number): Promise<void> {
  // Imported here, not at the top: a warm build with no listing page to render never loads
  // Eleventy.
  skipEleventyResolver();
  const { default: Eleventy } = await import("@11ty/eleventy");
  // Eleventy keeps every page of a run (its data, its pagination entry) until the run ends: a
  // large archive's listing pages go through in runs of `perRun`, one after another.
  for (let start = 0; start === 0 || start < prepared.listings.length; start += perRun) {
    const part = { ...prepared, listings: prepared.listings.slice(start, start + perRun) };
    const eleventy = new Eleventy(ELEVENTY_INPUT, dir, {
      configPath: ELEVENTY_CONFIG,
      quietMode: true,
      config: (eleventyConfig: object) => handPreparedSite(eleventyConfig, part),
    });
    // Our own summary replaces Eleventy's "Wrote N files"; failures still arrive as exceptions.
    eleventy.disableLogger();
    await eleventy.write();
  }
}

/**
 * Tells Eleventy, before its first import, not to register its ES module resolver. The
 * resolver re-imports files that Eleventy's own watch mode saw change; Gazette never runs that
 * mode (the dev server watches and rebuilds by itself, and the generator's code is compiled,
 * never edited while it runs). Registered, it puts every later import of the process behind
 * Node's module-hooks thread: about 0.13 s of a 1,000-article build, waiting on that thread.
 * Eleventy reads the variable once, when it loads; a value already set is left as it is.
 */
function skipEleventyResolver(): void {
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
}

/** Listing pages per Eleventy run (see renderListings): fewer keep less alive at once, more start Eleventy fewer times. */
export const LISTINGS_PER_RUN = 5_000;

/**
 * Eleventy's input folder. Every page is a virtual template, so it only needs a folder with
 * no templates of its own: layouts/ (TypeScript is not an Eleventy template format).
 */
export const ELEVENTY_INPUT = projectFile("layouts");



function addTimes(total: StepTimes, part: StepTimes): void {
  for (const step of Object.keys(total) as (keyof StepTimes)[]) total[step] += part[step];
}
