/**
 * A reader searching a built fixture archive in real headless Chromium, served on localhost
 * under the site's Content-Security-Policy: types a query into the search page and sees the
 * expected article first, narrows by section and year, follows the result; finds a word that
 * only an article in the oldest shard has; searches from the masthead box on another page; and
 * sorts newest first. Then the merged shards answer every query with the same hits as one
 * Pagefind index built over all the article pages.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/deploy/host-files.ts";
import { outputPathFor } from "../../src/archive/permalinks.ts";
import { parseManifest } from "../../src/search/search-manifest.ts";
import { runPagefind } from "../../src/search/run-pagefind.ts";
import { launchBrowser } from "../../verify/browser.ts";
import { serveFolder, type ServedFolder } from "../../verify/serve-folder.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { FIXTURE_SHARD_PAGES, searchFixture } from "./search-fixture.ts";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: ServedFolder;
let out: string;
const problems: string[] = [];

beforeAll(async () => {
  const content = searchFixture();
  out = join(tempDir("gazette-search-out-"), "site");
  const result = await buildSite({ content, out, cache: join(tempDir("gazette-search-cache-"), "c"), searchShardPages: FIXTURE_SHARD_PAGES });
  expect(result.ok).toBe(true);
  server = await serveFolder(out);
  browser = await launchBrowser();
  context = await browser.newContext();
  // Every response carries the site's CSP, as `gazette preview` and the _headers file serve it.
  await context.route("**/*", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CONTENT_SECURITY_POLICY } });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  page = await context.newPage();
  page.on("console", (message) => void (message.type() === "error" && problems.push(`console: ${message.text()}`)));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Submits the search page's form and waits for the results. */
async function submitAndWait(): Promise<void> {
  await Promise.all([page.waitForURL(/\/search\/\?/), page.locator("#search-q").press("Enter")]);
  await page.waitForSelector("[data-search][data-ready]");
}

const headlines = () => page.locator(".search-result__headline a").allTextContents();

describe("the search page", () => {
  it("has shards of several years, the newest split into month runs", () => {
    const manifest = parseManifest(readFileSync(join(out, "search/shards.json"), "utf8"))!;
    expect(manifest.shards.map((s) => s.id)).toEqual(["2023-06-to-09", "2023-01-to-03", "2022", "2021"]);
  });

  it("finds the expected article first for a typed query, narrows by section and year, and follows the result", async () => {
    await page.goto(server.at("/search/"));
    await page.locator("#search-q").fill("harbour budget");
    await submitAndWait();
    expect((await headlines())[0]).toBe("Council approves harbour budget");

    await page.locator("#search-q").fill("harbour");
    await submitAndWait();
    const all = await headlines();
    expect(all.length).toBeGreaterThan(4);

    await page.locator("#search-section").selectOption("politics");
    await submitAndWait();
    expect(new Set(await headlines())).toEqual(new Set(["Council approves harbour budget", "Mayor names new harbour master", "Harbour plan first drafted"]));

    await page.locator("#search-year").selectOption("2022");
    await submitAndWait();
    expect(await headlines()).toEqual(["Harbour plan first drafted"]);
    expect(await page.locator(".search__status").textContent()).toBe("1 article found.");

    await Promise.all([page.waitForURL(server.at("/2022/05/05/harbour-plan/")), page.locator(".search-result__headline a").first().click()]);
    expect(await page.locator("h1").textContent()).toBe("Harbour plan first drafted");
  });

  it("finds a word that occurs only in an article of the oldest shard", async () => {
    await page.goto(server.at("/search/?q=xylophonist"));
    await page.waitForSelector("[data-search][data-ready]");
    expect(await headlines()).toEqual(["A concert on the pier"]);
  });

  it("takes a query from the masthead box of any page", async () => {
    await page.goto(server.at("/politics/"));
    await page.getByLabel("Search the archive").fill("regatta");
    await Promise.all([page.waitForURL(/\/search\/\?q=regatta/), page.getByLabel("Search the archive").press("Enter")]);
    await page.waitForSelector("[data-search][data-ready]");
    expect(await page.locator("#search-q").inputValue()).toBe("regatta");
    expect((await headlines())[0]).toBe("Regatta postponed by storm");
  });

  it("lists the results newest first across shards", async () => {
    await page.goto(server.at("/search/?q=harbour&sort=newest"));
    await page.waitForSelector("[data-search][data-ready]");
    expect(await headlines()).toEqual([
      "Mayor names new harbour master",
      "Council approves harbour budget",
      "Dock workers strike at the harbour",
      "Regatta postponed by storm",
      "Harbour FC wins the cup",
      "Harbour plan first drafted",
      "Marathon along the coast",
    ]);
  });

  it("says when nothing is found", async () => {
    await page.goto(server.at("/search/?q=zeppelin"));
    await page.waitForSelector("[data-search][data-ready]");
    expect(await headlines()).toEqual([]);
    expect(await page.locator(".search__status").textContent()).toBe("No articles found for “zeppelin”.");
  });

  it("ran without a console error, page error or CSP violation", () => {
    expect(problems).toEqual([]);
  });
});

describe("merged shards and one index", () => {
  const QUERIES: [string, Record<string, string>][] = [
    ["harbour", {}],
    ["harbour", { section: "sport" }],
    ["harbour", { year: "2023" }],
    ["harbour", { author: "Ann Lee" }],
    ["the", {}],
    ["pier", {}],
    ["xylophonist", {}],
    ["council budget", {}],
    ["strike", {}],
  ];

  it.each(QUERIES)("find the same articles for %s %j", async (term, filters) => {
    const single = join(out, "single-index");
    if (!existsSync(single)) {
      // One Pagefind run over every article page of the built site, as a single index would be.
      const site = join(tempDir("gazette-single-"), "site");
      for (const url of ["/2023/09/01/mayor/", "/2023/06/10/council-budget/", "/2023/03/02/dock-strike/", "/2023/01/15/regatta/", "/2022/11/20/harbour-fc/", "/2022/05/05/harbour-plan/", "/2021/08/08/marathon/", "/2021/04/01/concert/"]) {
        const target = join(site, outputPathFor(url));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(out, outputPathFor(url)), target);
      }
      await runPagefind(site, single);
    }
    await page.goto(server.at("/"));
    // A string, not a function: vitest would rewrite a function's import() into its own loader.
    const found = (await page.evaluate(`(async () => {
      const term = ${JSON.stringify(term)}, filters = ${JSON.stringify(filters)};
      const urls = async (module) => (await Promise.all((await module.search(term, { filters })).results.map((r) => r.data()))).map((d) => d.url).sort();
      const manifest = await (await fetch("/search/shards.json")).json();
      const merged = await import(manifest.shards[0].bundle + "pagefind.js");
      for (const shard of manifest.shards.slice(1)) await merged.mergeIndex(shard.bundle);
      const one = await import("/single-index/pagefind.js");
      return { merged: await urls(merged), one: await urls(one) };
    })()`)) as { merged: string[]; one: string[] };
    expect(found.one.length).toBeGreaterThan(0);
    expect(found.merged).toEqual(found.one);
  });
});
