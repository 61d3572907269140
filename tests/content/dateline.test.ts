/**
 * The `dateline` field: validated like other text, kept on the Article, and printed escaped
 * before the first paragraph of the article page.
 */
import { describe, expect, it } from "vitest";
import { buildSectionTree } from "../../src/archive/sections.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { readPage, tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";

const context = { site: { timeZone: "America/New_York" }, sections: buildSectionTree([{ id: "politics", title: "Politics" }]) };
const base = ["title: T", "date: 2023-02-18T10:00:00", "section: politics"];

describe("dateline", () => {
  it.each([
    ["dateline: LAKEFORD", "LAKEFORD", []],
    ["dateline: '  NEW YORK  '", "NEW YORK", []],
    ["dateline: 12", undefined, ["dateline-invalid"]],
    ["dateline: [A, B]", undefined, ["field-not-scalar"]],
    ['dateline: "BERN\\u0007"', undefined, ["control-character"]],
  ])("%s", (line, dateline, codes) => {
    const result = validateArticle("a.md", article([...base, line], "Text."), context);
    expect(result.issues.map((i) => i.code)).toEqual(codes);
    expect(result.article?.dateline).toBe(dateline);
  });

  it("is printed, escaped, before the first paragraph, or on its own line before another opening", async () => {
    const content = fixtureArchive({
      "a.md": article([...base, 'dateline: "<b>LAKE</b> & FORD"'], "The council voted.\n\nMore.\n"),
      "b.md": article([...base, "dateline: BERN"], "## A subhead first\n\nText.\n"),
    });
    const out = tempOut();
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    expect(readPage(out, "/2023/02/18/a/").querySelector(".story__body")?.innerHTML.trim()).toBe(
      '<p><span class="dateline">&lt;b&gt;LAKE&lt;/b&gt; &amp; FORD</span> – The council voted.</p>\n<p>More.</p>',
    );
    expect(readPage(out, "/2023/02/18/b/").querySelector(".story__body")?.innerHTML.trim()).toBe('<p><span class="dateline">BERN</span></p>\n<h2>A subhead first</h2>\n<p>Text.</p>');
  });
});
