/**
 * The search plan a build leaves beside its manifest: every shard's pages (URL and article
 * file) and every search file it placed, stamped with the build's output digest. A quick
 * rebuild (src/build/quick-rebuild.ts) indexes again only the shards of the articles it
 * changed, from this plan, without the archive's index.
 */
import { readFileSync } from "node:fs";
import { writeCacheFile } from "../build/write-atomic.ts";
import type { PlannedShard } from "./write-search.ts";

/** The plan (see the module comment). */
export interface SearchPlan {
  shards: PlannedShard[];
  /** Every search file of the output folder (bundles, the shard manifest, the page's script). */
  outputs: string[];
}

/**
 * Where the search plan of the build whose manifest is `manifestFile` lives.
 * @example searchPlanFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.search.json"
 */
export function searchPlanFile(manifestFile: string): string {
  return manifestFile.replace(/\.json$/, ".search.json");
}

/**
 * The plan at `path` when it is stamped with `digest`; else undefined.
 * @example readSearchPlan(path, index.digest)?.shards.length // 12
 */
export function readSearchPlan(path: string, digest: string): SearchPlan | undefined {
  try {
    const file = JSON.parse(readFileSync(path, "utf8")) as SearchPlan & { format: number; digest: string };
    return file.format === 1 && file.digest === digest && Array.isArray(file.shards) && Array.isArray(file.outputs) ? { shards: file.shards, outputs: file.outputs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves the plan stamped with `digest`, atomically. Never throws: without it, the next text
 * edit goes the full way.
 * @example saveSearchPlan(path, manifest.digest, { shards, outputs })
 */
export function saveSearchPlan(path: string, digest: string, plan: SearchPlan): void {
  writeCacheFile(path, JSON.stringify({ format: 1, digest, ...plan }));
}
