/**
 * The build manifest on disk, in parts so that a rebuild of a few edits reads a few files and
 * writes fewer, not the whole archive's records:
 *
 * - the index (`build-<id>.json`): the key, the output digest, the scan time, the shards'
 *   generations, and the stamps that changed since the base was written (a few rows);
 * - the base (`build-<id>.stamps.json`): every file's stamp and content hash, column by column,
 *   and the facts a quick rebuild checks (quick-facts.ts). Only a full build writes it (and a
 *   quick rebuild once its changed rows pass {@link COMPACT_AFTER}): a quick rebuild of one edit
 *   reads it and leaves it as it is, so the manifest is updated, not rewritten;
 * - the outputs (`build-<id>.outputs.json`): every file the build wrote, read on its own
 *   (a quick rebuild looks for them on another thread, and writes the same files);
 * - the entries (`build-<id>.entries/NN.json`, {@link SHARDS} of them, a file's shard chosen by
 *   a hash of its path): each file's record, issues, links and render digest;
 * - beside each, its views (`NN.views.json`): what each page was rendered with (previous, next,
 *   related, resolved links), with the render digest it was rendered under. Only a quick
 *   rebuild needs a view (it renders a page again from it alone); a full build computes every
 *   view anew, so it reads the entries without them: 60 % of the shards' bytes at 100,000.
 *
 * A shard is rewritten only when one of its entries changed. Each part carries the generation
 * (the output digest of the build that wrote it) that the index lists for it: a build
 * interrupted between writing its parts and the index leaves generations that disagree, and
 * the manifest is then not used at all (the next build starts cold, never from a mixture).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildManifest, CacheEntry, FileStamp, PageView } from "./build-cache.ts";
import { writeFileAtomic } from "./write-atomic.ts";
import type { QuickFacts } from "./quick-facts.ts";
import { outputsHash } from "./output-marker.ts";

/**
 * Shards of the entries: at 100,000 articles about 400 entries (0.7 MB with their views) each.
 * A full build reads them all, whatever their number; a rebuild rewrites the shards of the
 * entries it changed (a headline edit: the edited file and the dozen pages that show it, each
 * in a shard of its own), so smaller shards are less to write again.
 */
export const SHARDS = 256;

/** A file's stamp and content hash: `[file, size, mtimeMs, ctimeMs, ino, hash]`. */
export type StampRow = [file: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

/** A stamp that differs from the base's: the file's position among the base's files, then its row. */
export type ChangedRow = [position: number, ...row: StampRow];

/**
 * Every file's stamp and content hash, column by column (a column of numbers parses in a
 * fraction of the time 100,000 small arrays take, and leaves little for the collector), in the
 * order the build that wrote them read the files.
 */
export interface Stamps {
  files: string[];
  size: number[];
  mtimeMs: number[];
  ctimeMs: number[];
  ino: number[];
  hash: string[];
}

/** Rows changed since the base beyond which a quick rebuild writes the base again (its index stays a few hundred KB). */
export const COMPACT_AFTER = 2000;

/** The index of a manifest, with its base: everything but the entries' records. */
export interface ManifestIndex {
  format: 5;
  key: string;
  scannedAtMs: number;
  embargoNowMs?: number;
  digest: string;
  /** The outputs' hash in the digest (BuildManifest.outputsHash), and the generation of the outputs file. */
  outputsHash: string;
  outputsGeneration: string;
  /** Every file's stamp, as the base has them with {@link changed} applied. */
  stamps: Stamps;
  /** The generation of the base file. */
  baseGeneration: string;
  /** The stamps that differ from the base file's. */
  changed: ChangedRow[];
  /** The generation of each shard (the digest of the build that last wrote it). */
  shards: string[];
  quick?: QuickFacts;
}

/** Where a manifest's stamps came from: the base file's generation and files (in its order), and the rows the index changed in it. */
export interface StoredBase {
  generation: string;
  files: readonly string[];
  changed: ChangedRow[];
}

/** The index file: the index without what its base holds. */
type IndexFile = Omit<ManifestIndex, "stamps" | "quick">;

/** The base file. */
interface BaseFile {
  generation: string;
  stamps: Stamps;
  quick?: QuickFacts;
}

/** What an entry shard holds of each of its files: the entry without its stamp and hash (and, on disk, without its view). */
type StoredEntry = Omit<CacheEntry, keyof FileStamp | "hash">;

interface ShardFile {
  generation: string;
  entries: Record<string, StoredEntry>;
}

/** A shard's views: each file's view with the render digest it belongs to (a view counts only with that digest). */
interface ViewsFile {
  generation: string;
  views: Record<string, [rendered: string, view: PageView]>;
}

/**
 * The shard of a file (FNV-1a of its path): stable across builds and machines.
 * @example shardOf("2023/a.md") // 0 … 255
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
 * The base file of the manifest at `path`.
 * @example baseFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.stamps.json"
 */
export function baseFile(path: string): string {
  return path.replace(/\.json$/, ".stamps.json");
}

/**
 * The index at `path` with its base, if both can be read, agree and have `key`.
 * @example readIndex(path, key)?.stamps.files.length // 20000
 */
export function readIndex(path: string, key: string): ManifestIndex | undefined {
  try {
    const index = JSON.parse(readFileSync(path, "utf8")) as IndexFile;
    if (index.format !== 5 || index.key !== key || !Array.isArray(index.shards) || index.shards.length !== SHARDS || !Array.isArray(index.changed)) return undefined;
    const base = JSON.parse(readFileSync(baseFile(path), "utf8")) as BaseFile;
    if (base.generation !== index.baseGeneration) return undefined;
    const { stamps } = base;
    if (!applyRows(stamps, index.changed)) return undefined;
    return { ...index, stamps, ...(base.quick ? { quick: base.quick } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * The entries of `shards` (shard numbers) of the manifest whose index is `index`, or undefined
 * when one is missing or of another generation; `withViews` gives each entry its view too
 * (when the view kept is of the entry's render digest).
 * @example readShards(path, index, [shardOf("2023/a.md")], true)?.["2023/a.md"]?.view?.nav
 */
export function readShards(path: string, index: ManifestIndex, shards: Iterable<number>, withViews = false): Record<string, StoredEntry> | undefined {
  const entries: Record<string, StoredEntry> = {};
  try {
    for (const shard of new Set(shards)) {
      const file = JSON.parse(readFileSync(shardPath(path, shard), "utf8")) as ShardFile;
      if (file.generation !== index.shards[shard]) return undefined;
      if (withViews) {
        const views = readViews(path, shard, index.shards[shard]);
        if (!views) return undefined;
        for (const [name, entry] of Object.entries(file.entries)) {
          const kept = views[name];
          if (kept && kept[0] === entry.rendered) entry.view = kept[1];
        }
      }
      Object.assign(entries, file.entries);
    }
    return entries;
  } catch {
    return undefined;
  }
}

/** The views of `shard` if its file is of `generation`. */
function readViews(path: string, shard: number, generation: string): ViewsFile["views"] | undefined {
  try {
    const file = JSON.parse(readFileSync(viewsPath(path, shard), "utf8")) as ViewsFile;
    return file.generation === generation ? file.views : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The whole manifest at `path`, if it exists, is readable, whole and has `key`; its entries
 * without their views (a full build computes every view again). `given` is its index and base
 * when they were read already (by a quick rebuild that went no further).
 * @example readStoredManifest(path, key)?.files["2023/a.md"]?.hash
 */
export function readStoredManifest(path: string, key: string, given?: ManifestIndex): BuildManifest | undefined {
  const index = given?.key === key ? given : readIndex(path, key);
  if (!index) return undefined;
  const stored = readShards(path, index, index.shards.keys());
  const outputs = readOutputs(outputsFile(path), index.outputsGeneration);
  if (!stored || !outputs) return undefined;
  const files: Record<string, CacheEntry> = {};
  const { stamps } = index;
  for (let i = 0; i < stamps.files.length; i++) {
    const entry = stored[stamps.files[i]];
    if (!entry) return undefined;
    files[stamps.files[i]] = { size: stamps.size[i], mtimeMs: stamps.mtimeMs[i], ctimeMs: stamps.ctimeMs[i], ino: stamps.ino[i], hash: stamps.hash[i], ...entry };
  }
  const { key: k, scannedAtMs, embargoNowMs, digest, outputsHash, quick } = index;
  const base: StoredBase = { generation: index.baseGeneration, files: stamps.files, changed: index.changed };
  return { format: 3, key: k, scannedAtMs, ...(embargoNowMs === undefined ? {} : { embargoNowMs }), files, outputs, digest, outputsHash, ...(quick ? { quick } : {}), shards: index.shards, outputsGeneration: index.outputsGeneration, base };
}

/**
 * Writes the manifest: the shards holding an entry that stores something new against
 * `previous` (the manifest this build started from; see {@link sameStored}), or every shard
 * without one; the outputs file unless it lists what `previous` listed; the base unless it
 * can stay (see {@link baseRows}: the index then carries the stamps that changed); then the
 * index, each atomically. A headline edit at 100,000 articles thus leaves the outputs and the
 * base (24 MB) as the last build wrote them, as a quick rebuild does.
 * @example writeStoredManifest(path, manifest, previous)
 */
export function writeStoredManifest(path: string, manifest: BuildManifest, previous?: BuildManifest): void {
  const dirty = new Set<number>();
  const shards: string[] = previous?.shards ? [...previous.shards] : Array(SHARDS).fill("");
  if (previous?.shards) {
    const before = previous.files;
    for (const [file, entry] of Object.entries(manifest.files)) if (!sameStored(before[file], entry)) dirty.add(shardOf(file));
    for (const file of Object.keys(before)) if (!Object.hasOwn(manifest.files, file)) dirty.add(shardOf(file));
  } else {
    for (let shard = 0; shard < SHARDS; shard++) dirty.add(shard);
  }
  writeShards(path, manifest, dirty, shards);
  const keptOutputs = previous?.outputsGeneration !== undefined && sameList(previous.outputs, manifest.outputs) ? previous.outputsGeneration : undefined;
  if (keptOutputs === undefined) writeOutputs(path, manifest.digest, manifest.outputs);
  const index: ManifestIndex = { ...indexOf(manifest), shards, ...(keptOutputs === undefined ? {} : { outputsGeneration: keptOutputs }) };
  const rows = previous && baseRows(previous, manifest);
  if (rows) writeIndex(path, { ...index, baseGeneration: previous!.base!.generation, changed: withChangedRows(previous!.base!.changed, rows) }, false);
  else writeIndex(path, index, true);
  manifest.shards = shards;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The rows by which the stamps of `manifest` differ from those of `previous`, when the base
 * file `previous` was read from can stay under them: the same files in the same order, and the
 * same quick facts (which the base holds). Undefined when the base must be written again (a
 * file added, removed or found in another order, other facts, a manifest not read from disk).
 * @example baseRows(previous, { ...previous, files: { ...previous.files, "a.md": { ...entry, hash: "h2" } } }) // [[0, "a.md", …, "h2"]]
 */
export function baseRows(previous: BuildManifest, manifest: BuildManifest): ChangedRow[] | undefined {
  const { base } = previous;
  if (!base) return undefined;
  const files = Object.keys(manifest.files);
  if (!sameList(files, base.files)) return undefined;
  if (JSON.stringify(previous.quick ?? null) !== JSON.stringify(manifest.quick ?? null)) return undefined;
  const rows: ChangedRow[] = [];
  for (let i = 0; i < files.length; i++) {
    const before = previous.files[files[i]];
    const after = manifest.files[files[i]];
    if (before.size !== after.size || before.mtimeMs !== after.mtimeMs || before.ctimeMs !== after.ctimeMs || before.ino !== after.ino || before.hash !== after.hash) {
      rows.push([i, files[i], after.size, after.mtimeMs, after.ctimeMs, after.ino, after.hash]);
    }
  }
  return rows;
}

// The stamp lives in the base, not in the shards.
const STAMP_KEYS = new Set(["size", "mtimeMs", "ctimeMs", "ino"]);

/**
 * True when `after` stores what `before` stored in its shard: the same object, or a copy whose
 * only new values are the stamp's (a file touched or checked out again but not changed, which
 * a build reads again and finds the same). Any other new value, even an equal one, counts as
 * a change: rewriting a shard is never wrong, keeping a stale one would be.
 * @example sameStored(entry, { ...entry, mtimeMs: Date.now() }) // true
 */
export function sameStored(before: CacheEntry | undefined, after: CacheEntry): boolean {
  if (before === after) return true;
  if (!before) return false;
  const keys = Object.keys(after);
  if (keys.length !== Object.keys(before).length) return false;
  for (const key of keys) if (!STAMP_KEYS.has(key) && (before as unknown as Record<string, unknown>)[key] !== (after as unknown as Record<string, unknown>)[key]) return false;
  return true;
}

/**
 * Writes the shards `dirty` of `manifest` under its digest, each with its views, recording
 * their generation in `shards`. An entry read without its view (a full build's) keeps the one
 * its shard's views file has for its render digest; one that has none loses its render digest,
 * so that its page is rendered again by the next build (slower, never wrong).
 * @example writeShards(path, manifest, new Set([3]), index.shards)
 */
export function writeShards(path: string, manifest: Pick<BuildManifest, "files" | "digest">, dirty: ReadonlySet<number>, shards: string[]): void {
  if (!dirty.size) return;
  const grouped = new Map<number, [file: string, entry: CacheEntry][]>([...dirty].map((shard) => [shard, []]));
  for (const [file, entry] of Object.entries(manifest.files)) grouped.get(shardOf(file))?.push([file, entry]);
  for (const [shard, members] of grouped) {
    const entries: ShardFile["entries"] = {};
    const views: ViewsFile["views"] = {};
    let before: ViewsFile["views"] | undefined;
    for (const [file, entry] of members) {
      const { size: _s, mtimeMs: _m, ctimeMs: _c, ino: _i, hash: _h, view, ...stored } = entry;
      if (stored.rendered !== undefined) {
        before ??= view ? undefined : (readViews(path, shard, shards[shard]) ?? {});
        const kept = view ?? (before?.[file]?.[0] === stored.rendered ? before[file][1] : undefined);
        if (kept) views[file] = [stored.rendered, kept];
        else delete stored.rendered;
      }
      entries[file] = stored;
    }
    // The views first: entries whose views file is of another generation are not used at all.
    writeFileAtomic(viewsPath(path, shard), JSON.stringify({ generation: manifest.digest, views } satisfies ViewsFile));
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
 * Writes the index atomically, after its base when `withBase` (or when its changed rows have
 * passed {@link COMPACT_AFTER}): the base then takes the index's digest as its generation and
 * holds every stamp, and the index none.
 * @example writeIndex(path, { ...index, scannedAtMs, changed }, false)
 */
export function writeIndex(path: string, index: ManifestIndex, withBase: boolean): void {
  const { stamps, quick, ...head } = index;
  if (withBase || head.changed.length > COMPACT_AFTER) {
    writeFileAtomic(baseFile(path), JSON.stringify({ generation: head.digest, stamps, ...(quick ? { quick } : {}) } satisfies BaseFile));
    head.baseGeneration = head.digest;
    head.changed = [];
  }
  writeFileAtomic(path, JSON.stringify(head satisfies IndexFile));
}

/**
 * Sets each row's stamp into `stamps` at its position; false, leaving `stamps` as they were,
 * when a row names another file than the one at its position.
 * @example applyRows(stamps, [[0, stamps.files[0], 12, 1, 1, 7, "h2"]]) // true, and stamps.hash[0] === "h2"
 */
export function applyRows(stamps: Stamps, rows: readonly ChangedRow[]): boolean {
  if (rows.some(([position, file]) => stamps.files[position] !== file)) return false;
  for (const [position, , size, mtimeMs, ctimeMs, ino, hash] of rows) {
    stamps.size[position] = size;
    stamps.mtimeMs[position] = mtimeMs;
    stamps.ctimeMs[position] = ctimeMs;
    stamps.ino[position] = ino;
    stamps.hash[position] = hash;
  }
  return true;
}

/**
 * `changed` with `rows` added, a row of the same position replacing the earlier one, in order of position.
 * @example withChangedRows([[4, "a.md", 1, 2, 3, 9, "h1"]], [[4, "a.md", 5, 6, 7, 9, "h2"]]) // [[4, "a.md", 5, 6, 7, 9, "h2"]]
 */
export function withChangedRows(changed: readonly ChangedRow[], rows: readonly ChangedRow[]): ChangedRow[] {
  const byPosition = new Map(changed.map((row) => [row[0], row]));
  for (const row of rows) byPosition.set(row[0], row);
  return [...byPosition.values()].sort((a, b) => a[0] - b[0]);
}

/** The index of an in-memory manifest whose outputs are written under its digest, without its shards' generations. */
function indexOf(manifest: BuildManifest): Omit<ManifestIndex, "shards"> {
  const stamps: Stamps = { files: [], size: [], mtimeMs: [], ctimeMs: [], ino: [], hash: [] };
  for (const [file, e] of Object.entries(manifest.files)) {
    stamps.files.push(file);
    stamps.size.push(e.size);
    stamps.mtimeMs.push(e.mtimeMs);
    stamps.ctimeMs.push(e.ctimeMs);
    stamps.ino.push(e.ino);
    stamps.hash.push(e.hash);
  }
  return {
    format: 5,
    key: manifest.key,
    scannedAtMs: manifest.scannedAtMs,
    ...(manifest.embargoNowMs === undefined ? {} : { embargoNowMs: manifest.embargoNowMs }),
    digest: manifest.digest,
    outputsHash: manifest.outputsHash ?? outputsHash(manifest.outputs),
    outputsGeneration: manifest.digest,
    stamps,
    baseGeneration: manifest.digest,
    changed: [],
    ...(manifest.quick ? { quick: manifest.quick } : {}),
  };
}

function shardPath(path: string, shard: number): string {
  return join(entriesFolder(path), `${String(shard).padStart(2, "0")}.json`);
}

function viewsPath(path: string, shard: number): string {
  return join(entriesFolder(path), `${String(shard).padStart(2, "0")}.views.json`);
}
