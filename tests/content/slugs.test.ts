import { describe, expect, it } from "vitest";
import { isSafeSlug, MAX_SLUG_BYTES, slugFromFileName, slugify, slugTooLong } from "../../src/content/slugs.ts";

describe("slugFromFileName", () => {
  it.each([
    ["2025-06-28-Emelia-Smith.md", "emelia-smith"],
    ["v0.10.0.md", "v0.10.0"],
    ["cve-2015-8027_cve-2015-6764.md", "cve-2015-8027_cve-2015-6764"],
    ["ferry-strike.md", "ferry-strike"],
    ["Zürich Café.md", "zurich-cafe"],
    ["Łódź  rally!!.md", "lodz-rally"],
    ["Łódź.md", "lodz"],
    ["Øresund.md", "oresund"],
    ["Straße.md", "strasse"],
    ["Æble.md", "aeble"],
    ["Þing.md", "thing"],
    ["Điện đài.md", "dien-dai"],
    ["Notes.MD", "notes"],
    ["Long-Read.markdown", "long-read"],
    ["2024-01-02-Ferry.Markdown", "ferry"],
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

describe("slugTooLong", () => {
  it.each([
    ["a".repeat(MAX_SLUG_BYTES), false],
    ["a".repeat(MAX_SLUG_BYTES + 1), true],
    ["ü".repeat(MAX_SLUG_BYTES / 2), false],
    ["ü".repeat(MAX_SLUG_BYTES / 2 + 1), true],
  ])("%j → %s", (slug, tooLong) => {
    expect(slugTooLong(slug)).toBe(tooLong);
  });
});

describe("slugify", () => {
  it.each([
    ["Élections Européennes", "elections-europeennes"],
    ["C++", "c"],
    ["Łódź", "lodz"],
    ["  spaced   out ", "spaced-out"],
    ["!!!", ""],
  ])("%s → %s, the first time and every time after", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugify(name)).toBe(slug);
  });

  it("gives the same slugs after more names than it keeps", () => {
    const first = slugify("Zürich Café");
    for (let n = 0; n < 25_000; n++) slugify(`name ${n}`);
    expect(slugify("Zürich Café")).toBe(first);
    expect(slugify("name 3")).toBe("name-3");
  });
});
