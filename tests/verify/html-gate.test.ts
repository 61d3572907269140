import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuiltSite } from "../../verify/built-site.ts";
import { formatFailures, type GateResult } from "../../verify/gate-result.ts";
import { checkHtml, checkHtmlFolders, type HtmlFailure } from "../../verify/html-gate.ts";
import { brokenCopy, buildFixture, fileOf, FIXTURE_URLS, intoMain, tempDir, type Corruptions } from "./fixture.ts";
import { readStylesheet } from "../../src/render/stylesheet.ts";

/** What is broken, in which file, and what the validator must say about it. */
const BROKEN: [string, string, (text: string) => string, RegExp][] = [
  ["a stray end tag", fileOf(FIXTURE_URLS.politics), (t) => t.replace("</main>", "</div></main>"), /Stray end tag “div”/],
  ["a duplicate id", fileOf(FIXTURE_URLS.story), intoMain('<span id="headline">again</span>'), /Duplicate ID “headline”/],
  ["an img without alt", fileOf(FIXTURE_URLS.notFound), intoMain('<img src="/x.png">'), /img.*alt/],
  ["a div inside a span", fileOf(FIXTURE_URLS.front), intoMain("<span><div>x</div></span>"), /Element “div” not allowed as child of element “span”/],
  ["a misspelt CSS property", readStylesheet().path.slice(1), (t) => `${t}\n.x { colr: red; }\n`, /Property “colr” doesn't exist/],
];

let work: string;
let site: BuiltSite;
let good: GateResult<HtmlFailure>;
let broken: GateResult<HtmlFailure>;

beforeAll(async () => {
  work = await tempDir();
  site = await buildFixture(work);
  const corruptions: Corruptions = Object.fromEntries(BROKEN.map(([, file, corrupt]) => [file, corrupt]));
  const copy = await brokenCopy(site, join(work, "broken"), corruptions);
  // One run of the checker over both folders, its messages split per folder.
  [good, broken] = await checkHtmlFolders([site.dir, copy.dir]);
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe("the HTML gate (Nu Html Checker)", () => {
  it("passes every page of the built fixture, and its CSS", () => {
    expect(formatFailures(good)).toBe("");
    // Some 35 pages: 7 articles, sections, and their date archives, topics and authors.
    expect(good.checked).toMatch(/^3\d HTML and 1 CSS files$/);
  });

  it.each(BROKEN)("fails on %s in %s", (_, file, __, message) => {
    const found = broken.failures.filter((f) => f.where.startsWith(`${file}:`));
    expect(found.map((f) => f.message)).toContainEqual(expect.stringMatching(message));
    expect(found[0].line).toBeGreaterThan(0);
  });

  it("reports nothing on the files that were left alone", () => {
    const touched = new Set(BROKEN.map(([, file]) => file));
    expect(broken.failures.filter((f) => !touched.has(f.where.replace(/:.*$/, "")))).toEqual([]);
  });

  it("fails when there is nothing to check", async () => {
    const empty = await tempDir();
    try {
      expect((await checkHtml(empty)).failures).toEqual([{ where: empty, message: "no HTML files to check" }]);
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});
