/**
 * Every listing page's data as the last full build rendered it (page-data.ts: each article a
 * reference to its file), kept beside the manifest in shards by URL, so that a quick rebuild
 * of a headline edit (quick-listings.ts) reads the few pages it renders again and no others.
 * A full build rewrites only the shards holding a page whose signature changed or that is
 * gone (a page's data changes only with its signature, which digests the same data), or every
 * shard when the store is not the previous build's. Stamped, like the signatures, with the
 * output digest of the build it describes; a store stamped otherwise is not trusted.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeCacheFile } from "./write-atomic.ts";

/** Shards of the store: a page edit reads about one 256th of the pages per page it renders. */
const SHARDS = 256;

interface StampFile {
  format: 1;
  digest: string;
}

/** The store's files: its stamp and its folder of shards. */
function storePaths(manifestFile: string): { stamp: string; folder: string } {
  const base = manifestFile.replace(/\.json$/, "");
  return { stamp: `${base}.pages.json`, folder: `${base}.pages` };
}

/**
 * The shard of a listing page (FNV-1a of its URL).
 * @example pageShardOf("/politics/page/2/") // 0 … 255
 */
export function pageShardOf(url: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

/** What a full build saves. */
export interface ListingStoreInput {
  manifestFile: string;
  /** The output digest this build leaves. */
  digest: string;
  /** The output digest of the build in place, if any. */
  previousDigest: string | undefined;
  /** Every listing page's URL, in site order. */
  urls: readonly string[];
  /** The text of the page at `url` (page-data.ts). */
  text(url: string): string;
  /** True for a page whose data may differ from the stored (its signature changed or it is new). */
  changed(url: string): boolean;
  /** URLs the previous build had and this one has not. */
  gone: readonly string[];
}

/**
 * Saves the store for this build (see the module comment). Never throws: without it the next
 * headline edit goes the full way.
 * @example saveListingStore({ manifestFile, digest, previousDigest, urls, text, changed, gone })
 */
export function saveListingStore(input: ListingStoreInput): void {
  const { stamp, folder } = storePaths(input.manifestFile);
  const whole = input.previousDigest === undefined || readStamp(stamp) !== input.previousDigest;
  const rewrite = new Set<number>();
  if (!whole) {
    for (const url of input.urls) if (input.changed(url)) rewrite.add(pageShardOf(url));
    for (const url of input.gone) rewrite.add(pageShardOf(url));
  }
  try {
    // Unstamped while its shards are written: a build stopped half-way leaves no trusted store
    // (and a shard the previous build left is read only while its stamp said it was trusted).
    rmSync(stamp, { force: true });
    if (whole) rmSync(folder, { recursive: true, force: true });
  } catch {
    return;
  }
  const shards = new Map<number, Record<string, string>>();
  // A shard written again keeps the stored text of its unchanged pages: packing a page costs
  // more than reading it back, and a new article changes pages in most shards.
  const kept = new Map<number, Record<string, string>>();
  const keptOf = (shard: number) => {
    if (!kept.has(shard)) kept.set(shard, readShard(folder, shard) ?? {});
    return kept.get(shard)!;
  };
  for (const url of input.urls) {
    const shard = pageShardOf(url);
    if (!whole && !rewrite.has(shard)) continue;
    let pages = shards.get(shard);
    if (!pages) shards.set(shard, (pages = {}));
    const stored = whole || input.changed(url) ? undefined : keptOf(shard)[url];
    pages[url] = stored ?? input.text(url);
  }
  // A shard left with no page is written empty, so that none keeps a gone page's data.
  for (const shard of rewrite) if (!shards.has(shard)) shards.set(shard, {});
  for (const [shard, pages] of shards) if (!writeCacheFile(join(folder, `${shard}.json`), JSON.stringify(pages))) return;
  writeCacheFile(stamp, JSON.stringify({ format: 1, digest: input.digest } satisfies StampFile));
}

/**
 * The stored text of each page of `urls`, if the store is stamped with `digest` and has them all, else undefined.
 * @example readListingStore(manifestFile, index.digest, ["/politics/"])?.get("/politics/") // '{"kind":"section",…}'
 */
export function readListingStore(manifestFile: string, digest: string, urls: Iterable<string>): Map<string, string> | undefined {
  const { stamp, folder } = storePaths(manifestFile);
  if (readStamp(stamp) !== digest) return undefined;
  const byShard = new Map<number, string[]>();
  for (const url of urls) {
    const shard = pageShardOf(url);
    const wanted = byShard.get(shard);
    if (wanted) wanted.push(url);
    else byShard.set(shard, [url]);
  }
  const texts = new Map<string, string>();
  for (const [shard, wanted] of byShard) {
    const pages = readShard(folder, shard);
    if (!pages) return undefined;
    for (const url of wanted) {
      if (!Object.hasOwn(pages, url)) return undefined;
      texts.set(url, pages[url]);
    }
  }
  return texts;
}

/**
 * Stamps the store with `to` when it is stamped with `from` (a quick rebuild changes no page's data, only the output digest). Never throws.
 * @example restampListingStore(manifestFile, index.digest, digest)
 */
export function restampListingStore(manifestFile: string, from: string, to: string): void {
  const { stamp } = storePaths(manifestFile);
  if (readStamp(stamp) === from) writeCacheFile(stamp, JSON.stringify({ format: 1, digest: to } satisfies StampFile));
}

/**
 * Removes the store (its stamp first, so that no half-removed store is trusted). Never throws.
 * @example removeListingStore(".gazette/cache/build-1a2b.json")
 */
export function removeListingStore(manifestFile: string): void {
  const { stamp, folder } = storePaths(manifestFile);
  try {
    rmSync(stamp, { force: true });
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // An untrusted store left behind is only disk space.
  }
}

function readShard(folder: string, shard: number): Record<string, string> | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, `${shard}.json`), "utf8")) as Record<string, string>;
  } catch {
    return undefined;
  }
}

function readStamp(path: string): string | undefined {
  try {
    const file = JSON.parse(readFileSync(path, "utf8")) as StampFile;
    return file.format === 1 && typeof file.digest === "string" ? file.digest : undefined;
  } catch {
    return undefined;
  }
}
