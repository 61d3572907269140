/**
 * The manifest on disk (src/build/manifest-store.ts): an index and entry shards, written shard
 * by shard, read whole or in part, and never used as a mixture of two builds.
 */
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildManifest, CacheEntry } from "../../src/build/build-cache.ts";
import { entriesFolder, readIndex, readShards, readStoredManifest, SHARDS, shardOf, writeStoredManifest } from "../../src/build/manifest-store.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const entry = (n: number): CacheEntry => ({ size: n, mtimeMs: n * 10, ctimeMs: n * 10, ino: n, hash: `h${n}`, issues: [], links: [{ href: `x${n}.md`, line: 3 }], rendered: `r${n}` });

function manifest(digest: string, count = 200): BuildManifest {
  const files: Record<string, CacheEntry> = {};
  for (let n = 0; n < count; n++) files[`2023/story-${n}.md`] = entry(n);
  return { format: 3, key: "k", scannedAtMs: 1, embargoNowMs: 2, files, outputs: ["index.html"], digest };
}

describe("shardOf", () => {
  // Fixed values: a shard that moved between versions would leave every manifest unreadable.
  const cases: [string, number][] = [
    ["", 5],
    ["2023/a.md", 11],
    ["2024/05/election-night.md", 41],
  ];
  it.each(cases)("puts %j in shard %i on every machine", (file, shard) => expect(shardOf(file)).toBe(shard));
  it("spreads files over every shard", () => {
    const used = new Set(Array.from({ length: 2000 }, (_, n) => shardOf(`2023/story-${n}.md`)));
    expect(used.size).toBe(SHARDS);
  });
});

describe("the stored manifest", () => {
  it("reads back what was written, whole and by shard", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    const written = manifest("d1");
    writeStoredManifest(path, written);
    const read = readStoredManifest(path, "k")!;
    expect(read.files).toEqual(written.files);
    expect(read.outputs).toEqual(["index.html"]);
    expect(readStoredManifest(path, "other key")).toBeUndefined();
    const index = readIndex(path, "k")!;
    const one = readShards(path, index, [shardOf("2023/story-7.md")])!;
    expect(one["2023/story-7.md"]).toEqual({ issues: [], links: [{ href: "x7.md", line: 3 }], rendered: "r7" });
  });

  it("rewrites only the shards whose entries changed", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1"));
    const previous = readStoredManifest(path, "k")!;
    const times = () => Object.fromEntries(readdirSync(entriesFolder(path)).map((f) => [f, statSync(join(entriesFolder(path), f)).mtimeMs]));
    const before = times();
    const next: BuildManifest = { ...previous, digest: "d2", files: { ...previous.files, "2023/story-7.md": { ...entry(7), rendered: "new" } } };
    writeStoredManifest(path, next, previous);
    const after = times();
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toEqual([`${String(shardOf("2023/story-7.md")).padStart(2, "0")}.json`]);
    expect(readStoredManifest(path, "k")!.files["2023/story-7.md"].rendered).toBe("new");
  });

  it("is not used when a shard is of another generation than the index says", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1"));
    writeFileSync(join(entriesFolder(path), "05.json"), JSON.stringify({ generation: "d0", entries: {} }));
    expect(readStoredManifest(path, "k")).toBeUndefined();
    expect(readShards(path, readIndex(path, "k")!, [5])).toBeUndefined();
  });
});
