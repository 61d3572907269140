/**
 * A site served under a path (`url: https://example.org/archive/`): every internal link, src,
 * srcset, canonical, og:url, feed link, sitemap loc and JSON-LD URL carries the prefix, on every
 * page kind; `--base-url` moves the whole site for one build; the host files are written.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { outputPathFor } from "../../src/archive/permalinks.ts";
import { tempOut } from "../helpers/built-site.ts";
import { runCli } from "../helpers/run-cli.ts";
import { buildPrefixedSite, PAGES, prefixedArchive, PREFIXED_SITE_YML } from "./prefixed-site.ts";

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Every URL a file points at, with where it was found. */
function urlsIn(file: string, text: string): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  if (file.endsWith(".html")) {
    const root = parse(text);
    for (const el of root.querySelectorAll("[href], [src], [srcset], [content], [poster], [action]")) {
      for (const attr of ["href", "src", "poster", "action"]) {
        const value = el.getAttribute(attr);
        if (value !== undefined) found.push({ where: `${el.tagName.toLowerCase()}[${attr}]`, url: value });
      }
      const srcset = el.getAttribute("srcset");
      if (srcset) for (const candidate of srcset.split(",")) found.push({ where: "srcset", url: candidate.trim().split(/\s+/)[0] });
      const property = el.getAttribute("property") ?? el.getAttribute("name") ?? "";
      const content = el.getAttribute("content");
      if (content && /url|image/i.test(property)) found.push({ where: `meta ${property}`, url: content });
    }
    for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
      JSON.stringify(JSON.parse(script.textContent), (key, value) => {
        if (typeof value === "string" && /^(https?:)?\//.test(value)) found.push({ where: `JSON-LD ${key}`, url: value });
        return value;
      });
    }
  } else if (/\.(xml|json|txt|webmanifest)$/.test(file)) {
    // Feeds and sitemaps: <loc>, <link href>, <id>, JSON Feed's url fields.
    for (const match of text.matchAll(/<(?:loc|id|link|url)>([^<]+)<|href="([^"]+)"|"(?:url|home_page_url|feed_url|id)":\s*"([^"]+)"/g)) {
      const url = match[1] ?? match[2] ?? match[3];
      // A JSON "id" is a URL in a JSON Feed, a name elsewhere (a search shard's "2023").
      if (match[3] !== undefined && !/^(https?:)?\//.test(url)) continue;
      found.push({ where: "feed or sitemap", url });
    }
  }
  return found;
}

/** URLs of this site (relative or on its origin) that lack the base path. */
function unprefixed(urls: { where: string; url: string }[], origin: string, base: string): string[] {
  return urls
    .filter(({ url }) => !url.startsWith("#") && !url.startsWith("data:") && !url.startsWith("mailto:"))
    .filter(({ url }) => {
      const parsed = new URL(url, `${origin}${base}/some/page/`);
      if (parsed.origin !== origin) return false;
      return !(parsed.pathname === `${base}/` || parsed.pathname.startsWith(`${base}/`)) || !(url.startsWith(base + "/") || url.startsWith(origin + base + "/"));
    })
    .map(({ where, url }) => `${where}: ${url}`);
}

describe("the prefix check itself", () => {
  it.each([
    ["/politics/", true],
    ["https://example.org/politics/", true],
    ["/archive-old/x", true],
    ["page/2/", true],
    ["/archive/politics/", false],
    ["https://example.org/archive/", false],
    ["https://other.example.com/x", false],
    ["#main", false],
    ["data:image/svg+xml,x", false],
  ])("flags %s: %s", (url, flagged) => {
    expect(unprefixed([{ where: "a[href]", url }], "https://example.org", "/archive").length).toBe(flagged ? 1 : 0);
  });
});

describe("a site under /archive/", () => {
  let out: string;
  let files: string[];
  beforeAll(async () => {
    ({ out } = await buildPrefixedSite());
    files = filesBelow(out);
  });

  it("has every page kind of the fixture", () => {
    for (const url of Object.values(PAGES)) expect(files, url).toContain(outputPathFor(url));
  });

  it("gives no page, feed or sitemap a URL of its own site without the prefix", () => {
    let checked = 0;
    const problems: string[] = [];
    for (const file of files) {
      const urls = urlsIn(file, readFileSync(join(out, file), "utf8"));
      checked += urls.length;
      problems.push(...unprefixed(urls, "https://example.org", "/archive").map((p) => `${file}: ${p}`));
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it.each(Object.entries(PAGES))("prefixes the links, stylesheet and canonical of the %s page", (_, url) => {
    const page = parse(readFileSync(join(out, outputPathFor(url)), "utf8"));
    const links = page.querySelectorAll("a[href]").map((a) => a.getAttribute("href")!).filter((h) => !h.startsWith("#"));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/archive\//);
    expect(page.querySelector('link[rel="stylesheet"]')?.getAttribute("href")).toMatch(/^\/archive\/assets\/gazette\.[0-9a-f]{10}\.css$/);
    if (url !== PAGES.notFound) expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`https://example.org/archive${url}`);
  });

  it("prefixes a site-relative link written in an article's Markdown", () => {
    const page = parse(readFileSync(join(out, outputPathFor(PAGES.updated)), "utf8"));
    expect(page.querySelector(".updates a")?.getAttribute("href")).toBe("/archive/2023/02/18/harbour-budget/");
  });

  it("links only to files that exist in the folder", () => {
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      for (const { url } of urlsIn(file, readFileSync(join(out, file), "utf8"))) {
        if (!url.startsWith("/archive/")) continue;
        const path = outputPathFor(decodeURIComponent(url.replace(/[?#].*$/, "").slice("/archive".length)));
        if (!existsSync(join(out, path))) missing.push(`${file}: ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("writes the host files: _headers with the prefix, .nojekyll, 404.html", () => {
    expect(files).toEqual(expect.arrayContaining(["_headers", ".nojekyll", "404.html"]));
    const headers = readFileSync(join(out, "_headers"), "utf8");
    expect(headers).toMatch(/^\/archive\/\*\n {2}Content-Security-Policy: /);
    expect(headers).toContain("/archive/assets/*\n  Cache-Control: public, max-age=31536000, immutable");
  });
});

describe("--base-url", () => {
  it("moves every link of one build without touching site.yml", () => {
    const content = prefixedArchive();
    const out = tempOut();
    const run = runCli(["build", "--content", content, "--out", out, "--no-cache", "--base-url", "https://preview.example.net/pr-7/", "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(join(content, "site.yml"), "utf8")).toBe(PREFIXED_SITE_YML);
    const problems: string[] = [];
    let checked = 0;
    for (const file of filesBelow(out)) {
      const urls = urlsIn(file, readFileSync(join(out, file), "utf8"));
      checked += urls.length;
      problems.push(...unprefixed(urls, "https://preview.example.net", "/pr-7").map((p) => `${file}: ${p}`));
      // The old base path may not lead any link (the site's own /archive/ page is /pr-7/archive/).
      for (const { url } of urls) expect(url, file).not.toMatch(/example\.org|^\/archive\//);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    expect(parse(readFileSync(join(out, "index.html"), "utf8")).querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://preview.example.net/pr-7/");
    expect(readFileSync(join(out, "_headers"), "utf8")).toMatch(/^\/pr-7\/\*/);
  });

  it.each(["/pr-7/", "ftp://example.org/", "https://example.org/?x=1"])("refuses %s with base-url-invalid and writes nothing", (url) => {
    const out = tempOut();
    const run = runCli(["build", "--content", prefixedArchive(), "--out", out, "--base-url", url]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("base-url-invalid");
    expect(existsSync(out)).toBe(false);
  });

  it("makes the next build without it cold, and it gives the same site as a fresh one", async () => {
    const content = prefixedArchive();
    const out = tempOut();
    const cache = join(tempOut("gazette-cache-"), "..");
    await buildSite({ content, out, cache, baseUrl: "https://preview.example.net/pr-7" });
    const back = await buildSite({ content, out, cache });
    expect(back.report.cold).toBe(true);
    const fresh = tempOut();
    await buildSite({ content, out: fresh, cache: false });
    expect(filesBelow(out).map((f) => [f, readFileSync(join(out, f), "utf8")])).toEqual(filesBelow(fresh).map((f) => [f, readFileSync(join(fresh, f), "utf8")]));
  });
});

describe("host files", () => {
  it("are left out with --no-host-files", () => {
    const out = tempOut();
    const run = runCli(["build", "--content", prefixedArchive(), "--out", out, "--no-cache", "--no-host-files", "--quiet"]);
    expect(run.status).toBe(0);
    expect(existsSync(join(out, "_headers"))).toBe(false);
    expect(existsSync(join(out, ".nojekyll"))).toBe(false);
    expect(existsSync(join(out, "404.html"))).toBe(true);
  });

  it("stay in place through a warm rebuild, and go when turned off", async () => {
    const content = prefixedArchive();
    const out = tempOut();
    const cache = join(tempOut("gazette-cache-"), "..");
    await buildSite({ content, out, cache });
    const headers = readFileSync(join(out, "_headers"), "utf8");
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.cold).toBe(false);
    expect(readFileSync(join(out, "_headers"), "utf8")).toBe(headers);
    expect(existsSync(join(out, ".nojekyll"))).toBe(true);
    await buildSite({ content, out, cache, hostFiles: false });
    expect(existsSync(join(out, "_headers"))).toBe(false);
    expect(existsSync(join(out, ".nojekyll"))).toBe(false);
  });
});
