/**
 * The quick rebuild: when the files that changed since the last build changed in their text
 * alone — each one's record (headline, date, section, tags, summary, …), issues, dateline and
 * links are exactly as the last build saw them — nothing but their own pages can differ from
 * that build's output. Every listing page, feed, sitemap and other article page shows an
 * article through its record; only the full-text feeds (the site's, each section's) also
 * carry its body. The quick rebuild then renders those pages with the navigation and links
 * each was rendered with last time (kept in the manifest's entries), writes those feeds again
 * from what the last build stored of them (quick-feeds.ts), puts them in place, and updates
 * the manifest: it never reads the other articles' records or indexes the archive, which is
 * what a full warm build spends its time on.
 *
 * An edit to a headline or summary alone (nothing that places the article: its date, section,
 * tags, authors and URL are the same) leaves the article where it was on every page, so the
 * pages that differ are those that show it: the listing pages the last full build listed for
 * it and the article pages whose navigation links it (record-store.ts). Those listing pages
 * are rendered again from the data the last build rendered them with (listing-store.ts,
 * quick-listings.ts, which proves that data against the saved signatures first), and those
 * article pages with their links retitled. An article a feed or the News sitemap carries, or
 * one with aliases, goes the full way: their files are written from the whole index.
 *
 * With search on, the shards that hold an edited page are indexed again from the plan the
 * last build left (src/search/search-plan.ts), or taken from the search cache, and the others
 * stay in place.
 *
 * Whatever it cannot prove unchanged sends the build the full way (it returns undefined
 * before writing anything): another site, stylesheet, code or options (the cache key), an
 * output folder another build wrote or a page deleted by hand, an added or removed file, a
 * publishing state that came due, a static file or an image that changed, `--strict` with
 * warnings, more than {@link QUICK_LIMIT} changed files, the dev server (which keeps the index).
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { loadSite, scanContentFolder } from "../content/load-archive.ts";
import { hasErrors, type ContentIssue } from "../issues/content-issue.ts";
import { withBaseUrl } from "../deploy/base-url.ts";
import { listStaticFiles, STATIC_FOLDER } from "../media/static-files.ts";
import { writeReport } from "../publishing/report-build.ts";
import { runReport } from "../publishing/build-reports.ts";
import { readStylesheet } from "../render/stylesheet.ts";
import { searchOption } from "../search/search-stage.ts";
import { readSearchPlan, saveSearchPlan, searchPlanFile } from "../search/search-plan.ts";
import { writeSearch } from "../search/write-search.ts";
import { listingSignaturesFile } from "./listing-signatures.ts";
import { syndicationCacheFiles } from "../syndication/write-syndication.ts";
import { restampSignatures } from "../syndication/unit-signatures.ts";
import { restampStoredFeeds, storedFeedsFile } from "../syndication/stored-feeds.ts";
import { saveBodies } from "../syndication/body-cache.ts";
import { quickFeeds } from "./quick-feeds.ts";
import { NO_STORES, quickListings, retitled, teaserOnly, type HeadlineEdit } from "./quick-listings.ts";
import { restampListingStore } from "./listing-store.ts";
import { recordStoreFile, restampRecordStore, type RecordStore } from "./record-store.ts";
import { signature } from "../syndication/unit-signatures.ts";
import { cacheKey, isUnchanged, manifestPath, type CacheEntry, type FileStamp } from "./build-cache.ts";
import type { BuildOptions, BuildReport, BuildResult } from "./build-site.ts";
import { baseUrlOf, embargoNow, emptyReport, finishedReport, outputOptions } from "./build-options.ts";
import { applyRows, outputsFile, readIndex, readShards, shardOf, withChangedRows, writeIndex, writeOutputs, writeShards, type ChangedRow, type ManifestIndex } from "./manifest-store.ts";
import { discardStaging, putInPlace, stagingFolder, type ClaimedOutput } from "./output-folder.ts";
import { outputDigest, readOutputMarker, writeOutputMarker } from "./output-marker.ts";
import { createPreparer, type PreparedFile } from "./prepare-article.ts";
import { statesChange, type InputStamp } from "./quick-facts.ts";
import { createRenderer } from "./render-article.ts";
import { fileStamps, missingOutputs, type MissingOutputs } from "./file-survey.ts";
import { renderDigest, renderJob, strictIssues } from "./render-pass.ts";
import { DEFAULT_CACHE } from "./work-folders.ts";

/** Changed files beyond which the build goes the full way (its article stage runs them on all cores). */
export const QUICK_LIMIT = 200;

/** What the quick rebuild is given by buildSite. */
export interface QuickInput {
  options: BuildOptions;
  claim: ClaimedOutput;
  /** The report folder, or undefined for none. */
  reports: string | undefined;
  started: number;
  /** Told what it read and surveyed when it goes no further than the survey: the full build then reads none of it again. */
  handOver?: (handover: QuickHandover) => void;
}

/**
 * What a quick rebuild that found it cannot be one hands the full build (build-site.ts): the
 * manifest's index, the scan of the content folder and, when it got that far, every scanned
 * file's stamp, and the survey of the outputs deleted by hand. All of it was taken under the
 * same lock and with the same key, and stands as the full build's own would.
 */
export interface QuickHandover {
  key: string;
  index: ManifestIndex;
  /** Wall-clock time just before the scan (as BuildManifest.scannedAtMs). */
  scannedAtMs: number;
  scan: { files: string[]; issues: ContentIssue[] };
  /** Each scanned file's stamp, in the scan's order; absent when the scan had issues. */
  stamps?: (FileStamp | undefined)[];
  missing: Promise<MissingOutputs>;
  /**
   * True when the edits were headlines or summaries a quick rebuild could have taken but for the
   * stores (quick-listings.ts): the full build writes them, for the next headline edits.
   */
  headlines?: boolean;
}

/**
 * The build done the quick way, or undefined when it cannot be (see the module comment).
 * @example await quickRebuild({ options, claim, reports, started }) // { ok: true, report: { quick: true, … }, … }
 */
export async function quickRebuild(input: QuickInput): Promise<BuildResult | undefined> {
  const { options } = input;
  if (options.cache === false || options.retain) return undefined;
  const search = searchOption(options);
  let t = performance.now();
  const report = emptyReport();
  const content = resolve(options.content);
  const out = resolve(options.out);
  const manifestFile = manifestPath(options.cache ?? DEFAULT_CACHE, content, out);
  // Pages deleted by hand are looked for on another thread from the start, while this one
  // reads the site and the manifest and scans the articles.
  // With search, the list comes back too: the search files it names change with a shard.
  const missing = missingOutputs(out, outputsFile(manifestFile), search !== false);
  missing.catch(() => {});
  const loaded = loadSite(content);
  if (!loaded.site || !loaded.sections || hasErrors(loaded.issues)) return undefined;
  const site = withBaseUrl(loaded.site, baseUrlOf(options));
  const stylesheet = readStylesheet();
  const key = cacheKey({ siteText: loaded.text!, stylesheet: stylesheet.css, options: outputOptions(options) });
  const index = readIndex(manifestFile, key);
  const facts = index?.quick;
  if (!index || !facts || readOutputMarker(out)?.digest !== index.digest) return undefined;
  if (facts.reportDir !== (input.reports ?? null)) return undefined;
  const nowMs = embargoNow(options);
  if (statesChange(facts.stateChanges, index.embargoNowMs ?? nowMs, nowMs)) return undefined;
  const plan = search === false ? undefined : readSearchPlan(searchPlanFile(manifestFile), index.digest);
  if (search !== false && !plan) return undefined;
  const issues = options.strict ? strictIssues(facts.issues) : facts.issues;
  if (hasErrors(issues) || !inputsUnchanged(content, facts.inputs)) return undefined;

  options.progress?.({ stage: "load" });
  const scannedAtMs = Date.now();
  const surveyed = await changedFiles(content, index);
  // From here on, whatever sends the build the full way hands it what was read and surveyed.
  const fallBack = (store?: RecordStore, headlines = false) => {
    store?.close();
    input.handOver?.({ key, index, scannedAtMs, scan: surveyed.scan, ...(surveyed.stamps ? { stamps: surveyed.stamps } : {}), missing, ...(headlines ? { headlines } : {}) });
    return undefined;
  };
  const survey = surveyed.quick;
  const outputs = await missing.catch(() => undefined);
  if (!survey || outputs?.generation !== index.outputsGeneration || outputs.missing.length) return fallBack();
  const { changed, order, positions } = survey;
  const { stamps } = index;
  report.stages.load = performance.now() - t;

  t = performance.now();
  options.progress?.({ stage: "articles", done: 0, total: changed.length });
  const drafts = Boolean(options.drafts || options.preview);
  const prepareOptions = { root: content, site, drafts, nowMs, stylesheet: stylesheet.url };
  const prepared = createPreparer(prepareOptions, report.articleSteps)(changed.map((at) => ({ file: stamps.files[at], previousHash: stamps.hash[at] })));
  const edited = prepared.filter((file) => !file.unchanged);
  const stored = readShards(manifestFile, index, edited.map((file) => shardOf(file.file)), true);
  if (!stored) return fallBack();
  const feedBodies = new Set(facts.feedBodies);
  const entries: Record<string, CacheEntry> = {};
  const headlines: HeadlineEdit[] = [];
  for (const [i, file] of prepared.entries()) {
    if (file.unchanged) continue;
    const before = stored[file.file];
    if (!before?.view) return fallBack();
    if (sameOutside(before, file)) entries[file.file] = { ...before, ...stampOf(file), hash: file.hash };
    else if (!drafts && before.record && file.record && sameBesideRecord(before, file) && teaserOnly(before.record, file.record)) {
      // A new headline or summary: the pages that show the article are written again below.
      const recordSignature = file.recordSignature ?? signature(file.record);
      entries[file.file] = { ...before, ...stampOf(file), hash: file.hash, record: file.record, recordSignature };
      headlines.push({ file: file.file, position: changed[i], record: file.record, signature: recordSignature });
    } else return fallBack();
  }
  // A headline the full-text feeds carry goes the full way whatever the stores: it writes none (the newest stories' headlines are the ones most edited).
  if (headlines.some((edit) => feedBodies.has(edit.file))) return fallBack();
  const found = headlines.length ? quickListings({ manifestFile, digest: index.digest, files: stamps.files, key, site, sections: loaded.sections, stylesheetUrl: stylesheet.url, edits: headlines }) : undefined;
  if (found === NO_STORES) return fallBack(undefined, true);
  const listings = found;
  if (headlines.length && !listings) return fallBack();
  if (listings?.neighbours.length) {
    const more = readShards(manifestFile, index, listings.neighbours.map(shardOf), true);
    if (!more) return fallBack(listings.store);
    Object.assign(stored, more);
    for (const file of listings.neighbours) {
      const entry = stored[file];
      const at = stamps.files.indexOf(file);
      if (!entry?.view || !entry.record || at === -1) return fallBack(listings.store);
      // Unchanged since the last build: its stamp is the index's.
      entries[file] = { ...entry, size: stamps.size[at], mtimeMs: stamps.mtimeMs[at], ctimeMs: stamps.ctimeMs[at], ino: stamps.ino[at], hash: stamps.hash[at] };
    }
  }
  for (const [file, entry] of Object.entries(entries)) {
    // Every page shown again links the edited articles by their new headlines.
    const view = listings ? { ...entry.view!, nav: retitled(entry.view!.nav, listings.titles) } : entry.view!;
    entries[file] = { ...entry, view, rendered: renderDigest(key, entry.hash, entry.record!, view) };
  }
  const shown = Object.keys(entries);
  // Feeds that carry an edited body are written again from what the last build stored of them.
  const carried = edited.filter((file) => feedBodies.has(file.file)).map((file) => ({ file: file.file, entry: entries[file.file] }));
  const feeds = carried.length ? quickFeeds({ manifestFile, digest: index.digest, content, site, stylesheetUrl: stylesheet.url, key, edited: carried }) : undefined;
  if (carried.length && !feeds) return fallBack(listings?.store);
  report.stages.articles = performance.now() - t;

  t = performance.now();
  options.progress?.({ stage: "render", done: 0, total: shown.length });
  const staging = stagingFolder(input.claim);
  let searchedOutputs: string[] | undefined;
  // As a full build counts them: without the search files.
  const pages = outputs.count - (plan?.outputs.length ?? 0);
  let total = outputs.count;
  try {
    createRenderer({ ...prepareOptions, pagesDir: staging }, report.articleSteps)(shown.map((file) => renderJob(file, entries[file])));
    for (const file of [...(feeds?.files ?? []), ...(listings?.files ?? [])]) {
      mkdirSync(dirname(join(staging, file.path)), { recursive: true });
      writeFileSync(join(staging, file.path), file.text);
    }
    report.stages.render = performance.now() - t;

    // Prepared in the order of `changed`: each file's position among the index's. From here
    // on the stamps are this build's (written below as rows changed since the base).
    const rows = prepared.map((file, i): ChangedRow => [changed[i], file.file, file.size, file.mtimeMs, file.ctimeMs, file.ino, file.hash]);
    applyRows(stamps, rows);
    const hashOfScanned = (i: number) => stamps.hash[positions ? positions[i] : i];

    // The shards of the edited pages are indexed again (or found in the search cache); the
    // others stay as they are in the output folder.
    t = performance.now();
    let removes: string[] = [];
    let searched: Awaited<ReturnType<typeof writeSearch>> | undefined;
    if (search !== false && plan) {
      options.progress?.({ stage: "search" });
      const hashes = new Map(stamps.files.map((file, i) => [file, stamps.hash[i]]));
      searched = await writeSearch({ articles: [], plan: plan.shards, hashes: (file) => hashes.get(file)!, buildKey: key, staging, out, warm: true, cache: options.cache ?? DEFAULT_CACHE, settings: { maxPages: search }, outputsPresent: true });
      const before = new Set(plan.outputs);
      const now = new Set(searched.outputs);
      removes = plan.outputs.filter((file) => !now.has(file));
      const all = [...outputs.outputs!.filter((file) => !before.has(file)), ...searched.outputs].sort();
      total = all.length;
      report.search = searched.report;
      searchedOutputs = all;
    }
    report.stages.search = performance.now() - t;

    t = performance.now();
    options.progress?.({ stage: "apply" });
    // In the order a full build reads the files in, so the marker is the one it would write.
    const digest = outputDigest(key, [...order.map((file, i) => [file, hashOfScanned(i)] as const), ["", index.outputsHash]]);
    // Stamped before the pages are put in place, like a full build's: if putting them in place
    // fails, the folder keeps the old digest, the stamps no longer match and the next build
    // renders those files again (slower, never wrong).
    const syndication = syndicationCacheFiles(manifestFile);
    restampSignatures(listingSignaturesFile(manifestFile), index.digest, digest, listings?.signatures);
    if (listings) listings.store.update(listings.rows, digest);
    else restampRecordStore(recordStoreFile(manifestFile), index.digest, digest, stamps.files.length);
    restampListingStore(manifestFile, index.digest, digest);
    restampSignatures(syndication.signatures, index.digest, digest, feeds?.signatures);
    restampStoredFeeds(storedFeedsFile(manifestFile), index.digest, digest, feeds?.feeds);
    if (feeds) saveBodies(syndication.bodies, feeds.bodies, feeds.stale);
    writeOutputMarker(staging, digest);
    if (searched && searchedOutputs) {
      saveSearchPlan(searchPlanFile(manifestFile), digest, { shards: searched.plan, outputs: searched.outputs });
      writeOutputs(manifestFile, digest, searchedOutputs);
    }
    putInPlace(input.claim, staging, removes);
    const shards = [...index.shards];
    // The shards read are those of the edited files, each rewritten whole.
    writeShards(manifestFile, { files: { ...(stored as Record<string, CacheEntry>), ...entries }, digest }, new Set(shown.map(shardOf)), shards);
    // The stamps are written as rows changed since the base: the base stays as it is.
    const changedRows = withChangedRows(index.changed, rows);
    writeIndex(manifestFile, { ...index, scannedAtMs, embargoNowMs: nowMs, digest, stamps, changed: changedRows, shards, ...(searchedOutputs ? { outputsGeneration: digest } : {}) }, false);
    report.stages.apply = performance.now() - t;
  } finally {
    listings?.store.close();
    discardStaging(staging);
  }

  report.quick = true;
  // Nothing was copied or encoded: every variant and static file stays as it is in the output.
  report.media = { ...facts.media, encoded: 0, fromCache: 0, kept: facts.media.variants, ms: 0 };
  report.cold = false;
  report.articles = facts.report.articles.published + (drafts ? facts.report.articles.draft + facts.report.articles.embargoed : 0);
  report.pages = pages;
  report.cache = { reused: stamps.files.length - changed.length, prepared: edited.length, unchangedContent: prepared.length - edited.length, rendered: shown.length, listings: listings?.files.length ?? 0 };
  const done = finishedReport(report, input.started);
  const run = { ok: true, issues, stages: { ...done.stages }, wallMs: done.wallMs, cold: false, cache: done.cache };
  const unwritable = input.reports && writeReport(input.reports, runReport({ ...facts.report, files: total }, run));
  return { ok: true, issues: unwritable ? [...issues, unwritable] : issues, articles: done.articles, pagesWritten: done.pages, report: done };
}

/**
 * The scan of the content folder and every scanned file's stamp, and, while the quick way is
 * still open, the positions (among the index's files) of those whose stat no longer proves
 * them unchanged, every file in the order the scan found them, and each scanned file's
 * position when that order is not the index's. `quick` is undefined when a file was added or
 * removed, or too many changed. A worker thread stats the second half of the files while this
 * one stats the first.
 */
async function changedFiles(content: string, index: ManifestIndex): Promise<{ scan: { files: string[]; issues: ContentIssue[] }; stamps?: (FileStamp | undefined)[]; quick?: { changed: number[]; order: string[]; positions?: number[] } }> {
  const scan = scanContentFolder(content);
  if (scan.issues.length) return { scan };
  const { stamps } = index;
  const half = scan.files.length >> 1;
  const later = half >= SURVEY_THREAD_FROM ? fileStamps(content, scan.files.slice(half)) : undefined;
  later?.catch(() => {});
  const stats: (FileStamp | undefined)[] = [];
  for (let i = 0; i < (later ? half : scan.files.length); i++) stats.push(statSync(`${content}/${scan.files[i]}`, { throwIfNoEntry: false }));
  if (later) stats.push(...(await later));
  if (scan.files.length !== stamps.files.length) return { scan, stamps: stats };
  // The scan finds the files in the order the last build read them, unless a name sorts
  // otherwise now: only then is each one looked up by name.
  const positions = scan.files.every((file, i) => file === stamps.files[i]) ? undefined : positionsOf(scan.files, stamps.files);
  if (positions?.includes(-1)) return { scan, stamps: stats };
  const changed: number[] = [];
  for (let i = 0; i < scan.files.length; i++) {
    const at = positions ? positions[i] : i;
    const now = stats[i];
    if (!now) return { scan, stamps: stats };
    const before = { size: stamps.size[at], mtimeMs: stamps.mtimeMs[at], ctimeMs: stamps.ctimeMs[at], ino: stamps.ino[at] };
    if (isUnchanged(before, now, index.scannedAtMs)) continue;
    changed.push(at);
    if (changed.length > QUICK_LIMIT) return { scan, stamps: stats };
  }
  return { scan, stamps: stats, quick: { changed, order: scan.files, ...(positions ? { positions } : {}) } };
}

/** Each of `files`' position in `known`, or -1. */
function positionsOf(files: readonly string[], known: readonly string[]): number[] {
  const at = new Map(known.map((file, i) => [file, i]));
  return files.map((file) => at.get(file) ?? -1);
}

/** Files from which half of the stats go to a worker thread (below, starting it costs more than it saves). */
const SURVEY_THREAD_FROM = 10_000;

/** True when the static files and images are the ones, with the stamps, the last build saw. */
function inputsUnchanged(content: string, inputs: readonly InputStamp[]): boolean {
  const known = new Set(inputs.map(([path]) => path));
  if (listStaticFiles(content).some((path) => !known.has(`${STATIC_FOLDER}${path}`))) return false;
  return inputs.every(([path, size, mtimeMs, ctimeMs, ino]) => {
    const stats = statSync(join(content, path), { throwIfNoEntry: false });
    return stats ? stats.size === size && stats.mtimeMs === mtimeMs && stats.ctimeMs === ctimeMs && stats.ino === ino : size === -1;
  });
}

/** True when a prepared file has the issues, dateline and links its entry had (its record aside). */
function sameBesideRecord(before: Omit<CacheEntry, "size" | "mtimeMs" | "ctimeMs" | "ino" | "hash">, now: PreparedFile): boolean {
  const beside = (e: Pick<CacheEntry, "issues" | "dateline" | "links">) => JSON.stringify([e.issues, e.dateline ?? null, e.links ?? null]);
  return beside(before) === beside(now);
}

/** True when a prepared file shows the rest of the site what its entry showed: the same record, issues, dateline and links. */
function sameOutside(before: Omit<CacheEntry, "size" | "mtimeMs" | "ctimeMs" | "ino" | "hash">, now: PreparedFile): boolean {
  return JSON.stringify(before.record ?? null) === JSON.stringify(now.record ?? null) && sameBesideRecord(before, now);
}

function stampOf(file: PreparedFile): Pick<CacheEntry, "size" | "mtimeMs" | "ctimeMs" | "ino"> {
  return { size: file.size, mtimeMs: file.mtimeMs, ctimeMs: file.ctimeMs, ino: file.ino };
}
