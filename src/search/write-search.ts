/**
 * The build's search step, after the listing pages: plan the shards, index with Pagefind only
 * the shards whose key is not in the cache (two at a time at most, the second only while the
 * build's memory budget has room: each is a process of a few hundred MB), and place every
 * shard's bundle in the staging folder — all of them in a cold build, only the changed ones in
 * a warm build (the others are in the output folder already).
 * Bundles are kept under the cache folder (`<cache>/search/<key>/`) and hard-linked into the
 * staging folder (copied across file systems), so nothing is indexed twice.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { outputPathFor } from "../archive/permalinks.ts";
import { filesBelow } from "../build/files-below.ts";
import type { ArticleSummary } from "../model.ts";
import { manifestText, MANIFEST_PATH, parseManifest, shardFolder, type ManifestShard } from "./search-manifest.ts";
import { searchScript } from "./search-script.ts";
import { runPagefind } from "./run-pagefind.ts";
import { planShards } from "./shard-plan.ts";
import { pagefindVersion, shardKey, type SearchSettings } from "./shard-key.ts";

/** What the search step did, for the build report. */
export interface SearchReport {
  shards: number;
  /** Shards Pagefind indexed in this build (the others came from the cache). */
  indexed: number;
  reused: number;
  /** Bundles copied into the staging folder (all in a cold build, the changed ones in a warm one). */
  placed: number;
  /** Summed wall time of the Pagefind runs. */
  pagefindMs: number;
  /** The highest peak memory of one Pagefind run, and of two running at once, in MB. */
  peakRssMb: number;
  peakPairRssMb: number;
}

/** A shard as planned: its id and its pages (URL and article file), newest last as planShards orders them. */
export interface PlannedShard {
  id: string;
  pages: [url: string, file: string][];
}

/** What the search step needs of a staged build. */
export interface SearchInput {
  articles: readonly ArticleSummary[];
  /** The shards, when they are known already (a quick rebuild keeps the last build's plan); else planned from `articles`. */
  plan?: readonly PlannedShard[];
  /** True when every file of the output folder was just seen there: the shards' files need not be looked for again. */
  outputsPresent?: boolean;
  /** Content hash of each article file (the build cache's entries). */
  hashes: (file: string) => string;
  buildKey: string;
  staging: string;
  out: string;
  /** True when unchanged files are already in `out` (a warm build). */
  warm: boolean;
  /** The build cache folder, or false to index into a temporary folder removed afterwards. */
  cache: string | false;
  settings: SearchSettings;
  /** Pagefind processes at once (default: up to 2, fewer on one core). */
  concurrency?: number;
  /** Memory the build may use while it indexes, this process and its Pagefind processes together, in MB. */
  memoryBudgetMb?: number;
}

/**
 * The default memory budget of the search step: a second Pagefind starts only while this
 * process and the running ones leave room for it (a large archive's build holds more itself).
 */
export const SEARCH_MEMORY_BUDGET_MB = 2560;

/** What one Pagefind run over a shard is taken to need before any has been measured, in MB. */
const FIRST_ESTIMATE_MB = 500;

/**
 * Whether another Pagefind may start: always when none runs, never beyond `limit`, else only
 * when this process's memory and one more run per running one (each as large as the largest
 * seen so far) stay within the budget.
 * @example mayStartAnother({ running: 1, limit: 2, ownMb: 2400, estimateMb: 480, budgetMb: 2560 }) // false
 */
export function mayStartAnother(state: { running: number; limit: number; ownMb: number; estimateMb: number; budgetMb: number }): boolean {
  if (state.running === 0) return true;
  if (state.running >= state.limit) return false;
  return state.ownMb + (state.running + 1) * Math.max(state.estimateMb, FIRST_ESTIMATE_MB) <= state.budgetMb;
}

/** Pagefind's files the search page does not use (its ready-made UIs). */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/**
 * Indexes and places the search bundles, writes the manifest and the page's script into the
 * staging folder; returns every search file of the site (relative to the output folder).
 * @example const { outputs, report } = await writeSearch(input)
 */
export async function writeSearch(input: SearchInput): Promise<{ outputs: string[]; report: SearchReport; plan: PlannedShard[] }> {
  const version = pagefindVersion();
  const store = input.cache === false ? mkdtempSync(join(tmpdir(), "gazette-search-")) : join(input.cache, "search");
  try {
    mkdirSync(store, { recursive: true });
    const plan =
      input.plan ??
      planShards(input.articles.map((a) => ({ article: a, url: a.url, year: a.date.year, month: a.date.month, day: a.date.day })), input.settings.maxPages).map(
        (shard): PlannedShard => ({ id: shard.id, pages: shard.articles.map((p) => [p.url, p.article.file]) }),
      );
    const shards = plan.map((shard) => ({
      shard,
      key: shardKey({ shardId: shard.id, articles: shard.pages.map(([url, file]) => [url, input.hashes(file)] as const), buildKey: input.buildKey, settings: input.settings, pagefindVersion: version }),
    }));
    const missing = shards.filter(({ key }) => !existsSync(join(store, key)));
    const limit = input.concurrency ?? Math.min(2, availableParallelism());
    const runs = await withinBudget(missing, limit, input.memoryBudgetMb ?? SEARCH_MEMORY_BUDGET_MB, ({ shard, key }) => indexShard(input, store, shard, key));

    const previous = input.warm ? parseManifest(readIfExists(join(input.out, MANIFEST_PATH))) : undefined;
    const before = new Map(previous?.shards.map((s) => [s.id, s.key]));
    const outputs: string[] = [];
    let placed = 0;
    for (const { shard, key } of shards) {
      const files = filesBelow(join(store, key)).map((file) => `${shardFolder(shard.id)}/${file}`);
      outputs.push(...files);
      const current = before.get(shard.id) === key && (input.outputsPresent || files.every((file) => existsSync(join(input.out, file))));
      if (current) continue;
      placed++;
      for (const file of files) place(join(store, key, file.slice(shardFolder(shard.id).length + 1)), join(input.staging, file));
    }
    const manifest: ManifestShard[] = shards.map(({ shard, key }) => ({ id: shard.id, bundle: `/${shardFolder(shard.id)}/`, pages: shard.pages.length, key }));
    writeFile(join(input.staging, MANIFEST_PATH), manifestText({ format: 1, pagefind: version, shards: manifest }));
    const script = searchScript();
    writeFile(join(input.staging, outputPathFor(script.path)), script.text);
    outputs.push(MANIFEST_PATH, outputPathFor(script.path));
    const peaks = runs.map((r) => r.peakRssMb).sort((a, b) => b - a);
    return {
      outputs: outputs.sort(),
      plan: [...plan],
      report: {
        shards: shards.length,
        indexed: missing.length,
        reused: shards.length - missing.length,
        placed,
        pagefindMs: Math.round(runs.reduce((sum, r) => sum + r.ms, 0)),
        peakRssMb: peaks[0] ?? 0,
        peakPairRssMb: (peaks[0] ?? 0) + (peaks[1] ?? 0),
      },
    };
  } finally {
    if (input.cache === false) rmSync(store, { recursive: true, force: true });
  }
}

/**
 * Writes the searchable part of the shard's article pages into a folder of their own (from the
 * staging folder when this build rendered them, else from the output folder), runs Pagefind over it, and moves the
 * finished bundle to `<store>/<key>` in one rename, so a bundle under its key is always whole.
 */
async function indexShard(input: SearchInput, store: string, shard: PlannedShard, key: string) {
  const work = mkdtempSync(join(store, `.work-${shard.id}-`));
  try {
    const site = join(work, "site");
    for (const [url] of shard.pages) {
      const page = outputPathFor(url);
      const staged = join(input.staging, page);
      writeFile(join(site, page), searchablePage(readFileSync(existsSync(staged) ? staged : join(input.out, page), "utf8")));
    }
    const bundle = join(work, "bundle");
    const run = await runPagefind(site, bundle);
    for (const file of filesBelow(bundle)) if (UNUSED.test(file)) rmSync(join(bundle, file));
    try {
      renameSync(bundle, join(store, key));
    } catch (error) {
      // Another build of the same content finished the same bundle first: keep that one.
      if (!existsSync(join(store, key))) throw error;
    }
    return run;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The part of an article page Pagefind reads: its language and the `<article>` element that
 * carries `data-pagefind-body`, its filters and its sort key. Pagefind indexes only that element
 * anyway (the bundle is byte-identical to one made from the whole page), and parsing a quarter
 * less HTML makes indexing about a fifth faster.
 * @example searchablePage('<html lang="en">…<article class="story" …>…</article>…') // '<!doctype html><html lang="en">…<article class="story" …>…</article></body></html>'
 */
export function searchablePage(page: string): string {
  const start = page.indexOf("<article class=\"story\"");
  if (start < 0) return page;
  // The story's own closing tag: teasers or other articles may be nested in it or follow it.
  const tags = /<article\b|<\/article>/g;
  tags.lastIndex = start;
  let depth = 0;
  let end = -1;
  for (let tag = tags.exec(page); tag; tag = tags.exec(page)) {
    depth += tag[0] === "</article>" ? -1 : 1;
    if (depth === 0) {
      end = tag.index + tag[0].length;
      break;
    }
  }
  if (end < 0) return page;
  const language = /<html lang="([^"]*)"/.exec(page)?.[1] ?? "";
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title></title></head><body>${page.slice(start, end)}</body></html>`;
}

/** Hard-links `from` to `to` (creating folders); copies where a link cannot be made. */
function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") rmSync(to);
    else if (!["EXDEV", "EPERM", "EMLINK"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    copyFileSync(from, to);
  }
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Runs `task` over every item, up to `limit` at once while {@link mayStartAnother} allows a
 * further one (the memory each run reports sharpens the estimate); results in item order.
 * @example await withinBudget(shards, 2, 2560, (shard) => indexShard(…)) // [{ ms, peakRssMb }, …]
 */
export function withinBudget<T, R extends { peakRssMb: number }>(items: readonly T[], limit: number, budgetMb: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let running = 0;
  let estimateMb = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const pump = (): void => {
      if (failed) return;
      if (next >= items.length && running === 0) return resolve(results);
      const ownMb = () => process.memoryUsage.rss() / 2 ** 20;
      while (next < items.length && mayStartAnother({ running, limit, ownMb: ownMb(), estimateMb, budgetMb })) {
        const i = next++;
        running++;
        task(items[i]).then(
          (result) => {
            results[i] = result;
            estimateMb = Math.max(estimateMb, result.peakRssMb);
            running--;
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    pump();
  });
}
