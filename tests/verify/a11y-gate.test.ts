import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, type A11yFailure } from "../../verify/a11y-gate.ts";
import { launchBrowser } from "../../verify/browser.ts";
import { formatFailures, type GateResult } from "../../verify/gate-result.ts";
import { representativePages } from "../../verify/page-kinds.ts";
import { serveFolder } from "../../verify/serve-folder.ts";
import { brokenCopy, buildFixture, FIXTURE_URLS, intoMain, tempDir, withoutCsp } from "./fixture.ts";

/** What is broken, on which page, and the axe rule that must fire in which colour schemes. */
const BROKEN: [string, string, (text: string) => string, string, ("light" | "dark")[]][] = [
  ["an img without alt", FIXTURE_URLS.story, intoMain('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">'), "image-alt", ["light", "dark"]],
  ["a link without a name", FIXTURE_URLS.front, intoMain('<a href="/"></a>'), "link-name", ["light", "dark"]],
  ["a page without a language", FIXTURE_URLS.notFound, (t) => t.replace('<html lang="en">', "<html>"), "html-has-lang", ["light", "dark"]],
  // Only the dark scheme has this contrast problem: proves both schemes are really checked.
  ["grey on black in dark mode only", FIXTURE_URLS.section, (t) => withoutCsp(t).replace("</head>", "<style>@media (prefers-color-scheme: dark) { .teaser__summary { color: #333 } }</style></head>"), "color-contrast", ["dark"]],
];

let work: string;
let browser: Browser;
let good: GateResult<A11yFailure>;
let broken: GateResult<A11yFailure>;

beforeAll(async () => {
  work = await tempDir();
  const site = await buildFixture(work);
  const copy = await brokenCopy(site, join(work, "broken"), Object.fromEntries(BROKEN.map(([, url, corrupt]) => [url, corrupt])));
  const { pages } = representativePages(site);
  browser = await launchBrowser();
  for (const [dir, keep] of [[site.dir, (r: GateResult<A11yFailure>) => (good = r)], [copy.dir, (r: GateResult<A11yFailure>) => (broken = r)]] as const) {
    const server = await serveFolder(dir);
    try {
      keep(await checkAccessibility(browser, server.at, pages));
    } finally {
      await server.close();
    }
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the accessibility gate (axe-core in Chromium)", () => {
  it("passes one page of every kind of the fixture, light and dark", () => {
    expect(formatFailures(good)).toBe("");
    // front, section, section-page-2, article, article-with-table, corrections, tombstone, redirect, search, the eight
    // navigation kinds (archive, year, month, day, topics, topic, authors, author), not-found.
    expect(good.checked).toBe("18 pages × 2 colour schemes");
  });

  it.each(BROKEN)("fails on %s (%s)", (_, url, __, rule, schemes) => {
    const found = broken.failures.filter((f) => f.url === url && f.rule === rule);
    expect(found.map((f) => f.scheme).sort()).toEqual([...schemes].sort());
    expect(found[0].targets.length).toBeGreaterThan(0);
  });

  it("reports nothing else", () => {
    const expected = new Set(BROKEN.map(([, url, , rule]) => `${url} ${rule}`));
    expect(broken.failures.filter((f) => !expected.has(`${f.url} ${f.rule}`)).map((f) => f.message)).toEqual([]);
  });
});
