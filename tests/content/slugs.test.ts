import { describe, expect, it } from "vitest";
import { isSafeSlug, slugFromFileName } from "../../src/content/slugs.ts";

describe("slugFromFileName", () => {
  it.each([
    ["2025-06-28-Emelia-Smith.md", "emelia-smith"],
    ["v0.10.0.md", "v0.10.0"],
    ["cve-2015-8027_cve-2015-6764.md", "cve-2015-8027_cve-2015-6764"],
    ["ferry-strike.md", "ferry-strike"],
    ["Zürich Café.md", "zurich-cafe"],
    ["Łódź  rally!!.md", "odz-rally"],
    ["2023-02-18.md", "2023-02-18"],
    ["--odd--name--.md", "odd-name"],
    [".hidden.md", "hidden"],
    ["already_fine.md", "already_fine"],
    ["Ünïcödé.md", "unicode"],
    ["日本.md", ""],
  ])("%s → %j", (file, slug) => {
    expect(slugFromFileName(file)).toBe(slug);
  });
});

describe("isSafeSlug", () => {
  it.each([
    ["budget-vote-live", true],
    ["v0.10.0", true],
    ["a_b", true],
    ["2023", true],
    ["Budget", false],
    ["budget vote", false],
    [".hidden", false],
    ["a/b", false],
    ["zürich", false],
    ["", false],
  ])("%j → %s", (slug, safe) => {
    expect(isSafeSlug(slug)).toBe(safe);
  });
});
