/**
 * The record store (src/build/record-store.ts): one row per manifest position, read on its own
 * by its offset, stamped with the output digest of the build it describes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/archive/article-record.ts";
import { createHash } from "node:crypto";
import { openRecordStore, recordStoreFile, restampRecordStore, saveRecordStore, type RecordRow, type RecordStore } from "../../src/build/record-store.ts";

let root: string;
let path: string;
const open: RecordStore[] = [];
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "gazette-record-store-"));
  path = join(root, "build-1a2b.records");
});
afterEach(() => {
  for (const store of open.splice(0)) {
    try {
      store.close();
    } catch {
      // Closed by the test already.
    }
  }
  rmSync(root, { recursive: true, force: true });
});

/** Saves `rows` at `path`, each under its record's file (a file without a record under a name of its own). */
function save(digest: string, rows: readonly (RecordRow | undefined)[], previousDigest?: string): void {
  saveRecordStore(path, digest, rows.map((row, i) => row?.record.file ?? `2023/no-record-${i}.md`), rows, previousDigest);
}

/** The length of the lists (of files and of URLs) the store at `path` holds after its rows. */
function filesListLength(): number {
  const bytes = readFileSync(path);
  return bytes.length - bytes.readUInt32LE(4 + 64 + 4);
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Opens the store and closes it when the test ends. */
function opened(digest: string, count: number): RecordStore | undefined {
  const store = openRecordStore(path, digest, count);
  if (store) open.push(store);
  return store;
}

const DIGEST = "3f786850e387550fdab836ed7e6dc881de23001b";
const NEXT = "89e6c98d92887913cadf06b2adb97f26cde4849b";

function record(name: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    file: `2023/02/18/${name}.md`,
    title: `Floods hit the ${name} valley`,
    slug: name,
    date: 1_676_709_000_000,
    dateHasTime: true,
    sectionId: "world/europe",
    summary: `Rivers burst their banks across the ${name} valley overnight.`,
    authors: ["Ana Díaz", "Tom Okafor"],
    tags: ["floods", "weather"],
    draft: false,
    updates: [{ at: 1_676_720_000_000, kind: "correction", text: "An earlier version misnamed the river." }],
    url: `/2023/02/18/${name}/`,
    image: { src: "/media/floods-1200.jpg", alt: "A flooded street", credit: "Reuters" },
    ...overrides,
  };
}

function row(name: string, overrides: Partial<RecordRow> = {}): RecordRow {
  return {
    record: record(name),
    signature: sha1(name),
    listed: true,
    shownOn: ["/", "/world/", "/world/europe/"],
    // A file the stores below hold.
    shownBy: ["2023/02/18/alpha.md"],
    syndicated: false,
    ...overrides,
  };
}

const rows: (RecordRow | undefined)[] = [row("alpha"), undefined, row("beta", { listed: false, shownOn: [], shownBy: [] }), row("gamma", { syndicated: true }), undefined];

describe("recordStoreFile", () => {
  it.each([
    ["x/build-1a2b.json", "x/build-1a2b.records"],
    [".gazette/cache/build-1a2b.json", ".gazette/cache/build-1a2b.records"],
    ["build.json", "build.records"],
    ["x/build-1a2b", "x/build-1a2b.records"],
    ["x/a.json.json", "x/a.json.records"],
    ["x.json/build", "x.json/build.records"],
  ])("%s → %s", (manifest, store) => expect(recordStoreFile(manifest)).toBe(store));
});

describe("saveRecordStore and openRecordStore", () => {
  it("reads every row back as saved, and undefined where there was none", () => {
    save(DIGEST, rows);
    const store = opened(DIGEST, rows.length)!;
    expect(store).toBeDefined();
    expect(store.count).toBe(rows.length);
    rows.forEach((expected, i) => expect(store.row(i)).toEqual(expected));
    // In any order, more than once.
    expect(store.row(3)).toEqual(rows[3]);
    expect(store.row(0)).toEqual(rows[0]);
    expect(store.row(1)).toBeUndefined();
    expect(store.row(4)).toBeUndefined();
  });

  it("saves a store of no rows", () => {
    save(DIGEST, []);
    expect(opened(DIGEST, 0)?.count).toBe(0);
    expect(opened(DIGEST, 1)).toBeUndefined();
  });

  it("writes over an older store", () => {
    save("old", [row("old")]);
    save(DIGEST, rows);
    expect(opened("old", 1)).toBeUndefined();
    expect(opened(DIGEST, rows.length)?.row(0)).toEqual(rows[0]);
  });

  it("keeps unicode text, whose bytes outnumber its characters", () => {
    const texts = ["Zürich — 東京", "Ελλάδα: σεισμός", "😀 emoji 👍🏽", "plain ascii"];
    const unicode = texts.map((title, i) => row(`u${i}`, { record: record(`u${i}`, { title, summary: `${title} ${title}` }), shownOn: [`/tags/${title}/`], shownBy: [] }));
    expect(Buffer.byteLength(texts[0], "utf8")).toBeGreaterThan(texts[0].length);
    save(DIGEST, unicode);
    const store = opened(DIGEST, unicode.length)!;
    unicode.forEach((expected, i) => {
      expect(store.row(i)?.record.title).toBe(texts[i]);
      expect(store.row(i)).toEqual(expected);
    });
    const changed = row("u1", { record: record("u1", { title: "東京 — Zürich, again" }), shownOn: [`/tags/${texts[1]}/`], shownBy: [] });
    store.update(new Map([[1, changed]]), NEXT);
    expect(store.row(1)).toEqual(changed);
    expect(store.row(2)).toEqual(unicode[2]);
  });

  const wrong: [name: string, make: () => void, digest: string, count: number][] = [
    ["a missing file", () => {}, DIGEST, rows.length],
    ["another digest", () => save(DIGEST, rows), NEXT, rows.length],
    ["a digest that is only the start of the stamp", () => save(DIGEST, rows), DIGEST.slice(0, 20), rows.length],
    ["the empty digest", () => save(DIGEST, rows), "", rows.length],
    ["fewer rows", () => save(DIGEST, rows), DIGEST, rows.length - 1],
    ["more rows", () => save(DIGEST, rows), DIGEST, rows.length + 1],
    ["an empty file", () => writeFileSync(path, ""), DIGEST, 0],
    ["a text file", () => writeFileSync(path, "This is not a record store, only some words in a file that is long enough to be one.\n".repeat(3)), DIGEST, 0],
    ["random bytes", () => writeFileSync(path, randomBytes(4096)), DIGEST, 3],
    ["a store's header alone, cut short", () => (save(DIGEST, rows), truncateSync(path, 40)), DIGEST, rows.length],
    ["a store whose table is cut short", () => (save(DIGEST, rows), truncateSync(path, 4 + 64 + 4 + 8 * 2)), DIGEST, rows.length],
    ["a folder", () => {}, DIGEST, 0],
  ];
  it.each(wrong)("gives undefined for %s", (name, make, digest, count) => {
    make();
    const target = name === "a folder" ? root : path;
    expect(openRecordStore(target, digest, count)).toBeUndefined();
  });

  it("opens a store cut short, and reads no row of it (the build goes the full way)", () => {
    save(DIGEST, rows);
    // The lists of files and URLs come after the rows: cut into the last row, and lose them.
    truncateSync(path, statSync(path).size - filesListLength() - 10);
    const store = opened(DIGEST, rows.length)!;
    rows.forEach((_, i) => expect(store.row(i)).toBeUndefined());
  });

  it("reads a garbled row, or a position outside the store, as none", () => {
    save(DIGEST, rows);
    const bytes = readFileSync(path);
    // The last byte of the last row, before the list of files, is its closing brace.
    bytes[bytes.length - filesListLength() - 1] = 0x2c;
    writeFileSync(path, bytes);
    const store = opened(DIGEST, rows.length)!;
    expect(store.row(3)).toBeUndefined();
    expect(store.row(0)).toEqual(rows[0]);
    for (const position of [-1, rows.length, 1.5]) expect(store.row(position)).toBeUndefined();
  });

  it("does not open with the empty digest, which marks a store being changed", () => {
    save(DIGEST, rows);
    const store = opened(DIGEST, rows.length)!;
    expect(() => store.update(new Map([[0, rows[0]!]]), "x".repeat(65))).toThrow();
    expect(opened("", rows.length)).toBeUndefined();
    expect(opened(DIGEST, rows.length)).toBeUndefined();
  });

  it.each([
    ["40 characters (a sha1)", DIGEST],
    ["64 characters, the most there is room for", "d".repeat(64)],
    ["one character", "x"],
  ])("keeps a digest of %s", (_, digest) => {
    save(digest, rows);
    expect(opened(digest, rows.length)?.row(2)).toEqual(rows[2]);
    expect(opened(digest.slice(0, -1), rows.length)).toBeUndefined();
  });

  it("throws for a digest of more than 64 characters and writes nothing", () => {
    expect(() => save("d".repeat(65), rows)).toThrow(/at most 64/);
    expect(existsSync(path)).toBe(false);
  });

  it("throws for a digest of more than 64 characters and leaves an older store as it was", () => {
    save(DIGEST, rows);
    const before = readFileSync(path);
    expect(() => save("d".repeat(65), [row("other")])).toThrow();
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(opened(DIGEST, rows.length)?.row(0)).toEqual(rows[0]);
  });
});

describe("RecordStore.update", () => {
  it("reads the changed rows back new and the others as before, open and after opening again with the new digest", () => {
    save(DIGEST, rows);
    const store = openRecordStore(path, DIGEST, rows.length)!;
    const newAlpha = row("alpha", { record: record("alpha", { title: "Floods recede in the alpha valley" }), signature: sha1("alpha-2") });
    const filled = row("delta");
    store.update(
      new Map([
        [0, newAlpha],
        [1, filled],
      ]),
      NEXT,
    );
    const expected = [newAlpha, filled, rows[2], rows[3], undefined];
    expected.forEach((want, i) => expect(store.row(i)).toEqual(want));
    store.close();

    expect(opened(DIGEST, rows.length)).toBeUndefined();
    const again = opened(NEXT, rows.length)!;
    expect(again).toBeDefined();
    expected.forEach((want, i) => expect(again.row(i)).toEqual(want));
  });

  it("only restamps for no rows, leaving the file's length as it was", () => {
    save(DIGEST, rows);
    const size = statSync(path).size;
    const store = opened(DIGEST, rows.length)!;
    store.update(new Map(), NEXT);
    expect(statSync(path).size).toBe(size);
    rows.forEach((want, i) => expect(store.row(i)).toEqual(want));
    expect(opened(DIGEST, rows.length)).toBeUndefined();
    const again = opened(NEXT, rows.length)!;
    rows.forEach((want, i) => expect(again.row(i)).toEqual(want));
  });

  it("keeps the second of two updates of one position", () => {
    save(DIGEST, rows);
    const store = opened(DIGEST, rows.length)!;
    const first = row("beta", { signature: sha1("first") });
    const second = row("beta", { signature: sha1("second"), record: record("beta", { summary: "A shorter one." }) });
    store.update(new Map([[2, first]]), "middle");
    expect(store.row(2)).toEqual(first);
    store.update(new Map([[2, second]]), NEXT);
    expect(store.row(2)).toEqual(second);
    expect(opened("middle", rows.length)).toBeUndefined();
    const again = opened(NEXT, rows.length)!;
    expect(again.row(2)).toEqual(second);
    expect(again.row(0)).toEqual(rows[0]);
  });

  it("leaves the store not trusted under any digest it was given when the new digest is too long", () => {
    save(DIGEST, rows);
    const store = opened(DIGEST, rows.length)!;
    expect(() => store.update(new Map([[0, row("alpha", { signature: sha1("changed") })]]), "d".repeat(65))).toThrow();
    expect(opened(DIGEST, rows.length)).toBeUndefined();
  });
});

describe("restampRecordStore", () => {
  it("stamps a store of the right digest and count with the new digest", () => {
    save(DIGEST, rows);
    restampRecordStore(path, DIGEST, NEXT, rows.length);
    expect(opened(DIGEST, rows.length)).toBeUndefined();
    const store = opened(NEXT, rows.length)!;
    rows.forEach((want, i) => expect(store.row(i)).toEqual(want));
  });

  it.each([
    ["another digest", "0".repeat(40), rows.length],
    ["another count", DIGEST, rows.length + 1],
  ])("leaves the store as it was for %s, without throwing", (_, from, count) => {
    save(DIGEST, rows);
    const before = readFileSync(path);
    expect(() => restampRecordStore(path, from, NEXT, count)).not.toThrow();
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(opened(NEXT, rows.length)).toBeUndefined();
    expect(opened(DIGEST, rows.length)?.row(3)).toEqual(rows[3]);
  });

  it("does not throw for a missing file, and makes none", () => {
    expect(() => restampRecordStore(path, DIGEST, NEXT, 3)).not.toThrow();
    expect(existsSync(path)).toBe(false);
  });

  it("does not throw for a new digest that is too long", () => {
    save(DIGEST, rows);
    expect(() => restampRecordStore(path, DIGEST, "d".repeat(65), rows.length)).not.toThrow();
    // Nothing was written: the store is still the one it was.
    expect(opened(DIGEST, rows.length)?.row(0)).toEqual(rows[0]);
  });
});

describe("a full build's store after another", () => {
  const signed = (name: string, overrides: Partial<RecordRow> = {}): RecordRow => {
    const made = row(name, overrides);
    return { ...made, signature: sha1(JSON.stringify(made.record)) };
  };

  it("copies the records whose signature is unchanged, and writes the others and every row's places anew", () => {
    const first = [signed("alpha"), signed("beta"), undefined, signed("gamma")];
    save(DIGEST, first);
    // Same records, new places; beta's record changed; a new file comes first, shifting positions.
    const beta = signed("beta", { record: record("beta", { title: "Floods recede in the beta valley" }) });
    const second = [signed("delta"), { ...first[0]!, shownOn: ["/"] }, { ...beta, signature: sha1(JSON.stringify(beta.record)) }, undefined, { ...first[3]!, syndicated: true }];
    saveRecordStore(path, NEXT, second.map((r, i) => r?.record.file ?? `2023/none-${i}.md`), second, DIGEST);
    const store = openRecordStore(path, NEXT, second.length)!;
    second.forEach((expected, i) => expect(store.row(i)).toEqual(expected));
    store.close();
  });

  it("copies bytes only when the old record carries the same signature: a record stored under another is written again", () => {
    const alpha = signed("alpha");
    // The previous store says this signature's record had another title (as if it was edited by hand).
    save(DIGEST, [{ ...alpha, record: { ...alpha.record, title: "Something else" }, signature: sha1("other") }]);
    save(NEXT, [alpha], DIGEST);
    expect(opened(NEXT, 1)?.row(0)).toEqual(alpha);
  });

  it("copies from the previous store only when it is stamped with the previous digest", () => {
    const alpha = signed("alpha");
    const stale = { ...alpha, record: { ...alpha.record, title: "Stale" } };
    save(DIGEST, [stale]);
    save(NEXT, [alpha], "3333333333333333333333333333333333333333");
    expect(opened(NEXT, 1)?.row(0)?.record.title).toBe(alpha.record.title);
  });

  it("after a quick rebuild's update, copies the updated record", () => {
    const alpha = signed("alpha");
    save(DIGEST, [alpha, signed("beta")]);
    const edited = signed("alpha", { record: record("alpha", { title: "A new headline" }) });
    const store = openRecordStore(path, DIGEST, 2)!;
    store.update(new Map([[0, edited]]), NEXT);
    store.close();
    save(DIGEST, [edited, signed("beta")], NEXT);
    const reopened = opened(DIGEST, 2)!;
    expect(reopened.row(0)).toEqual(edited);
    expect(reopened.row(1)).toEqual(signed("beta"));
  });

  it("refuses rows that do not match the files", () => {
    expect(() => saveRecordStore(path, DIGEST, ["a.md"], [])).toThrow(/a row for each of 1 files/);
  });
});

describe("rows the store cannot hold as integers", () => {
  it.each([
    ["a signature that is not a sha1 in hex", row("alpha", { signature: "sig-alpha" })],
    ["a link from a file the store does not list", row("alpha", { shownBy: ["2023/elsewhere.md"] })],
  ])("reads a row with %s as none, and the others whole", (_, odd) => {
    save(DIGEST, [odd, row("beta")]);
    const store = opened(DIGEST, 2)!;
    expect(store.row(0)).toBeUndefined();
    expect(store.row(1)).toEqual(row("beta"));
  });

  it("keeps the places of many rows apart: every page and file index reads back", () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      row(`n${i}`, { shownOn: Array.from({ length: i % 7 }, (_, j) => `/page/${(i + j) % 50}/`), shownBy: i % 3 ? [`2023/02/18/n${(i * 7) % 300}.md`] : [], listed: i % 2 === 0, syndicated: i % 5 === 0 }),
    );
    save(DIGEST, many);
    const store = opened(DIGEST, many.length)!;
    many.forEach((want, i) => expect(store.row(i)).toEqual(want));
  });
});

