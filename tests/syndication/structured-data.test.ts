/**
 * What search engines and social previews read from built pages: JSON-LD, Open Graph,
 * Twitter cards, canonical links, descriptions, feed autodiscovery; the corrections page; and
 * one test that every date an article carries agrees to the second wherever it appears.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { readPage, text } from "../helpers/built-site.ts";
import { buildFixture, readOut, RICH } from "./syndication-fixture.ts";

const ORIGIN = "https://tribune.example.org";
let out: string;
beforeAll(async () => {
  out = await buildFixture();
});

type Ld = Record<string, any>;
const jsonLd = (url: string): Ld[] => readPage(out, url).querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
const meta = (url: string, key: string) => readPage(out, url).querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`).map((m) => m.getAttribute("content"));
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe("an article's NewsArticle", () => {
  it("has every field, its dates equal to the visible <time datetime> values", () => {
    const [article] = jsonLd(RICH).filter((d) => d["@type"] === "NewsArticle");
    const page = readPage(out, RICH);
    const published = page.querySelector(".story__time time")!.getAttribute("datetime");
    const updated = page.querySelector(".story__time--updated time")!.getAttribute("datetime");
    const correctionTime = page.querySelector("#correction-2 time")!.getAttribute("datetime");
    expect(article).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Council approves the harbour budget",
      datePublished: published,
      dateModified: updated,
      articleSection: "Politics",
      author: [{ "@type": "Person", name: "Mara Keller" }, { "@type": "Person", name: "Elif Şahin" }],
      publisher: { "@type": "Organization", name: "Tribune Media Group", url: "https://media.example.org", logo: { "@type": "ImageObject", url: `${ORIGIN}/media/logo.png` } },
      mainEntityOfPage: { "@type": "WebPage", "@id": `${ORIGIN}${RICH}` },
      url: `${ORIGIN}${RICH}`,
      description: "The vote was 19 to 12.",
      image: { "@type": "ImageObject", url: `${ORIGIN}/media/harbour.jpg`, description: "The harbour at dawn", creditText: "Tribune" },
      inLanguage: "en",
      keywords: "budget, harbour",
      correction: [{ "@type": "CorrectionComment", datePublished: correctionTime, text: "An earlier version gave the wrong year for the bridge." }],
    });
  });

  it("comes with a BreadcrumbList matching the visible breadcrumb", () => {
    const [crumbs] = jsonLd(RICH).filter((d) => d["@type"] === "BreadcrumbList");
    const visible = readPage(out, RICH).querySelectorAll(".breadcrumb a").map((a) => [text(a), `${ORIGIN}${a.getAttribute("href")}`]);
    expect(crumbs.itemListElement.map((i: Ld) => [i.name, i.item])).toEqual(visible);
    expect(crumbs.itemListElement.map((i: Ld) => i.position)).toEqual([1, 2]);
  });

  it("cannot be closed by a title holding </script>", () => {
    const url = "/2024/03/09/script-title/";
    const html = readOut(out, `${url.slice(1)}index.html`);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts.length).toBe(2);
    expect(scripts[0]).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(scripts[0]).headline).toBe("Breaking </script><script>alert(1)</script> & more");
    expect(html).not.toContain("<script>alert(1)");
  });
});

describe("other pages' structured data", () => {
  it.each([
    ["/", "WebSite"],
    ["/world/europe/", "CollectionPage"],
    ["/corrections/", "CollectionPage"],
  ])("%s has a %s", (url, type) => {
    const data = jsonLd(url);
    expect(data[0]).toMatchObject({ "@context": "https://schema.org", "@type": type, url: `${ORIGIN}${url}`, inLanguage: "en" });
  });

  it("gives a nested section's page a BreadcrumbList down to itself", () => {
    const crumbs = jsonLd("/world/europe/").find((d) => d["@type"] === "BreadcrumbList")!;
    expect(crumbs.itemListElement.map((i: Ld) => i.name)).toEqual(["Home", "World", "Europe"]);
  });
});

describe("Open Graph, Twitter cards, canonical, description and autodiscovery", () => {
  it("describes an article", () => {
    expect(meta(RICH, "og:type")).toEqual(["article"]);
    expect(meta(RICH, "og:title")).toEqual(["Council approves the harbour budget"]);
    expect(meta(RICH, "og:description")).toEqual(["The vote was 19 to 12."]);
    expect(meta(RICH, "og:url")).toEqual([`${ORIGIN}${RICH}`]);
    expect(meta(RICH, "og:image")).toEqual([`${ORIGIN}/media/harbour.jpg`]);
    expect(meta(RICH, "article:section")).toEqual(["Politics"]);
    expect(meta(RICH, "article:tag")).toEqual(["budget", "harbour"]);
    expect(meta(RICH, "twitter:card")).toEqual(["summary_large_image"]);
    expect(meta(RICH, "description")).toEqual(["The vote was 19 to 12."]);
  });

  it.each(["/", "/politics/", "/world/europe/", "/corrections/", RICH, "/404.html"])("%s has one description and the site feed's alternate links", (url) => {
    const page = readPage(out, url);
    expect(page.querySelectorAll('meta[name="description"]').length).toBe(1);
    const feeds = page.querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute("href"));
    expect(feeds.slice(0, 3)).toEqual(["/feed.xml", "/rss.xml", "/feed.json"]);
    if (url !== "/404.html") expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${ORIGIN}${url}`);
  });

  it.each([
    ["/world/europe/", "/world/europe/"],
    [RICH, "/politics/"],
  ])("%s announces its section's feeds too", (url, section) => {
    const feeds = readPage(out, url).querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute("href"));
    expect(feeds.slice(3)).toEqual([`${section}feed.xml`, `${section}rss.xml`, `${section}feed.json`]);
  });
});

describe("the corrections page", () => {
  it("lists each correction with its time, its text and a link to the article's note", () => {
    const page = readPage(out, "/corrections/");
    const items = page.querySelectorAll(".correction");
    expect(items.map((i) => [i.querySelector("a")!.getAttribute("href"), i.querySelector("time")!.getAttribute("datetime"), text(i.querySelector(".correction__text"))])).toEqual([
      [`${RICH}#correction-2`, readPage(out, RICH).querySelector("#correction-2 time")!.getAttribute("datetime"), "An earlier version gave the wrong year for the bridge."],
    ]);
  });

  it("is linked from every page's footer and from the corrected article", () => {
    for (const url of ["/", "/politics/", RICH, "/404.html"]) {
      expect(readPage(out, url).querySelectorAll(".colophon a").map((a) => a.getAttribute("href"))).toContain("/corrections/");
    }
    expect(readPage(out, RICH).querySelector(".updates__corrections a")?.getAttribute("href")).toBe("/corrections/");
    expect(readPage(out, "/2024/03/08/world-lead/").querySelector(".updates__corrections")).toBeNull();
  });
});

describe("one article's dates everywhere", () => {
  it("agree to the second: <time datetime>, JSON-LD, Open Graph, every feed and the sitemap", () => {
    const page = readPage(out, RICH);
    const published = second(page.querySelector(".story__time time")!.getAttribute("datetime")!);
    const modified = second(page.querySelector(".story__time--updated time")!.getAttribute("datetime")!);
    const ld = jsonLd(RICH).find((d) => d["@type"] === "NewsArticle")!;
    const atom = parseFeed(readOut(out, "politics/feed.xml")).toJSON().items[0];
    const rss = parseFeed(readOut(out, "rss.xml")).toJSON().items[0];
    const json = JSON.parse(readOut(out, "feed.json")).items[0];
    const sitemap = new XMLParser().parse(readOut(out, "sitemap.xml")).urlset.url.find((u: Ld) => u.loc === `${ORIGIN}${RICH}`);
    const news = new XMLParser().parse(readOut(out, "news-sitemap.xml")).urlset.url[0]["news:news"];
    expect([ld.datePublished, meta(RICH, "article:published_time")[0], atom.published, rss.published, json.date_published, news["news:publication_date"]].map((d) => second(d!))).toEqual(Array(6).fill(published));
    expect([ld.dateModified, meta(RICH, "article:modified_time")[0], atom.updated, json.date_modified, sitemap.lastmod].map((d) => second(d!))).toEqual(Array(5).fill(modified));
  });
});
