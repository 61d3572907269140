/**
 * The search step through the real build: shards and manifest, the indexed markup, a warm
 * rebuild after one edit re-indexing only that shard, bundles reused from the cache, output
 * byte-identical for the same input, a shard deleted by hand restored, and `--no-search`.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, type BuildOptions } from "../../src/build/build-site.ts";
import { parseManifest } from "../../src/search/search-manifest.ts";
import { readPage, tempOut, text } from "../helpers/built-site.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { FIXTURE_SHARD_PAGES, searchFixture } from "./search-fixture.ts";

const SHARDS = ["2023-06-to-09", "2023-01-to-03", "2022", "2021"];

async function build(content: string, out: string, cache: string, extra: Partial<BuildOptions> = {}) {
  const result = await buildSite({ content, out, cache, searchShardPages: FIXTURE_SHARD_PAGES, ...extra });
  expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  return result.report;
}

const manifestOf = (out: string) => parseManifest(readFileSync(join(out, "search/shards.json"), "utf8"))!;
const bundle = (out: string, id: string) => hashTree(join(out, "search", id));

describe("a build with search", () => {
  it("indexes every shard cold, writes the manifest, and marks the article pages for Pagefind", async () => {
    const out = tempOut();
    const report = await build(searchFixture(), out, tempDir("gazette-cache-"));
    expect(report.search).toMatchObject({ shards: 4, indexed: 4, reused: 0, placed: 4 });
    const manifest = manifestOf(out);
    expect(manifest.shards.map((s) => [s.id, s.bundle, s.pages])).toEqual([
      ["2023-06-to-09", "/search/2023-06-to-09/", 2],
      ["2023-01-to-03", "/search/2023-01-to-03/", 2],
      ["2022", "/search/2022/", 2],
      ["2021", "/search/2021/", 2],
    ]);
    for (const id of SHARDS) {
      expect(existsSync(join(out, "search", id, "pagefind.js"))).toBe(true);
      expect(existsSync(join(out, "search", id, "pagefind-ui.js"))).toBe(false);
    }
    const story = readPage(out, "/2023/03/02/dock-strike/").querySelector("article.story")!;
    expect(story.getAttribute("data-pagefind-body")).toBe("");
    expect([story.getAttribute("data-section"), story.getAttribute("data-year"), story.getAttribute("data-date")]).toEqual(["world", "2023", "2023-03-02T16:00:00.000Z"]);
    expect(readPage(out, "/2023/03/02/dock-strike/").querySelector(".story__author")?.getAttribute("data-pagefind-filter")).toBe("author");
  });

  it("has a search page with the filters, a noscript note with the archive links, a script file, and a search box on every page", async () => {
    const out = tempOut();
    await build(searchFixture(), out, tempDir("gazette-cache-"));
    const page = readPage(out, "/search/");
    expect(page.querySelectorAll("#search-section option").map((o) => o.getAttribute("value"))).toEqual(["", "politics", "world", "sport"]);
    expect(page.querySelectorAll("#search-year option").map((o) => o.getAttribute("value"))).toEqual(["", "2023", "2022", "2021"]);
    expect(page.querySelectorAll("#search-author option").map((o) => o.getAttribute("value"))).toEqual(["", "Ann Lee", "Ben Ode", "Cleo Park", "Dana Roe"]);
    const noscript = page.querySelector("noscript")!;
    expect(noscript.textContent).toContain("Search needs JavaScript");
    // node-html-parser keeps noscript content as text: read its links from the markup.
    expect([...noscript.innerHTML.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(["/archive/", "/politics/", "/world/", "/sport/"]);
    const script = page.querySelector("script")!;
    expect(script.getAttribute("type")).toBe("module");
    expect(script.textContent.trim()).toBe("");
    expect(existsSync(join(out, script.getAttribute("src")!))).toBe(true);
    for (const url of ["/", "/politics/", "/2021/04/01/concert/", "/search/"]) {
      const form = readPage(out, url).querySelector("form.masthead__search")!;
      expect([form.getAttribute("action"), form.getAttribute("role"), form.getAttribute("method")]).toEqual(["/search/", "search", "get"]);
      const input = form.querySelector("input")!;
      expect(input.getAttribute("name")).toBe("q");
      expect(text(form.querySelector(`label[for="${input.getAttribute("id")}"]`))).toBe("Search the archive");
    }
    expect(readFileSync(join(out, "sitemap.xml"), "utf8")).not.toContain("/search/");
  });

  it("re-indexes only the edited article's shard on a warm rebuild, and removes its old files", async () => {
    const content = searchFixture();
    const out = tempOut();
    const cache = tempDir("gazette-cache-");
    await build(content, out, cache);
    const before = Object.fromEntries(SHARDS.map((id) => [id, bundle(out, id)]));
    appendFileSync(join(content, "2022/harbour-fc.md"), "\nThe trophy parade crossed the quokka bridge.\n");
    const report = await build(content, out, cache);
    expect(report.cache.prepared).toBe(1);
    expect(report.search).toMatchObject({ shards: 4, indexed: 1, reused: 3, placed: 1 });
    for (const id of SHARDS.filter((s) => s !== "2022")) expect(bundle(out, id)).toEqual(before[id]);
    expect(bundle(out, "2022")).not.toEqual(before["2022"]);
    // Old fragments are gone: one per article in the shard.
    expect(readdirSync(join(out, "search/2022/fragment"))).toHaveLength(2);
    // Nothing changed: nothing indexed, nothing placed.
    expect((await build(content, out, cache)).search).toMatchObject({ indexed: 0, placed: 0 });
  });

  it("gives byte-identical output for the same input, and reuses cached bundles for another output folder", async () => {
    const content = searchFixture();
    const cache = tempDir("gazette-cache-");
    const [a, b, c] = [tempOut(), tempOut(), tempOut()];
    await build(content, a, cache);
    const reused = await build(content, b, cache);
    expect(reused.search).toMatchObject({ indexed: 0, reused: 4, placed: 4 });
    await build(content, c, tempDir("gazette-cache-"));
    expect(hashTree(b)).toEqual(hashTree(a));
    expect(hashTree(c)).toEqual(hashTree(a));
  });

  it("puts back a shard deleted from the output folder by hand", async () => {
    const content = searchFixture();
    const out = tempOut();
    const cache = tempDir("gazette-cache-");
    await build(content, out, cache);
    const whole = hashTree(out);
    rmSync(join(out, "search/2021"), { recursive: true });
    expect((await build(content, out, cache)).search).toMatchObject({ indexed: 0, placed: 1 });
    expect(hashTree(out)).toEqual(whole);
  });

  it("builds without a cache folder too, leaving no temporary bundles", async () => {
    const out = tempOut();
    const report = await build(searchFixture(), out, tempDir("gazette-cache-"), { cache: false });
    expect(report.search).toMatchObject({ indexed: 4 });
    expect(manifestOf(out).shards).toHaveLength(4);
  });
});

describe("gazette build --no-search", () => {
  it("writes no index and no manifest; the search page stays (it says search is not available)", () => {
    const out = tempOut();
    const run = runCli(["build", "--content", searchFixture(), "--out", out, "--no-search", "--no-cache"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(join(out, "search/shards.json"))).toBe(false);
    expect(readdirSync(join(out, "search"))).toEqual(["index.html"]);
    expect(readPage(out, "/search/").querySelector("[data-search]")?.getAttribute("data-message-unavailable")).toBe("Search is not available on this site.");
  });

  it("is listed in gazette help build", () => {
    expect(runCli(["help", "build"]).stdout).toMatch(/--no-search\s+Leave out the search index/);
  });
});

