import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { generateCorpus, type CorpusFile, type CorpusOptions } from "../../src/corpus/corpus.ts";
import { renderArticle } from "../../src/corpus/article.ts";
import { AUTHORS } from "../../src/corpus/people.ts";
import { BENCH_TIME_ZONE } from "../../src/corpus/sections.ts";
import { TAG_POOL, TAG_POOL_SIZE } from "../../src/corpus/tags.ts";
import { Timeline } from "../../src/corpus/timeline.ts";
import { writeCorpus } from "../../src/corpus/write-corpus.ts";

const ZONE = "Europe/Berlin";
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** What the tests read back from one generated article. */
interface Parsed {
  path: string;
  data: Record<string, unknown>;
  body: string;
  date: DateTime;
}

function digest(options: CorpusOptions): string {
  const hash = createHash("sha256");
  for (const file of generateCorpus(options)) hash.update(file.path).update("\0").update(file.content).update("\0");
  return hash.digest("hex");
}

// Counted independently of the generator: whitespace-separated tokens with a letter or digit.
function words(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function parseArticle(file: CorpusFile): Parsed {
  // An options object bypasses gray-matter's cache, which would otherwise keep every file.
  const { data, content } = matter(file.content, {});
  const record = data as Record<string, unknown>;
  const date = DateTime.fromISO(String(record["date"]), { setZone: true });
  return { path: file.path, data: record, body: content, date };
}

// One 2,000-article corpus shared by the property tests below (generated once, lazily).
const SAMPLE_SIZE = 2000;
let sample: { site: CorpusFile; articles: Parsed[] } | undefined;
function getSample(): { site: CorpusFile; articles: Parsed[] } {
  if (!sample) {
    const [site, ...rest] = [...generateCorpus({ articles: SAMPLE_SIZE, seed: 2024 })];
    sample = { site: site as CorpusFile, articles: rest.map(parseArticle) };
  }
  return sample;
}

function sectionIds(site: CorpusFile): string[] {
  const parsed = parseYaml(site.content) as { sections: { id: string; title: string }[] };
  return parsed.sections.map((s) => s.id);
}

describe("generateCorpus determinism", () => {
  it.each([
    { articles: 300, seed: 1 },
    { articles: 300, seed: 42 },
    { articles: 120, seed: 2 ** 40 + 3 },
    { articles: 50, seed: -7, startYear: 1999, years: 3 },
  ])("same options give byte-identical output: %o", (options) => {
    expect(digest(options)).toBe(digest({ ...options }));
  });

  it.each([
    [1, 2],
    [42, 43],
    [0, 2 ** 32], // seeds that share their low 32 bits must still differ
  ])("seed %d and seed %d give different output", (a, b) => {
    expect(digest({ articles: 100, seed: a })).not.toBe(digest({ articles: 100, seed: b }));
  });

  it.each([0, 1, 57, 399])("article %d rendered on its own equals the streamed one (the link cache changes nothing)", (index) => {
    const streamed = [...generateCorpus({ articles: 400, seed: 9 })][index + 1];
    const alone = renderArticle(9, index, new Timeline(2010, 15, 400, BENCH_TIME_ZONE));
    expect(alone).toEqual(streamed);
  });
});

describe("generateCorpus counts and options", () => {
  it.each([0, 1, 7, 250])("%d articles give site.yml plus that many files", (n) => {
    const files = [...generateCorpus({ articles: n, seed: 5 })];
    expect(files).toHaveLength(n + 1);
    expect(files[0]?.path).toBe("site.yml");
    expect(files.slice(1).every((f) => f.path.endsWith(".md"))).toBe(true);
  });

  it("streams: asking for the first files of a billion-article corpus is instant", () => {
    const iterator = generateCorpus({ articles: 1_000_000_000, seed: 1 });
    const first = [iterator.next(), iterator.next(), iterator.next()];
    expect(first.map((r) => r.done)).toEqual([false, false, false]);
  });

  it.each([
    { startYear: 2020, years: 1 },
    { startYear: 2001, years: 4 },
  ])("dates stay within %o (in the site's zone)", ({ startYear, years }) => {
    for (const file of [...generateCorpus({ articles: 200, seed: 3, startYear, years })].slice(1)) {
      const { date } = parseArticle(file);
      const local = date.setZone(ZONE);
      expect(local.year).toBeGreaterThanOrEqual(startYear);
      expect(local.year).toBeLessThan(startYear + years);
    }
  });

  it.each([
    { articles: -1, seed: 1 },
    { articles: 1.5, seed: 1 },
    { articles: 10, seed: 0.5 },
    { articles: 10, seed: 1, years: 0 },
  ])("rejects invalid options %o", (options) => {
    expect(() => [...generateCorpus(options)]).toThrow(RangeError);
  });
});

describe("site.yml", () => {
  it("declares 12 sections, nested ones after their parents", () => {
    const ids = sectionIds(getSample().site);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    ids.forEach((id, i) => {
      if (id.includes("/")) expect(ids.slice(0, i)).toContain(id.split("/")[0]);
    });
    expect(ids.filter((id) => id.includes("/")).length).toBeGreaterThanOrEqual(3);
  });

  it("names the site's zone", () => {
    expect(parseYaml(getSample().site.content)).toMatchObject({ timeZone: ZONE, language: "en", url: "https://bench.example.org" });
  });
});

describe("articles (2,000-article sample)", () => {
  it("parse with gray-matter and have a title, date and declared section", () => {
    const declared = new Set(sectionIds(getSample().site));
    for (const { data } of getSample().articles) {
      expect(typeof data["title"]).toBe("string");
      expect(String(data["title"]).length).toBeGreaterThan(0);
      expect(typeof data["date"]).toBe("string");
      expect(declared.has(String(data["section"]))).toBe(true);
    }
  });

  it("use ISO dates with the right Europe/Berlin offset, in index order", () => {
    let previous = -Infinity;
    const offsets = new Set<string>();
    for (const { data, date } of getSample().articles) {
      expect(String(data["date"])).toMatch(ISO_WITH_OFFSET);
      expect(date.isValid).toBe(true);
      // The written offset must be the zone's offset at that instant (summer vs winter time).
      expect(date.offset).toBe(date.setZone(ZONE).offset);
      offsets.add(String(data["date"]).slice(-6));
      expect(date.toMillis()).toBeGreaterThanOrEqual(previous);
      previous = date.toMillis();
    }
    expect([...offsets].sort()).toEqual(["+01:00", "+02:00"]);
  });

  it("spread over the default 15 years from 2010", () => {
    const years = new Set(getSample().articles.map((a) => a.date.setZone(ZONE).year));
    expect(Math.min(...years)).toBe(2010);
    expect(Math.max(...years)).toBe(2024);
    expect(years.size).toBe(15);
  });

  it("have unique, URL-safe paths in year/month folders matching their local date", () => {
    const paths = getSample().articles.map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const { path: p, date } of getSample().articles) {
      expect(p).toMatch(/^\d{4}\/\d{2}\/[a-z0-9][a-z0-9-]*\.md$/);
      expect(p.slice(0, 7)).toBe(date.setZone(ZONE).toFormat("yyyy/LL"));
    }
  });

  it("have updates later than the date, in order, on about 30% of articles", () => {
    let updated = 0;
    let corrections = 0;
    for (const { data, date } of getSample().articles) {
      const updates = data["updates"];
      if (updates === undefined) continue;
      updated++;
      expect(Array.isArray(updates)).toBe(true);
      const list = updates as { at: unknown; text: unknown; kind: unknown }[];
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(3);
      let previous = date.toMillis();
      for (const update of list) {
        expect(String(update.at)).toMatch(ISO_WITH_OFFSET);
        const at = DateTime.fromISO(String(update.at), { setZone: true });
        expect(at.isValid).toBe(true);
        expect(at.offset).toBe(at.setZone(ZONE).offset);
        expect(at.toMillis()).toBeGreaterThan(previous);
        previous = at.toMillis();
        expect(["update", "correction"]).toContain(update.kind);
        if (update.kind === "correction") corrections++;
        expect(typeof update.text).toBe("string");
        expect(String(update.text).length).toBeGreaterThan(0);
      }
    }
    expect(updated / SAMPLE_SIZE).toBeGreaterThan(0.25);
    expect(updated / SAMPLE_SIZE).toBeLessThan(0.35);
    expect(corrections).toBeGreaterThan(0);
  });

  it("have 500–900 words of body", () => {
    for (const { body } of getSample().articles) {
      const count = words(body);
      expect(count).toBeGreaterThanOrEqual(500);
      expect(count).toBeLessThanOrEqual(900);
    }
  });

  it("have a dateline, 2–4 subheads, a link, a blockquote and the author's initials", () => {
    for (const { body, data } of getSample().articles) {
      expect(body).toMatch(/^[\p{Lu} ]+ – \S/u);
      const subheads = body.split("\n").filter((line) => line.startsWith("## "));
      expect(subheads.length).toBeGreaterThanOrEqual(2);
      expect(subheads.length).toBeLessThanOrEqual(4);
      expect(body).toMatch(/\[[^\]]+\]\((https:\/\/|\/)[^)]+\)/);
      expect(body).toMatch(/^> \S/m);
      const authors = data["authors"];
      const first = String(Array.isArray(authors) ? authors[0] : authors);
      const initials = first.split(" ").map((part) => part.charAt(0).toLowerCase()).join("");
      expect(body.trimEnd().endsWith(`(${initials})`)).toBe(true);
    }
  });

  it("have one or two authors from the pool, 2–5 tags from the pool, and a one-sentence summary", () => {
    const pool = new Set(TAG_POOL);
    const staff = new Set(AUTHORS);
    let withSummary = 0;
    for (const { data } of getSample().articles) {
      const authors = data["authors"];
      const list = Array.isArray(authors) ? (authors as unknown[]) : [authors];
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(2);
      for (const author of list) expect(staff.has(String(author))).toBe(true);
      const tags = data["tags"] as unknown[];
      expect(tags.length).toBeGreaterThanOrEqual(2);
      expect(tags.length).toBeLessThanOrEqual(5);
      expect(new Set(tags).size).toBe(tags.length);
      for (const tag of tags) expect(pool.has(String(tag))).toBe(true);
      if (data["summary"] !== undefined) {
        withSummary++;
        expect(String(data["summary"])).toMatch(/^[^.]*[^.\s]\.$/);
      }
    }
    expect(withSummary / SAMPLE_SIZE).toBeGreaterThan(0.8);
  });

  it.each([
    ["curly quotes", /[“”]/],
    ["straight quotes", /"/],
    ["non-ASCII letters", /[^\x00-\x7F]/],
  ])("include titles with %s", (_name, pattern) => {
    expect(getSample().articles.some((a) => pattern.test(String(a.data["title"])))).toBe(true);
  });

  it("use every section", () => {
    const used = new Set(getSample().articles.map((a) => String(a.data["section"])));
    expect(used).toEqual(new Set(sectionIds(getSample().site)));
  });
});

describe("pools", () => {
  it("has exactly 400 distinct tags", () => {
    expect(TAG_POOL).toHaveLength(TAG_POOL_SIZE);
    expect(TAG_POOL_SIZE).toBe(400);
    expect(new Set(TAG_POOL).size).toBe(400);
  });

  it("has about 60 distinct authors", () => {
    expect(new Set(AUTHORS).size).toBe(60);
  });
});

// Manual recursion, which needs neither readdir's `recursive` nor `Dirent.parentPath` (Node 20.12).
async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

describe("writeCorpus", () => {
  it.each([0, 150])("writes site.yml plus %d articles to a fresh folder", async (n) => {
    const root = await mkdtemp(path.join(os.tmpdir(), "gazette-bench-"));
    const out = path.join(root, "content");
    try {
      // A stale file from an earlier run must disappear.
      await writeCorpus({ articles: 3, seed: 1, out });
      await writeFile(path.join(out, "stale.md"), "old");
      const result = await writeCorpus({ articles: n, seed: 11, out });
      const files = await listFiles(out);
      expect(result.files).toBe(n + 1);
      expect(files).toHaveLength(n + 1);
      expect(files.some((f) => f.endsWith("stale.md"))).toBe(false);
      let bytes = 0;
      for (const file of files) bytes += (await stat(file)).size;
      expect(result.bytes).toBe(bytes);
      const expected = [...generateCorpus({ articles: n, seed: 11 })].map((f) => path.join(out, ...f.path.split("/"))).sort();
      expect(files.sort()).toEqual(expected);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it.each([".", process.cwd(), path.parse(process.cwd()).root])("refuses to wipe %s", async (out) => {
    await expect(writeCorpus({ articles: 1, seed: 1, out })).rejects.toThrow(/Refusing/);
  });
});
