/**
 * The listing store (src/build/listing-store.ts): every listing page's data in 256 shards by
 * URL beside the manifest, rewritten shard by shard, stamped with the build's output digest.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pageShardOf, readListingStore, restampListingStore, saveListingStore, type ListingStoreInput } from "../../src/build/listing-store.ts";

let root: string;
let manifestFile: string;
let folder: string;
let stamp: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "gazette-listing-store-"));
  manifestFile = join(root, "build-abc.json");
  folder = join(root, "build-abc.pages");
  stamp = join(root, "build-abc.pages.json");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const FIRST = "3f786850e387550fdab836ed7e6dc881de23001b";
const SECOND = "89e6c98d92887913cadf06b2adb97f26cde4849b";

/** `count` listing URLs, each in a shard of its own. */
function urlsInOwnShards(count: number): string[] {
  const urls: string[] = [];
  const shards = new Set<number>();
  for (let i = 0; urls.length < count; i++) {
    const url = i === 0 ? "/" : `/section-${i}/page/${(i % 3) + 1}/`;
    if (shards.has(pageShardOf(url))) continue;
    shards.add(pageShardOf(url));
    urls.push(url);
  }
  return urls;
}

const pageText = (url: string, version = 1) => JSON.stringify({ kind: "section", url, version, latest: [{ "\u0000article": `2023${url}a.md` }] });

function save(overrides: Partial<ListingStoreInput> & Pick<ListingStoreInput, "urls">): void {
  saveListingStore({ manifestFile, digest: FIRST, previousDigest: undefined, text: (url) => pageText(url), changed: () => true, gone: [], ...overrides });
}

const shardFile = (url: string) => join(folder, `${pageShardOf(url)}.json`);

describe("pageShardOf", () => {
  it.each(["/", "/politics/", "/politics/page/2/", "/tags/zürich/", "/authors/ana-díaz/", "/2023/02/", ""])("gives %j a whole shard of 0 … 255, the same each time", (url) => {
    const shard = pageShardOf(url);
    expect(Number.isInteger(shard)).toBe(true);
    expect(shard).toBeGreaterThanOrEqual(0);
    expect(shard).toBeLessThanOrEqual(255);
    expect(pageShardOf(url)).toBe(shard);
    expect(pageShardOf(String([...url].join("")))).toBe(shard);
  });

  it("spreads pages over the shards", () => {
    const shards = new Set(Array.from({ length: 1000 }, (_, i) => pageShardOf(`/section-${i % 40}/page/${i}/`)));
    expect(shards.size).toBeGreaterThan(200);
    for (const shard of shards) expect(Number.isInteger(shard) && shard >= 0 && shard < 256).toBe(true);
  });

  it("tells apart URLs that differ in one character", () => {
    const shards = new Set(["/politics/page/1/", "/politics/page/2/", "/politics/page/3/", "/politics/page/4/"].map(pageShardOf));
    expect(shards.size).toBeGreaterThan(1);
  });
});

describe("saveListingStore and readListingStore", () => {
  const urls = urlsInOwnShards(6);

  it("writes every page when there is no previous build, and reads them all back", () => {
    save({ urls });
    const texts = readListingStore(manifestFile, FIRST, urls);
    expect(texts).toBeDefined();
    expect([...texts!.keys()].sort()).toEqual([...urls].sort());
    for (const url of urls) expect(texts!.get(url)).toBe(pageText(url));
    expect(readdirSync(folder).sort()).toEqual(urls.map((url) => `${pageShardOf(url)}.json`).sort());
    expect(JSON.parse(readFileSync(stamp, "utf8"))).toEqual({ format: 1, digest: FIRST });
  });

  it("reads a few pages, some in one shard", () => {
    const many = Array.from({ length: 600 }, (_, i) => `/tags/tag-${i}/`);
    save({ urls: many });
    const byShard = new Map<number, string[]>();
    for (const url of many) byShard.set(pageShardOf(url), [...(byShard.get(pageShardOf(url)) ?? []), url]);
    const crowded = [...byShard.values()].find((list) => list.length >= 3)!;
    const wanted = [...crowded.slice(0, 3), many[0], many[599]];
    const texts = readListingStore(manifestFile, FIRST, wanted)!;
    expect(texts.size).toBe(new Set(wanted).size);
    for (const url of wanted) expect(texts.get(url)).toBe(pageText(url));
  });

  it("gives an empty map for no URLs", () => {
    save({ urls });
    expect(readListingStore(manifestFile, FIRST, [])).toEqual(new Map());
  });

  const misses: [name: string, digest: string, wanted: string[]][] = [
    ["another digest", SECOND, urls.slice(0, 2)],
    ["the empty digest", "", urls.slice(0, 1)],
    ["a URL not stored", FIRST, ["/not-stored/"]],
    ["a URL not stored beside stored ones", FIRST, [urls[0], "/not-stored/", urls[1]]],
  ];
  it.each(misses)("gives undefined for %s", (_, digest, wanted) => {
    save({ urls });
    expect(readListingStore(manifestFile, digest, wanted)).toBeUndefined();
  });

  it("gives undefined when there is no store, or its stamp or a shard is not readable", () => {
    expect(readListingStore(manifestFile, FIRST, [urls[0]])).toBeUndefined();
    save({ urls });
    writeFileSync(shardFile(urls[1]), "{ not json");
    expect(readListingStore(manifestFile, FIRST, [urls[0]])?.get(urls[0])).toBe(pageText(urls[0]));
    expect(readListingStore(manifestFile, FIRST, [urls[1]])).toBeUndefined();
    rmSync(shardFile(urls[2]));
    expect(readListingStore(manifestFile, FIRST, [urls[2]])).toBeUndefined();
    writeFileSync(stamp, JSON.stringify({ format: 2, digest: FIRST }));
    expect(readListingStore(manifestFile, FIRST, [urls[0]])).toBeUndefined();
    writeFileSync(stamp, "garbage");
    expect(readListingStore(manifestFile, FIRST, [urls[0]])).toBeUndefined();
  });

  it("rewrites only the shards of changed and gone pages when the store is the previous build's", () => {
    const [home, changedUrl, kept, gone, alsoKept] = urlsInOwnShards(5);
    save({ urls: [home, changedUrl, kept, gone, alsoKept] });
    const untouched = [home, kept, alsoKept].map((url) => {
      const file = shardFile(url);
      return { url, file, text: readFileSync(file, "utf8"), ino: statSync(file).ino, mtimeMs: statSync(file).mtimeMs };
    });
    const changedIno = statSync(shardFile(changedUrl)).ino;

    const textAsked: string[] = [];
    saveListingStore({
      manifestFile,
      digest: SECOND,
      previousDigest: FIRST,
      urls: [home, changedUrl, kept, alsoKept],
      text: (url) => (textAsked.push(url), pageText(url, url === changedUrl ? 2 : 1)),
      changed: (url) => url === changedUrl,
      gone: [gone],
    });

    // Only the changed page's data is asked for: every other shard is left as it was.
    expect(textAsked).toEqual([changedUrl]);
    for (const { url, file, text, ino, mtimeMs } of untouched) {
      expect(readFileSync(file, "utf8"), url).toBe(text);
      expect(statSync(file).ino, url).toBe(ino);
      expect(statSync(file).mtimeMs, url).toBe(mtimeMs);
    }
    expect(statSync(shardFile(changedUrl)).ino).not.toBe(changedIno);
    // The gone page's shard held no other page: it is written empty.
    expect(JSON.parse(readFileSync(shardFile(gone), "utf8"))).toEqual({});

    expect(readListingStore(manifestFile, FIRST, [home])).toBeUndefined();
    const texts = readListingStore(manifestFile, SECOND, [home, changedUrl, kept, alsoKept])!;
    expect(texts.get(changedUrl)).toBe(pageText(changedUrl, 2));
    for (const url of [home, kept, alsoKept]) expect(texts.get(url)).toBe(pageText(url));
    expect(readListingStore(manifestFile, SECOND, [gone])).toBeUndefined();
  });

  it("keeps the other pages of a rewritten shard, and drops a gone page that shared a shard with a kept one", () => {
    // Pages sharing one shard: one changed, one kept, one gone.
    const many = Array.from({ length: 2000 }, (_, i) => `/tags/tag-${i}/`);
    const shared = many.filter((url) => pageShardOf(url) === pageShardOf(many[0])).slice(0, 3);
    expect(shared).toHaveLength(3);
    const [changedUrl, kept, gone] = shared;
    save({ urls: shared });
    saveListingStore({
      manifestFile,
      digest: SECOND,
      previousDigest: FIRST,
      urls: [changedUrl, kept],
      text: (url) => pageText(url, url === changedUrl ? 2 : 1),
      changed: (url) => url === changedUrl,
      gone: [gone],
    });
    const texts = readListingStore(manifestFile, SECOND, [changedUrl, kept])!;
    expect(texts.get(changedUrl)).toBe(pageText(changedUrl, 2));
    expect(texts.get(kept)).toBe(pageText(kept));
    expect(readListingStore(manifestFile, SECOND, [gone])).toBeUndefined();
    expect(Object.keys(JSON.parse(readFileSync(shardFile(gone), "utf8"))).sort()).toEqual([changedUrl, kept].sort());
  });

  it("keeps an unchanged page of a rewritten shard as stored, without asking for its data again", () => {
    const many = Array.from({ length: 2000 }, (_, i) => `/topics/topic-${i}/`);
    const [changedUrl, kept] = many.filter((url) => pageShardOf(url) === pageShardOf(many[0])).slice(0, 2);
    const added = many.find((url) => pageShardOf(url) === pageShardOf(changedUrl) && url !== changedUrl && url !== kept)!;
    save({ urls: [changedUrl, kept] });
    const asked: string[] = [];
    saveListingStore({
      manifestFile,
      digest: SECOND,
      previousDigest: FIRST,
      urls: [changedUrl, kept, added],
      // Asked for an unchanged page, this would give other text: the stored text must stay.
      text: (url) => (asked.push(url), pageText(url, 3)),
      changed: (url) => url === changedUrl,
      gone: [],
    });
    expect(asked.sort()).toEqual([added, changedUrl].sort());
    const texts = readListingStore(manifestFile, SECOND, [changedUrl, kept, added])!;
    expect(texts.get(kept)).toBe(pageText(kept));
    expect(texts.get(changedUrl)).toBe(pageText(changedUrl, 3));
    // A page the previous store did not have is packed, even when not marked changed.
    expect(texts.get(added)).toBe(pageText(added, 3));
  });

  it("drops a gone page whose shard holds a kept page that did not change", () => {
    const many = Array.from({ length: 2000 }, (_, i) => `/authors/author-${i}/`);
    const [kept, gone] = many.filter((url) => pageShardOf(url) === pageShardOf(many[0])).slice(0, 2);
    save({ urls: [kept, gone] });
    saveListingStore({ manifestFile, digest: SECOND, previousDigest: FIRST, urls: [kept], text: (url) => pageText(url), changed: () => false, gone: [gone] });
    expect(readListingStore(manifestFile, SECOND, [kept])?.get(kept)).toBe(pageText(kept));
    expect(readListingStore(manifestFile, SECOND, [gone])).toBeUndefined();
  });

  it.each([
    ["stamped with another digest than the previous build's", (): void => restampListingStore(manifestFile, FIRST, "someone-else")],
    ["unstamped", (): void => rmSync(stamp)],
  ])("rewrites the whole store when it is %s", (_, spoil) => {
    const [home, kept, stale] = urlsInOwnShards(3);
    save({ urls: [home, kept, stale] });
    spoil();
    const textAsked: string[] = [];
    saveListingStore({
      manifestFile,
      digest: SECOND,
      previousDigest: FIRST,
      urls: [home, kept],
      text: (url) => (textAsked.push(url), pageText(url, 3)),
      // Nothing said to change and nothing gone: the store is still written anew.
      changed: () => false,
      gone: [],
    });
    expect(textAsked.sort()).toEqual([home, kept].sort());
    const texts = readListingStore(manifestFile, SECOND, [home, kept])!;
    expect(texts.get(home)).toBe(pageText(home, 3));
    expect(texts.get(kept)).toBe(pageText(kept, 3));
    expect(readListingStore(manifestFile, SECOND, [stale])).toBeUndefined();
    expect(existsSync(shardFile(stale))).toBe(false);
    expect(readdirSync(folder).sort()).toEqual([home, kept].map((url) => `${pageShardOf(url)}.json`).sort());
  });

  it("leaves no store trusted, and does not throw, when a shard cannot be written", () => {
    const [home, other] = urlsInOwnShards(2);
    save({ urls: [home, other] });
    // The changed page's shard is a folder with a file in it: the rename over it fails.
    rmSync(shardFile(other));
    mkdirSync(shardFile(other));
    writeFileSync(join(shardFile(other), "inside"), "");
    expect(() =>
      saveListingStore({ manifestFile, digest: SECOND, previousDigest: FIRST, urls: [home, other], text: (url) => pageText(url, 2), changed: (url) => url === other, gone: [] }),
    ).not.toThrow();
    expect(existsSync(stamp)).toBe(false);
    expect(readListingStore(manifestFile, SECOND, [home])).toBeUndefined();
    expect(readListingStore(manifestFile, FIRST, [home])).toBeUndefined();
  });
});

describe("restampListingStore", () => {
  const urls = urlsInOwnShards(3);

  it("stamps a store of the right digest with the new one", () => {
    saveListingStore({ manifestFile, digest: FIRST, previousDigest: undefined, urls, text: (url) => pageText(url), changed: () => true, gone: [] });
    restampListingStore(manifestFile, FIRST, SECOND);
    expect(readListingStore(manifestFile, FIRST, urls)).toBeUndefined();
    const texts = readListingStore(manifestFile, SECOND, urls)!;
    for (const url of urls) expect(texts.get(url)).toBe(pageText(url));
  });

  it("leaves a store of another digest as it was", () => {
    saveListingStore({ manifestFile, digest: FIRST, previousDigest: undefined, urls, text: (url) => pageText(url), changed: () => true, gone: [] });
    const before = readFileSync(stamp, "utf8");
    restampListingStore(manifestFile, "0".repeat(40), SECOND);
    expect(readFileSync(stamp, "utf8")).toBe(before);
    expect(readListingStore(manifestFile, SECOND, urls)).toBeUndefined();
    expect(readListingStore(manifestFile, FIRST, urls)?.size).toBe(urls.length);
  });

  it("does not throw and makes no store when there is none", () => {
    expect(() => restampListingStore(manifestFile, FIRST, SECOND)).not.toThrow();
    expect(existsSync(stamp)).toBe(false);
    expect(readListingStore(manifestFile, SECOND, [])).toBeUndefined();
  });
});
