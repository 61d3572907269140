import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../verify/browser.ts";
import type { BuiltSite } from "../../verify/built-site.ts";
import { formatFailures, type GateResult } from "../../verify/gate-result.ts";
import { runJourneys, type JourneyFailure } from "../../verify/journeys.ts";
import { representativePages } from "../../verify/page-kinds.ts";
import { serveFolder } from "../../verify/serve-folder.ts";
import { brokenCopy, buildFixture, FIXTURE_URLS, intoMain, tempDir, withoutCsp, type Corruptions } from "./fixture.ts";
import { readStylesheet } from "../../src/render/stylesheet.ts";

/**
 * One broken copy carries every corruption (the journeys are independent of each other):
 * [what, journey that must fail, text of the failure].
 */
const BROKEN: [string, JourneyFailure["journey"], RegExp][] = [
  ["the pager loses its link to page 2", "browse", /no link "Older articles" in the pager/],
  ["update blocks oldest first", "follow-story", /not older than the block above it/],
  ["an update time shown in UTC, not the newsroom's zone", "follow-story", /shows ".*", not the time in America\/New_York/],
  ["the article's breadcrumb is gone", "follow-story", /no link "Europe" in the breadcrumb/],
  ["focus rings switched off", "keyboard", /has no visible focus ring/],
  ["a link taken out of the Tab order", "keyboard", /1 of \d+ links cannot be reached with Tab: "Home"/],
  ["a wide element on a section page", "small-screen", /section \/world\/ at 360 px: .*the page scrolls sideways/],
  ["a table that no longer scrolls in its own box", "small-screen", /article-with-table \/2023\/01\/04\/p3\/ at 360 px: .*the page scrolls sideways/],
  ["a script error", "page-health", /script error: boom/],
];

const CORRUPTIONS: Corruptions = {
  [FIXTURE_URLS.politics]: (t) => t.replace(/<a class="pager__older"[^>]*>[^<]*<\/a>/, ""),
  [FIXTURE_URLS.story]: (t) =>
    t
      // Newest first becomes oldest first: move the first update block to the end.
      .replace(/(<section class="updates"[^>]*>\n)(<div class="update[\s\S]*?<\/div>\n)([\s\S]*?)(<\/section>)/, "$1$3$2$4")
      // The correction (2023-02-20 08:00 in New York) shown at 13:00, UTC's reading of it.
      .replace("Monday, February 20, 8:00 a.m.</time>", "Monday, February 20, 1:00 p.m.</time>")
      .replace(/<nav class="breadcrumb"[\s\S]*?<\/nav>/, ""),
  [readStylesheet().path.slice(1)]: (t) => `${t}\n:focus-visible { outline: none; }\n.table-scroll { overflow-x: visible; }\n`,
  [FIXTURE_URLS.notFound]: (t) => t.replace(/<a href="\/">Home<\/a>/, '<a href="/" tabindex="-1">Home</a>'),
  // The pages' Content-Security-Policy blocks inline styles and scripts; these broken pages need one each.
  [FIXTURE_URLS.section]: (t) => intoMain('<div style="width: 900px">A table too wide for a phone</div>')(withoutCsp(t)),
  [FIXTURE_URLS.front]: (t) => withoutCsp(t).replace("</body>", "<script>throw new Error('boom')</script></body>"),
};

let work: string;
let browser: Browser;
let good: GateResult<JourneyFailure>;
let broken: GateResult<JourneyFailure>;

async function journeys(site: BuiltSite, screenshotsDir?: string) {
  const server = await serveFolder(site.dir, { basePath: site.basePath });
  try {
    return await runJourneys(browser, server.at, site, representativePages(site).pages, { screenshotsDir });
  } finally {
    await server.close();
  }
}

beforeAll(async () => {
  work = await tempDir();
  const site = await buildFixture(work);
  const copy = await brokenCopy(site, join(work, "broken"), CORRUPTIONS);
  browser = await launchBrowser();
  good = await journeys(site, join(work, "screenshots"));
  broken = await journeys(copy);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the reader journeys (Chromium)", () => {
  it("walk the fixture without a problem", () => {
    expect(formatFailures(good)).toBe("");
    expect(good.notes).toEqual([]);
  });

  it("leave screenshots at 360 px (light and dark) and 1280 px of every kind of page", async () => {
    const shots = await readdir(join(work, "screenshots", "fixture"));
    for (const kind of ["front", "section", "section-page-2", "article", "article-with-table", "corrections", "not-found"]) {
      expect(shots).toEqual(expect.arrayContaining([`${kind}-360.png`, `${kind}-360-dark.png`, `${kind}-1280.png`]));
    }
  });

  it.each(BROKEN)("fail when %s (%s)", (_, journey, message) => {
    const found = broken.failures.filter((f) => f.journey === journey).map((f) => `${f.where}: ${f.message}`);
    expect(found).toContainEqual(expect.stringMatching(message));
  });
});
