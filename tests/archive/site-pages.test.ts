import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/archive-index.ts";
import type { Article, SiteConfig } from "../../src/model.ts";
import { buildSectionTree } from "../../src/archive/sections.ts";
import { frontPage, listingPages, sitePages } from "../../src/archive/site-pages.ts";

const sections = buildSectionTree([
  { id: "news", title: "News" },
  { id: "news/local", title: "Local" },
  { id: "sport", title: "Sport" },
  { id: "empty", title: "Empty" },
]);
const site = { perPage: 2, language: "en", frontPage: { latest: 2, perSection: 2 } } as SiteConfig;

function art(n: number, sectionId: string): Article {
  const date = DateTime.fromISO(`2023-01-${String(n).padStart(2, "0")}T10:00`, { zone: "UTC" });
  return { file: `${n}.md`, title: `A${n}`, slug: `a${n}`, date, dateHasTime: true, sectionId, authors: [], tags: [], draft: false, updates: [], url: `/2023/01/${n}/a${n}/`, body: "" };
}

const archive = buildArchive(site, sections, [art(1, "news"), art(2, "news/local"), art(3, "sport"), art(4, "news"), art(5, "news/local")]);

describe("sitePages", () => {
  it("lists every page once: front, each section's pages, corrections, date archives, topics, authors, search, articles, 404", () => {
    expect(sitePages(archive).map((p) => p.url)).toEqual([
      "/",
      "/news/",
      "/news/page/2/",
      "/news/local/",
      "/sport/",
      "/empty/",
      "/corrections/",
      "/archive/",
      // Five articles in January 2023, two a page.
      "/2023/",
      "/2023/page/2/",
      "/2023/page/3/",
      "/2023/01/",
      "/2023/01/page/2/",
      "/2023/01/page/3/",
      "/2023/01/05/",
      "/2023/01/04/",
      "/2023/01/03/",
      "/2023/01/02/",
      "/2023/01/01/",
      // No tags and no authors: the indexes exist, empty.
      "/topics/",
      "/authors/",
      "/search/",
      "/2023/01/5/a5/",
      "/2023/01/4/a4/",
      "/2023/01/3/a3/",
      "/2023/01/2/a2/",
      "/2023/01/1/a1/",
      "/404.html",
    ]);
  });

  it("gives an empty section one empty page", () => {
    const empty = sitePages(archive).find((p) => p.url === "/empty/");
    expect(empty?.kind === "section" && empty.page.items).toEqual([]);
  });
});

describe("frontPage", () => {
  it("leads with the newest and fills top-level blocks without repeating them", () => {
    const page = frontPage(archive);
    expect(page.latest.map((a) => a.title)).toEqual(["A5", "A4"]);
    expect(page.blocks.map((b) => [b.section.id, b.articles.map((a) => a.title)])).toEqual([
      ["news", ["A2", "A1"]],
      ["sport", ["A3"]],
    ]);
  });
});

describe("the corrections listing", () => {
  const at = (day: number, hour: number) => DateTime.fromISO(`2023-01-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00`, { zone: "UTC" });
  const corrected = (n: number, kinds: ("update" | "correction")[]): Article => ({
    ...art(n, "news"),
    // Newest first, as validation leaves them.
    updates: kinds.map((kind, i) => ({ at: at(n, 20 - i), kind, text: `${kind} ${n}.${i}` })),
  });
  const withCorrections = buildArchive(site, sections, [corrected(1, ["correction", "update", "correction"]), corrected(2, ["update"]), corrected(3, ["correction"])]);
  const pages = listingPages(withCorrections).filter((p) => p.kind === "corrections");

  it("lists only corrections, newest first, paginated like sections, each with its page anchor", () => {
    expect(pages.map((p) => p.url)).toEqual(["/corrections/", "/corrections/page/2/"]);
    const notes = pages.flatMap((p) => (p.kind === "corrections" ? p.page.items : []));
    expect(notes.map((n) => [n.article.url, n.anchor, n.update.text])).toEqual([
      ["/2023/01/3/a3/", "correction-1", "correction 3.0"],
      ["/2023/01/1/a1/", "correction-3", "correction 1.0"],
      ["/2023/01/1/a1/", "correction-1", "correction 1.2"],
    ]);
  });

  it("has one empty page when nothing was corrected", () => {
    const none = listingPages(archive).filter((p) => p.kind === "corrections");
    expect(none.map((p) => p.kind === "corrections" && p.page.items.length)).toEqual([0]);
  });
});
