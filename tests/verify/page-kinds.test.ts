import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuiltSite } from "../../verify/built-site.ts";
import { PAGE_KINDS, representativePages, unregisteredKinds } from "../../verify/page-kinds.ts";
import { buildFixture, FIXTURE_URLS, tempDir } from "./fixture.ts";

let work: string;
let site: BuiltSite;

beforeAll(async () => {
  work = await tempDir();
  site = await buildFixture(work);
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe("the page-kind registry", () => {
  it.each([
    ["front", FIXTURE_URLS.front],
    // World has a sub-section (Europe), so it is the richer section page.
    ["section", FIXTURE_URLS.section],
    ["section-page-2", FIXTURE_URLS.page2],
    // The story with updates and a correction.
    ["article", FIXTURE_URLS.story],
    ["not-found", FIXTURE_URLS.notFound],
    ["tombstone", FIXTURE_URLS.tombstone],
    ["redirect", FIXTURE_URLS.redirect],
  ])("finds a %s page at %s", (kind, url) => {
    expect(representativePages(site).pages.find((p) => p.kind === kind)?.url).toBe(url);
  });

  it("has an entry for every kind of page the site has", () => {
    expect(unregisteredKinds(site)).toEqual([]);
    // The fixture has no images: the only kind it lacks is the optional article with a lead image.
    expect(representativePages(site).missing.map((k) => [k.name, k.always])).toEqual([["article-with-lead-image", false]]);
    expect(new Set(PAGE_KINDS.map((k) => k.name)).size).toBe(PAGE_KINDS.length);
  });

  it("reports a kind of page that the registry does not list", () => {
    const withoutNotFound = PAGE_KINDS.filter((k) => k.of !== "not-found");
    expect(unregisteredKinds(site, withoutNotFound)).toEqual(["not-found"]);
  });

  it("tells which kinds a site lacks, and whether it must have them", () => {
    const noPagination: BuiltSite = { ...site, pages: site.pages.filter((p) => !(p.kind === "section" && p.page.number > 1)) };
    const { missing } = representativePages(noPagination);
    expect(missing.map((k) => [k.name, k.always])).toEqual([["section-page-2", false], ["article-with-lead-image", false]]);
  });

  it("marks the front page and an article for Lighthouse", () => {
    expect(representativePages(site).pages.filter((p) => p.lighthouse).map((p) => p.kind)).toEqual(["front", "article"]);
  });
});
