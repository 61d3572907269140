/**
 * Listing previews: a new headline or summary, rendered into the listing pages of the last
 * build, gives the very pages the next build writes; an edit that moves the article in any
 * list gives none.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { createPreviewer, type PreviewBase } from "../../src/serve/page-preview.ts";
import { createListingPreviewer, holdersOf, listedAlike, swapSummaries, type KeptSite } from "../../src/serve/listing-preview.ts";
import type { ArticleRecord } from "../../src/archive/article-record.ts";
import type { ArticleSummary } from "../../src/model.ts";
import { article } from "../helpers/fixture-archive.ts";
import { retainedBuild } from "../helpers/retained-build.ts";

const story = (n: number, extra: string[] = []) =>
  article([`title: Story ${n}`, `date: 2023-01-${String(n).padStart(2, "0")}T10:00:00`, "section: politics", "tags: [harbour]", "authors: [Ada Byline]", ...extra]);

describe("a listing preview", () => {
  let content: string;
  let out: string;
  let cache: string;
  let kept: KeptSite;
  let base: PreviewBase;
  // The records the article preview reads, as the dev server hands them on.
  const read = (files: string[]) => createPreviewer(base).preview(files).records;

  beforeEach(async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 5; n++) files[`2023/story-${n}.md`] = story(n);
    const built = await retainedBuild(files);
    ({ content, out, cache } = built);
    kept = built.result.kept!;
    base = built.result.base!;
  });

  it.each([
    ["a new headline", story(5).replace("Story 5", "Story five, & more")],
    ["a new summary", story(5, ["summary: The harbour board met <again>."])],
  ])("after %s gives every listing page that shows it, as the next build writes them", async (_, text) => {
    writeFileSync(join(content, "2023/story-5.md"), text);
    const pages = createListingPreviewer(kept).preview(read(["2023/story-5.md"]));
    // Its section's first page (two per page, newest first), the front page, its day, month,
    // year, topic and author pages, at least.
    for (const path of ["index.html", "politics/index.html", "2023/index.html", "2023/01/index.html", "2023/01/05/index.html", "topics/harbour/index.html", "authors/ada-byline/index.html"]) {
      expect([...pages.keys()]).toContain(path);
    }
    // The second page of the section lists older stories only.
    expect([...pages.keys()]).not.toContain("politics/page/2/index.html");
    await buildSite({ content, out, cache, reportDir: false });
    for (const [path, html] of pages) expect(html, path).toBe(readFileSync(join(out, path), "utf8"));
  });

  it.each([
    ["a new date", story(5).replace("2023-01-05", "2023-01-06")],
    ["a new tag", story(5).replace("tags: [harbour]", "tags: [harbour, pier]")],
    ["a new update", story(5, ["updates:", "  - at: 2023-01-06T09:00:00", "    text: A later note."])],
    ["an error", story(5).replace("2023-01-05T10:00:00", "2023-01-45T10:00:00")],
    ["no change that lists show (the body)", story(5).replace("Something happened.", "Something else happened.")],
  ])("after %s gives none", (_, text) => {
    writeFileSync(join(content, "2023/story-5.md"), text);
    expect(createListingPreviewer(kept).preview(read(["2023/story-5.md"])).size).toBe(0);
  });

  it("gives none for a file the build did not list", () => {
    writeFileSync(join(content, "2023/story-6.md"), story(6));
    expect(createListingPreviewer(kept).preview(read(["2023/story-6.md"])).size).toBe(0);
  });
});

const record = (extra: Partial<ArticleRecord> = {}): ArticleRecord => ({
  file: "2023/a.md",
  title: "A",
  slug: "a",
  date: 1,
  dateHasTime: true,
  sectionId: "politics",
  authors: [],
  tags: ["x"],
  draft: false,
  updates: [],
  url: "/2023/01/01/a/",
  ...extra,
});

describe("listedAlike", () => {
  it.each([
    ["the same record", {}, true],
    ["a new title", { title: "B" }, true],
    ["a new summary", { summary: "New." }, true],
    ["a slug line moved by an edit above it", { slugLine: 4 }, true],
    ["a new date", { date: 2 }, false],
    ["a new section", { sectionId: "world" }, false],
    ["new tags", { tags: ["y"] }, false],
    ["an author", { authors: ["Ada"] }, false],
    ["a draft", { draft: true }, false],
    ["an update", { updates: [{ at: 2, kind: "update" as const, text: "Note." }] }, false],
    ["a new URL", { url: "/2023/01/01/b/" }, false],
  ] as [string, Partial<ArticleRecord>, boolean][])("%s → %s", (_, change, alike) => {
    expect(listedAlike(record(), record(change))).toBe(alike);
  });
});

describe("swapSummaries", () => {
  const a = { file: "a.md", url: "/a/", sectionId: "s", title: "A" } as unknown as ArticleSummary;
  const b = { file: "b.md", url: "/b/", sectionId: "s", title: "B" } as unknown as ArticleSummary;
  const a2 = { ...a, title: "A2" } as ArticleSummary;
  const swaps = new Map([[a, a2]]);

  it.each([
    ["a summary itself", a, a2],
    ["a list", [b, a], [b, a2]],
    ["a nested page", { page: { items: [a, b] }, n: 1 }, { page: { items: [a2, b] }, n: 1 }],
    ["an update note", { article: a, anchor: "update-1" }, { article: a2, anchor: "update-1" }],
    ["a page without it", { items: [b] }, { items: [b] }],
  ] as [string, unknown, unknown][])("in %s", (_, value, expected) => {
    expect(swapSummaries(value, swaps)).toEqual(expected);
  });

  it("returns the same object when nothing is swapped, and copies only the way to a swap", () => {
    const untouched = { items: [b], section: { id: "s" } };
    expect(swapSummaries(untouched, swaps)).toBe(untouched);
    const page = { items: [a], section: { id: "s" } };
    const swapped = swapSummaries(page, swaps);
    expect(swapped).not.toBe(page);
    expect(swapped.section).toBe(page.section);
    expect(page.items[0]).toBe(a);
  });

  it("swaps an object met twice the same way, and survives a cycle", () => {
    const list = [a];
    const cyclic: Record<string, unknown> = { first: list, second: list };
    cyclic.self = cyclic;
    const swapped = swapSummaries(cyclic, swaps) as Record<string, unknown[]>;
    expect(swapped.first).toEqual([a2]);
    expect(swapped.second).toBe(swapped.first);
  });
});

describe("holdersOf", () => {
  const a = { file: "a.md", url: "/a/", sectionId: "s", title: "A" } as unknown as ArticleSummary;
  const b = { file: "b.md", url: "/b/", sectionId: "s", title: "B" } as unknown as ArticleSummary;
  const shared = [a, b];
  const cyclic: Record<string, unknown> = { items: [b] };
  cyclic.self = cyclic;

  it.each([
    ["a list on one page", [{ items: [a] }, { items: [b] }], [[0], [1]]],
    ["a list that pages share", [{ all: shared, items: [a] }, { all: shared, items: [b] }], [[0, 1], [0, 1]]],
    ["a nested note", [{ notes: [{ article: a, anchor: "update-1" }] }], [[0], []]],
    ["a cycle", [cyclic], [[], [0]]],
    ["a class instance, not looked into", [{ when: new (class Holder { held = a })() }], [[], []]],
    ["no page", [], [[], []]],
  ] as [string, unknown[], [number[], number[]]][])("%s", (_, pages, [ofA, ofB]) => {
    const pagesOf = holdersOf(pages);
    expect(pagesOf(a)).toEqual(ofA);
    expect(pagesOf(b)).toEqual(ofB);
  });
});
