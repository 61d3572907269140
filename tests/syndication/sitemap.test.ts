import { describe, expect, it } from "vitest";
import { SITEMAP_LIMITS, sitemapFileCount, sitemapFiles, sitemapPaths } from "../../src/syndication/sitemap.ts";

describe("sitemapFileCount", () => {
  it.each([
    [0, 45_000, 1],
    [45_000, 45_000, 1],
    [45_001, 45_000, 2],
    [5, 2, 3],
    // A threshold above the protocol's limit is held to 50,000.
    [60_000, 100_000, 2],
  ])("%i URLs at %i a file: %i file(s)", (count, threshold, expected) => {
    expect(sitemapFileCount(count, threshold)).toBe(expected);
  });
});

describe("sitemapFiles", () => {
  const urls = Array.from({ length: 5 }, (_, i) => ({ url: `/a${i}/` }));
  const absolute = (u: string) => `https://x.org${u}`;

  it("writes exactly the files sitemapPaths names, each URL once, in order", () => {
    const files = sitemapFiles(urls, 2, absolute);
    expect(files.map((f) => f.path)).toEqual(sitemapPaths(urls.length, 2));
    const listed = files.slice(1).flatMap((f) => [...f.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(listed).toEqual(urls.map((u) => absolute(u.url)));
    expect(files[0].text).toContain("<sitemapindex");
  });

  it("escapes URLs and keeps every part within the protocol's limits", () => {
    const [file] = sitemapFiles([{ url: "/a&b/" }], SITEMAP_LIMITS.defaultThreshold, absolute);
    expect(file.text).toContain("<loc>https://x.org/a&amp;b/</loc>");
    expect(SITEMAP_LIMITS.defaultThreshold).toBeLessThanOrEqual(SITEMAP_LIMITS.urls);
  });
});
