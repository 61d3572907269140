/**
 * The build manifest on disk, in two parts so that a rebuild of a few edits reads and writes
 * a few files, not the whole archive's records:
 *
 * - the index (`build-<id>.json`): the key, the output digest, every file's stamp and content
 *   hash, and the facts a quick rebuild checks (quick-facts.ts);
 * - the outputs (`build-<id>.outputs.json`): every file the build wrote, read on its own
 *   (a quick rebuild looks for them on another thread, and writes the same files);
 * - the entries (`build-<id>.entries/NN.json`, {@link SHARDS} of them, a file's shard chosen by
 *   a hash of its path): each file's record, issues, links and what its page was rendered with.
 *
 * A shard is rewritten only when one of its entries changed. Each carries the generation (the
 * output digest of the build that wrote it) that the index lists for it: a build interrupted
 * between writing shards and the index leaves generations that disagree, and the manifest is
 * then not used at all (the next build starts cold, never from a mixture).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildManifest, CacheEntry, FileStamp } from "./build-cache.ts";
import { writeFileAtomic } from "./write-atomic.ts";
import type { QuickFacts } from "./quick-facts.ts";
import { outputsHash } from "./output-marker.ts";

/** Shards of the entries: at 100,000 articles about 1,600 entries (a few MB) each. */
export const SHARDS = 64;

/** A file's stamp and content hash, as the index keeps them: `[file, size, mtimeMs, ctimeMs, ino, hash]`. */
export type StampRow = [file: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

/** The index of a manifest: everything but the entries' records. */
export interface ManifestIndex {
  format: 3;
  key: string;
  scannedAtMs: number;
  embargoNowMs?: number;
  digest: string;
  /** The outputs' hash in the digest (BuildManifest.outputsHash), and the generation of the outputs file. */
  outputsHash: string;
  outputsGeneration: string;
  files: StampRow[];
  /** The generation of each shard (the digest of the build that last wrote it). */
  shards: string[];
  quick?: QuickFacts;
}

/** What an entry shard holds of each of its files: the entry without its stamp and hash. */
type StoredEntry = Omit<CacheEntry, keyof FileStamp | "hash">;

interface ShardFile {
  generation: string;
  entries: Record<string, StoredEntry>;
}

/**
 * The shard of a file (FNV-1a of its path): stable across builds and machines.
 * @example shardOf("2023/a.md") // 0 … 63
 */
export function shardOf(file: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

/**
 * The folder of the entry shards of the manifest at `path`.
 * @example entriesFolder(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.entries"
 */
export function entriesFolder(path: string): string {
  return path.replace(/\.json$/, ".entries");
}

/**
 * The file of the outputs of the manifest at `path`.
 * @example outputsFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.outputs.json"
 */
export function outputsFile(path: string): string {
  return path.replace(/\.json$/, ".outputs.json");
}

/**
 * The outputs listed at `path` (see {@link outputsFile}), if they are of `generation`.
 * @example readOutputs(outputsFile(path), index.outputsGeneration)?.length // 134464
 */
export function readOutputs(path: string, generation: string): string[] | undefined {
  try {
    const file = JSON.parse(readFileSync(path, "utf8")) as { generation: string; outputs: string[] };
    return file.generation === generation && Array.isArray(file.outputs) ? file.outputs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The index at `path`, if it can be read and has `key`.
 * @example readIndex(path, key)?.files.length // 20000
 */
export function readIndex(path: string, key: string): ManifestIndex | undefined {
  try {
    const index = JSON.parse(readFileSync(path, "utf8")) as ManifestIndex;
    return index.format === 3 && index.key === key && Array.isArray(index.shards) && index.shards.length === SHARDS ? index : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entries of `shards` (shard numbers) of the manifest whose index is `index`, or undefined
 * when one is missing or of another generation.
 * @example readShards(path, index, [shardOf("2023/a.md")])?.["2023/a.md"]?.record
 */
export function readShards(path: string, index: ManifestIndex, shards: Iterable<number>): Record<string, StoredEntry> | undefined {
  const entries: Record<string, StoredEntry> = {};
  try {
    for (const shard of new Set(shards)) {
      const file = JSON.parse(readFileSync(shardPath(path, shard), "utf8")) as ShardFile;
      if (file.generation !== index.shards[shard]) return undefined;
      Object.assign(entries, file.entries);
    }
    return entries;
  } catch {
    return undefined;
  }
}

/**
 * The whole manifest at `path`, if it exists, is readable, whole and has `key`.
 * @example readStoredManifest(path, key)?.files["2023/a.md"]?.hash
 */
export function readStoredManifest(path: string, key: string): BuildManifest | undefined {
  const index = readIndex(path, key);
  if (!index) return undefined;
  const stored = readShards(path, index, index.shards.keys());
  const outputs = readOutputs(outputsFile(path), index.outputsGeneration);
  if (!stored || !outputs) return undefined;
  const files: Record<string, CacheEntry> = {};
  for (const [file, size, mtimeMs, ctimeMs, ino, hash] of index.files) {
    const entry = stored[file];
    if (!entry) return undefined;
    files[file] = { size, mtimeMs, ctimeMs, ino, hash, ...entry };
  }
  const { files: _, outputsGeneration: __, ...rest } = index;
  return { ...rest, files, outputs };
}

/**
 * Writes the manifest: the shards holding an entry that is not the same object as in
 * `previous` (the manifest this build started from), or every shard without one, then the
 * index, each atomically.
 * @example writeStoredManifest(path, manifest, previous)
 */
export function writeStoredManifest(path: string, manifest: BuildManifest, previous?: BuildManifest): void {
  const dirty = new Set<number>();
  const shards: string[] = previous?.shards ? [...previous.shards] : Array(SHARDS).fill("");
  if (previous?.shards) {
    const before = previous.files;
    for (const [file, entry] of Object.entries(manifest.files)) if (before[file] !== entry) dirty.add(shardOf(file));
    for (const file of Object.keys(before)) if (!Object.hasOwn(manifest.files, file)) dirty.add(shardOf(file));
  } else {
    for (let shard = 0; shard < SHARDS; shard++) dirty.add(shard);
  }
  writeShards(path, manifest, dirty, shards);
  writeOutputs(path, manifest.digest, manifest.outputs);
  writeIndex(path, { ...indexOf(manifest), shards });
  manifest.shards = shards;
}

/**
 * Writes the shards `dirty` of `manifest` under its digest, recording their generation in `shards`.
 * @example writeShards(path, manifest, new Set([3]), index.shards)
 */
export function writeShards(path: string, manifest: Pick<BuildManifest, "files" | "digest">, dirty: ReadonlySet<number>, shards: string[]): void {
  if (!dirty.size) return;
  const grouped = new Map<number, Record<string, StoredEntry>>([...dirty].map((shard) => [shard, {}]));
  for (const [file, entry] of Object.entries(manifest.files)) {
    const group = grouped.get(shardOf(file));
    if (!group) continue;
    const { size: _s, mtimeMs: _m, ctimeMs: _c, ino: _i, hash: _h, ...stored } = entry;
    group[file] = stored;
  }
  for (const [shard, entries] of grouped) {
    writeFileAtomic(shardPath(path, shard), JSON.stringify({ generation: manifest.digest, entries } satisfies ShardFile));
    shards[shard] = manifest.digest;
  }
}

/**
 * Writes the outputs file of the manifest at `path` under `generation`, atomically.
 * @example writeOutputs(path, digest, outputs)
 */
export function writeOutputs(path: string, generation: string, outputs: readonly string[]): void {
  writeFileAtomic(outputsFile(path), JSON.stringify({ generation, outputs }));
}

/**
 * Writes the index atomically.
 * @example writeIndex(path, { ...index, scannedAtMs })
 */
export function writeIndex(path: string, index: ManifestIndex): void {
  writeFileAtomic(path, JSON.stringify(index));
}

/** The index of an in-memory manifest whose outputs are written under its digest, without its shards' generations. */
function indexOf(manifest: BuildManifest): Omit<ManifestIndex, "shards"> {
  const files = Object.entries(manifest.files).map(([file, e]): StampRow => [file, e.size, e.mtimeMs, e.ctimeMs, e.ino, e.hash]);
  return {
    format: 3,
    key: manifest.key,
    scannedAtMs: manifest.scannedAtMs,
    ...(manifest.embargoNowMs === undefined ? {} : { embargoNowMs: manifest.embargoNowMs }),
    digest: manifest.digest,
    outputsHash: manifest.outputsHash ?? outputsHash(manifest.outputs),
    outputsGeneration: manifest.digest,
    files,
    ...(manifest.quick ? { quick: manifest.quick } : {}),
  };
}

function shardPath(path: string, shard: number): string {
  return join(entriesFolder(path), `${String(shard).padStart(2, "0")}.json`);
}
