import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildArchive, byNewest, duplicateUrls } from "../../src/archive/archive-index.ts";
import type { Article, SiteConfig } from "../../src/model.ts";
import { buildSectionTree } from "../../src/archive/sections.ts";

const sections = buildSectionTree([
  { id: "world", title: "World" },
  { id: "world/europe", title: "Europe" },
  { id: "sport", title: "Sport" },
]);
const site = { perPage: 2 } as SiteConfig;

function art(file: string, iso: string, sectionId: string, slug = file.replace(/\.md$/, "")): Article {
  const date = DateTime.fromISO(iso, { zone: "UTC" });
  return { file, title: file, slug, date, dateHasTime: true, sectionId, authors: [], tags: [], draft: false, updates: [], url: `/x/${slug}/`, body: "" };
}

describe("byNewest", () => {
  it("orders by time, then by URL for equal times", () => {
    const list = [art("b.md", "2023-01-01T10:00", "sport"), art("c.md", "2023-01-02T10:00", "sport"), art("a.md", "2023-01-01T10:00", "sport")];
    expect(list.sort(byNewest).map((a) => a.file)).toEqual(["c.md", "a.md", "b.md"]);
  });
});

describe("buildArchive", () => {
  it("lists a parent section's articles with its children's", () => {
    const archive = buildArchive(site, sections, [
      art("w.md", "2023-01-01T10:00", "world"),
      art("e.md", "2023-01-03T10:00", "world/europe"),
      art("s.md", "2023-01-02T10:00", "sport"),
    ]);
    expect(archive.articles.map((a) => a.file)).toEqual(["e.md", "s.md", "w.md"]);
    expect(archive.articlesBySection.get("world")?.map((a) => a.file)).toEqual(["e.md", "w.md"]);
    expect(archive.articlesBySection.get("world/europe")?.map((a) => a.file)).toEqual(["e.md"]);
    expect(archive.articlesBySection.get("sport")?.map((a) => a.file)).toEqual(["s.md"]);
  });
});

describe("duplicateUrls", () => {
  it("names every file on a shared URL", () => {
    const issues = duplicateUrls([art("2023/a.md", "2023-01-01", "sport", "same"), art("2024/b.md", "2023-01-01", "sport", "same"), art("c.md", "2023-01-01", "sport")]);
    expect(issues.map((i) => [i.code, i.file, i.message])).toEqual([
      ["url-duplicate", "2023/a.md", "The URL /x/same/ is also the URL of 2024/b.md."],
      ["url-duplicate", "2024/b.md", "The URL /x/same/ is also the URL of 2023/a.md."],
    ]);
  });
});
