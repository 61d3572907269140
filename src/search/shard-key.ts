/**
 * The cache key of one search shard: what its Pagefind bundle is a function of. The articles'
 * content hashes (with their URLs, which are the bundle's result addresses), the build's own
 * key (site config, generator code, output options: they shape the pages that are indexed),
 * the search settings and Pagefind's version. Same key, same bundle, so a bundle kept under its
 * key can be reused by any later build.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pagefindBinary } from "./run-pagefind.ts";

/** The settings a shard is indexed with. */
export interface SearchSettings {
  /** Articles per shard before a year is split (see shard-plan.ts). */
  maxPages: number;
}

/** The parts of a shard's key. */
export interface ShardKeyParts {
  shardId: string;
  /** `[url, content hash]` of every article in the shard, in shard order. */
  articles: readonly (readonly [string, string])[];
  buildKey: string;
  settings: SearchSettings;
  pagefindVersion: string;
}

/**
 * The hex digest of a shard's key parts.
 * @example shardKey({ shardId: "2023", articles: [["/2023/01/02/a/", "ab12"]], buildKey: "k", settings: { maxPages: 2000 }, pagefindVersion: "1.6.0" }) // "9c1e…" (64 hex digits)
 */
export function shardKey(parts: ShardKeyParts): string {
  const hash = createHash("sha256").update(JSON.stringify([parts.shardId, parts.buildKey, parts.settings, parts.pagefindVersion]));
  for (const [url, contentHash] of parts.articles) hash.update("\0").update(url).update("\0").update(contentHash);
  return hash.digest("hex");
}

let version: string | undefined;

/**
 * The version of the Pagefind binary in use, from its platform package's package.json (the
 * folder above its `bin/`); "custom" for a binary given by PAGEFIND_BINARY_PATH elsewhere.
 * @example pagefindVersion() // "1.6.0"
 */
export function pagefindVersion(): string {
  if (version) return version;
  try {
    version = (JSON.parse(readFileSync(join(dirname(dirname(pagefindBinary())), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    version = "custom";
  }
  return version;
}
