import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuiltSite } from "../../verify/built-site.ts";
import { formatFailures, type GateResult } from "../../verify/gate-result.ts";
import { checkLinks, type LinkFailure } from "../../verify/link-gate.ts";
import { brokenCopy, buildFixture, FIXTURE_URLS, intoMain, tempDir } from "./fixture.ts";

/** What is broken, on which page, and the failure the gate must report: [where, url, message]. */
const BROKEN: [string, string, (text: string) => string, [string, string, RegExp]][] = [
  ["a link to a missing page", FIXTURE_URLS.politics, intoMain('<a href="/no-such-section/">Gone</a>'), [FIXTURE_URLS.politics, "/no-such-section/", /HTTP 404/]],
  ["a missing fragment on the same page", FIXTURE_URLS.section, intoMain('<a href="#nowhere">Jump</a>'), [FIXTURE_URLS.section, "/world/#nowhere", /no element with id "nowhere"/]],
  ["a missing fragment on another page", FIXTURE_URLS.front, intoMain(`<a href="${FIXTURE_URLS.story}#update-9">Update 9</a>`), [FIXTURE_URLS.front, `${FIXTURE_URLS.story}#update-9`, /no element with id "update-9"/]],
  ["a link that only works through a redirect", FIXTURE_URLS.page2, intoMain('<a href="/politics">Politics</a>'), [FIXTURE_URLS.page2, "/politics", /redirects \(HTTP 301\)/]],
  // Linked from nowhere, so only found because every file is a starting point.
  ["a broken link on the unlinked 404 page", FIXTURE_URLS.notFound, intoMain('<a href="/2023/01/01/missing/">Old story</a>'), [FIXTURE_URLS.notFound, "/2023/01/01/missing/", /HTTP 404/]],
  ["a canonical URL that names no page", FIXTURE_URLS.story, (t) => t.replace('rel="canonical" href="https://courier.example.org/2023/02/18/storm/"', 'rel="canonical" href="https://courier.example.org/2023/02/18/storm-renamed/"'), [FIXTURE_URLS.story, "/2023/02/18/storm-renamed/", /HTTP 404/]],
  ["a missing stylesheet", FIXTURE_URLS.plainArticle, (t) => t.replace(/href="\/assets\/gazette\.[0-9a-f]+\.css"/, 'href="/assets/gazete.css"'), [FIXTURE_URLS.plainArticle, "/assets/gazete.css", /HTTP 404/]],
];

let work: string;
let good: GateResult<LinkFailure>;
let broken: GateResult<LinkFailure>;

beforeAll(async () => {
  work = await tempDir();
  const site: BuiltSite = await buildFixture(work);
  const copy = await brokenCopy(site, join(work, "broken"), Object.fromEntries(BROKEN.map(([, url, corrupt]) => [url, corrupt])));
  const options = { basePath: site.basePath, siteUrl: site.archive.site.url };
  good = await checkLinks(site.dir, options);
  broken = await checkLinks(copy.dir, options);
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe("the link gate (linkinator)", () => {
  it("passes the built fixture, starting from every page", () => {
    expect(formatFailures(good)).toBe("");
    // Some 35 pages: 7 articles, sections, and their date archives, topics and authors.
    expect(good.checked).toMatch(/^3\d pages, \d+ distinct URLs$/);
  });

  it.each(BROKEN)("fails on %s (%s)", (_, __, ___, [where, url, message]) => {
    expect(broken.failures).toContainEqual(expect.objectContaining({ where, url, message: expect.stringMatching(message) }));
  });

  it("reports each broken link once and nothing else", () => {
    expect(broken.failures).toHaveLength(BROKEN.length);
  });
});
