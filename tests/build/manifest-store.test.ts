/**
 * The manifest on disk (src/build/manifest-store.ts): an index over a base of stamps, and entry
 * shards, written part by part, read whole or in part, and never used as a mixture of two builds.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildManifest, CacheEntry, PageView } from "../../src/build/build-cache.ts";
import { applyRows, baseFile, COMPACT_AFTER, entriesFolder, outputsFile, readIndex, readShards, readStoredManifest, sameStored, SHARDS, shardOf, withChangedRows, writeIndex, writeStoredManifest, type ChangedRow, type ManifestIndex } from "../../src/build/manifest-store.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const view = (n: number): PageView => ({ nav: { related: [], previous: { url: `/p${n}/`, title: `P${n}`, date: n } }, resolved: {}, page: "article", state: "published" });
const entry = (n: number): CacheEntry => ({ size: n, mtimeMs: n * 10, ctimeMs: n * 10, ino: n, hash: `h${n}`, issues: [], links: [{ href: `x${n}.md`, line: 3 }], rendered: `r${n}`, view: view(n) });
/** An entry as a whole read gives it: without its view. */
const unviewed = (n: number): CacheEntry => {
  const { view: _, ...rest } = entry(n);
  return rest;
};

/** Each file of the manifest's entries folder with its mtime: which shards a write touched. */
const shardTimes = (path: string) => Object.fromEntries(readdirSync(entriesFolder(path)).map((f) => [f, statSync(join(entriesFolder(path), f)).mtimeMs]));

function manifest(digest: string, count = 200): BuildManifest {
  const files: Record<string, CacheEntry> = {};
  for (let n = 0; n < count; n++) files[`2023/story-${n}.md`] = entry(n);
  return { format: 3, key: "k", scannedAtMs: 1, embargoNowMs: 2, files, outputs: ["index.html"], digest };
}

describe("shardOf", () => {
  // Fixed values: a file that moved to another shard on another machine would be looked for
  // in the wrong one. (With 64 shards, before, these were 5, 11 and 41: the same hash.)
  const cases: [string, number][] = [
    ["", 197],
    ["2023/a.md", 139],
    ["2024/05/election-night.md", 233],
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
    expect(read.files).toEqual(Object.fromEntries(Object.keys(written.files).map((file, n) => [file, unviewed(n)])));
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
    const before = shardTimes(path);
    const next: BuildManifest = { ...previous, digest: "d2", files: { ...previous.files, "2023/story-7.md": { ...entry(7), rendered: "new" } } };
    writeStoredManifest(path, next, previous);
    const after = shardTimes(path);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    const shard = String(shardOf("2023/story-7.md")).padStart(2, "0");
    expect(changed.sort()).toEqual([`${shard}.json`, `${shard}.views.json`]);
    expect(readStoredManifest(path, "k")!.files["2023/story-7.md"].rendered).toBe("new");
  });

  it("leaves the shard of an entry whose stamp alone is new (a file touched, read again and found the same)", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1"));
    const previous = readStoredManifest(path, "k")!;
    const before = shardTimes(path);
    const touched = Object.fromEntries(Object.entries(previous.files).map(([file, e]) => [file, { ...e, mtimeMs: e.mtimeMs + 5000, ctimeMs: e.ctimeMs + 5000, ino: e.ino + 1 }]));
    writeStoredManifest(path, { ...previous, digest: "d2", files: touched }, previous);
    expect(shardTimes(path)).toEqual(before);
    const read = readStoredManifest(path, "k")!;
    expect(read.files["2023/story-7.md"]).toEqual({ ...unviewed(7), mtimeMs: 5070, ctimeMs: 5070, ino: 8 });
    expect(readShards(path, readIndex(path, "k")!, [shardOf("2023/story-7.md")], true)!["2023/story-7.md"].view).toEqual(view(7));
  });

  describe("the outputs and the base, on a full build", () => {
    const times = (path: string) => ({ base: statSync(baseFile(path)).mtimeMs, outputs: statSync(outputsFile(path)).mtimeMs });
    const written = () => {
      const path = join(tempDir("gazette-manifest-"), "build-1.json");
      writeStoredManifest(path, { ...manifest("d1"), quick: facts });
      return { path, previous: readStoredManifest(path, "k")! };
    };
    const facts = { feedBodies: ["2023/story-1.md"] } as unknown as BuildManifest["quick"];

    it("stay as they were when they list the same: the new stamps go into the index, and a read gives them", () => {
      const { path, previous } = written();
      const before = times(path);
      const files = { ...previous.files, "2023/story-7.md": { ...previous.files["2023/story-7.md"], mtimeMs: 9999, hash: "new" } };
      writeStoredManifest(path, { ...previous, digest: "d2", files }, previous);
      expect(times(path)).toEqual(before);
      const index = readIndex(path, "k")!;
      expect(index.changed).toEqual([[7, "2023/story-7.md", 7, 9999, 70, 7, "new"]]);
      expect(index.outputsGeneration).toBe("d1");
      expect(index.quick).toEqual(facts);
      const read = readStoredManifest(path, "k")!;
      expect(read.files["2023/story-7.md"]).toMatchObject({ mtimeMs: 9999, hash: "new" });
      expect(read.outputs).toEqual(["index.html"]);
      // Again from what was read: the rows of both builds, over the same base.
      writeStoredManifest(path, { ...read, digest: "d3", files: { ...read.files, "2023/story-8.md": { ...read.files["2023/story-8.md"], hash: "h8b" } } }, read);
      expect(times(path)).toEqual(before);
      expect(readIndex(path, "k")!.changed.map((row) => row[1])).toEqual(["2023/story-7.md", "2023/story-8.md"]);
    });

    it("are written again when what they hold changed", () => {
      const generations = (path: string) => ({
        base: (JSON.parse(readFileSync(baseFile(path), "utf8")) as { generation: string }).generation,
        outputs: (JSON.parse(readFileSync(outputsFile(path), "utf8")) as { generation: string }).generation,
      });
      const cases: [string, (previous: BuildManifest) => BuildManifest, { base: string; outputs: string }][] = [
        ["another output", (p) => ({ ...p, outputs: ["index.html", "a/index.html"] }), { base: "d1", outputs: "d2" }],
        ["a file removed", (p) => ({ ...p, files: Object.fromEntries(Object.entries(p.files).filter(([file]) => file !== "2023/story-3.md")) }), { base: "d2", outputs: "d1" }],
        ["a file added", (p) => ({ ...p, files: { ...p.files, "2023/new.md": entry(500) } }), { base: "d2", outputs: "d1" }],
        ["the files in another order", (p) => ({ ...p, files: Object.fromEntries(Object.entries(p.files).reverse()) }), { base: "d2", outputs: "d1" }],
        ["other quick facts", (p) => ({ ...p, quick: { ...facts!, feedBodies: [] } }), { base: "d2", outputs: "d1" }],
        ["no quick facts", (p) => ({ ...p, quick: undefined }), { base: "d2", outputs: "d1" }],
      ];
      for (const [name, change, expected] of cases) {
        const { path, previous } = written();
        const next = { ...change(previous), digest: "d2" };
        writeStoredManifest(path, next, previous);
        expect([name, generations(path)]).toEqual([name, expected]);
        const index = readIndex(path, "k")!;
        expect([name, index.baseGeneration, index.outputsGeneration]).toEqual([name, expected.base, expected.outputs]);
        if (expected.base === "d2") expect([name, index.changed]).toEqual([name, []]);
        const read = readStoredManifest(path, "k")!;
        expect([name, Object.keys(read.files), read.outputs]).toEqual([name, Object.keys(next.files), next.outputs]);
      }
    });

    it("are written whole after a manifest that was not read from disk", () => {
      const path = join(tempDir("gazette-manifest-"), "build-1.json");
      const first = { ...manifest("d1"), quick: facts };
      writeStoredManifest(path, first);
      writeStoredManifest(path, { ...first, digest: "d2" }, first);
      const index = readIndex(path, "k")!;
      expect([index.baseGeneration, index.outputsGeneration]).toEqual(["d2", "d2"]);
    });
  });

  describe("sameStored", () => {
    const base = unviewed(3);
    const cases: [string, CacheEntry | undefined, CacheEntry, boolean][] = [
      ["the same object", base, base, true],
      ["a copy with a new stamp", base, { ...base, size: 9, mtimeMs: 1, ctimeMs: 2, ino: 4 }, true],
      ["no entry before", undefined, base, false],
      ["a new hash", base, { ...base, hash: "other" }, false],
      ["a new render digest", base, { ...base, rendered: "other" }, false],
      ["a view added", base, { ...base, view: view(3) }, false],
      ["equal links in a new array", base, { ...base, links: [...base.links!] }, false],
      ["a field dropped", base, (({ rendered: _, ...rest }) => rest)(base), false],
    ];
    it.each(cases)("%s", (_, before, after, same) => expect(sameStored(before, after)).toBe(same));
  });

  describe("views", () => {
    const seven = "2023/story-7.md";

    it("are kept beside the entries: a whole read leaves them out, a read of shards with views gives each its own", () => {
      const path = join(tempDir("gazette-manifest-"), "build-1.json");
      writeStoredManifest(path, manifest("d1"));
      expect(readStoredManifest(path, "k")!.files[seven]).toEqual(unviewed(7));
      const index = readIndex(path, "k")!;
      expect(readShards(path, index, [shardOf(seven)])![seven].view).toBeUndefined();
      expect(readShards(path, index, [shardOf(seven)], true)![seven].view).toEqual(view(7));
      expect(readdirSync(entriesFolder(path))).toContain(`${String(shardOf(seven)).padStart(2, "0")}.views.json`);
    });

    it("of the entries a build read without them survive its rewrite of their shard; a changed page's view replaces its own", () => {
      const path = join(tempDir("gazette-manifest-"), "build-1.json");
      writeStoredManifest(path, manifest("d1"));
      const previous = readStoredManifest(path, "k")!;
      // Another file of story-7's shard, so that the shard is rewritten while story-7 keeps its entry.
      const neighbour = Object.keys(previous.files).find((file) => file !== seven && shardOf(file) === shardOf(seven))!;
      const next: BuildManifest = { ...previous, digest: "d2", files: { ...previous.files, [neighbour]: { ...previous.files[neighbour], rendered: "new", view: view(999) } } };
      writeStoredManifest(path, next, previous);
      const read = readShards(path, readIndex(path, "k")!, [shardOf(seven)], true)!;
      expect(read[seven]).toMatchObject({ rendered: "r7", view: view(7) });
      expect(read[neighbour]).toMatchObject({ rendered: "new", view: view(999) });
    });

    it("count only with their render digest: an entry whose view is missing or of another digest loses its digest, and its page is rendered again", () => {
      const path = join(tempDir("gazette-manifest-"), "build-1.json");
      writeStoredManifest(path, manifest("d1"));
      const previous = readStoredManifest(path, "k")!;
      // The digest changed without a view: nothing on disk shows what that page was rendered with.
      const next: BuildManifest = { ...previous, digest: "d2", files: { ...previous.files, [seven]: { ...previous.files[seven], rendered: "other" } } };
      writeStoredManifest(path, next, previous);
      const read = readShards(path, readIndex(path, "k")!, [shardOf(seven)], true)!;
      expect(read[seven].rendered).toBeUndefined();
      expect(read[seven].view).toBeUndefined();
    });

    it("of another generation than the index says leave the shard unreadable with views, and readable without", () => {
      const path = join(tempDir("gazette-manifest-"), "build-1.json");
      writeStoredManifest(path, manifest("d1"));
      writeFileSync(join(entriesFolder(path), "05.views.json"), JSON.stringify({ generation: "d0", views: {} }));
      const index = readIndex(path, "k")!;
      expect(readShards(path, index, [5], true)).toBeUndefined();
      expect(readShards(path, index, [5])).toBeDefined();
    });
  });

  it("is not used when its index lists another number of shards (a manifest of a version with fewer)", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1"));
    const index = JSON.parse(readFileSync(path, "utf8"));
    writeFileSync(path, JSON.stringify({ ...index, shards: index.shards.slice(0, 64) }));
    expect(readIndex(path, "k")).toBeUndefined();
    expect(readStoredManifest(path, "k")).toBeUndefined();
  });

  it("is not used when a shard is of another generation than the index says", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1"));
    writeFileSync(join(entriesFolder(path), "05.json"), JSON.stringify({ generation: "d0", entries: {} }));
    expect(readStoredManifest(path, "k")).toBeUndefined();
    expect(readShards(path, readIndex(path, "k")!, [5])).toBeUndefined();
  });
});

describe("applyRows", () => {
  const stamps = () => ({ files: ["a.md", "b.md"], size: [1, 2], mtimeMs: [10, 20], ctimeMs: [10, 20], ino: [5, 6], hash: ["ha", "hb"] });
  const cases: [string, ChangedRow[], boolean, ReturnType<typeof stamps>][] = [
    ["none", [], true, stamps()],
    ["one, at its position", [[1, "b.md", 3, 30, 31, 6, "hb2"]], true, { ...stamps(), size: [1, 3], mtimeMs: [10, 30], ctimeMs: [10, 31], hash: ["ha", "hb2"] }],
    ["a row naming another file: none of them", [[0, "a.md", 9, 9, 9, 9, "x"], [1, "a.md", 9, 9, 9, 9, "y"]], false, stamps()],
  ];
  it.each(cases)("sets %s", (_, rows, ok, expected) => {
    const now = stamps();
    expect(applyRows(now, rows)).toBe(ok);
    expect(now).toEqual(expected);
  });
});

describe("withChangedRows", () => {
  const row = (at: number, hash: string): ChangedRow => [at, `f${at}.md`, 1, 2, 3, 4, hash];
  const cases: [string, ChangedRow[], ChangedRow[], ChangedRow[]][] = [
    ["adds to none", [], [row(3, "a")], [row(3, "a")]],
    ["replaces the row of the same position", [row(3, "a")], [row(3, "b")], [row(3, "b")]],
    ["keeps the others, in order of position", [row(9, "a"), row(2, "b")], [row(5, "c")], [row(2, "b"), row(5, "c"), row(9, "a")]],
  ];
  it.each(cases)("%s", (_, changed, rows, expected) => expect(withChangedRows(changed, rows)).toEqual(expected));
});

describe("the index over its base", () => {
  const stampOf = (index: ManifestIndex, file: string) => {
    const at = index.stamps.files.indexOf(file);
    return [index.stamps.size[at], index.stamps.mtimeMs[at], index.stamps.hash[at]];
  };
  /** The index after a quick rebuild's update of `count` files (positions 0 …), under digest `digest`. */
  const updated = (index: ManifestIndex, count: number, digest: string): ManifestIndex => {
    const rows: ChangedRow[] = Array.from({ length: count }, (_, at) => [at, index.stamps.files[at], 1000 + at, 5, 5, at, `new${at}`]);
    const stamps = { ...index.stamps, size: [...index.stamps.size], mtimeMs: [...index.stamps.mtimeMs], ctimeMs: [...index.stamps.ctimeMs], ino: [...index.stamps.ino], hash: [...index.stamps.hash] };
    expect(applyRows(stamps, rows)).toBe(true);
    return { ...index, digest, stamps, changed: withChangedRows(index.changed, rows) };
  };

  it("writes a few changed rows into the index and leaves the base as it is", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1"));
    const base = readFileSync(baseFile(path), "utf8");
    const index = readIndex(path, "k")!;
    expect(index.changed).toEqual([]);
    writeIndex(path, updated(index, 3, "d2"), false);
    expect(readFileSync(baseFile(path), "utf8")).toBe(base);
    const read = readIndex(path, "k")!;
    expect(read.digest).toBe("d2");
    expect(read.changed.map((row) => row[0])).toEqual([0, 1, 2]);
    expect(stampOf(read, "2023/story-1.md")).toEqual([1001, 5, "new1"]);
    expect(stampOf(read, "2023/story-7.md")).toEqual([7, 70, "h7"]);
    expect(readStoredManifest(path, "k")!.files["2023/story-2.md"]).toMatchObject({ size: 1002, hash: "new2", rendered: "r2" });
  });

  it(`writes the base again once more than ${COMPACT_AFTER} rows changed`, () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1", COMPACT_AFTER + 10));
    writeIndex(path, updated(readIndex(path, "k")!, COMPACT_AFTER + 1, "d2"), false);
    const index = JSON.parse(readFileSync(path, "utf8")) as { changed: unknown[]; baseGeneration: string };
    expect(index).toMatchObject({ changed: [], baseGeneration: "d2" });
    expect(stampOf(readIndex(path, "k")!, "2023/story-5.md")).toEqual([1005, 5, "new5"]);
  });

  it("is not used when the base is of another generation, or a changed row names another file", () => {
    const path = join(tempDir("gazette-manifest-"), "build-1.json");
    writeStoredManifest(path, manifest("d1"));
    const index = readIndex(path, "k")!;
    writeIndex(path, { ...index, changed: [[4, "2023/story-5.md", 1, 1, 1, 1, "x"]] }, false);
    expect(readIndex(path, "k")).toBeUndefined();
    writeIndex(path, index, false);
    expect(readIndex(path, "k")).toBeDefined();
    writeFileSync(baseFile(path), JSON.stringify({ ...JSON.parse(readFileSync(baseFile(path), "utf8")), generation: "d0" }));
    expect(readIndex(path, "k")).toBeUndefined();
    expect(readStoredManifest(path, "k")).toBeUndefined();
  });
});
